import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Goal, Session, ViewerRoleEnum } from '../graphql/sessions.types';

@ObjectType()
export class SessionEdge {
  @Field({ description: 'Pass as `after` to continue after this session' }) cursor!: string;
  @Field(() => Session) node!: Session;
}

@ObjectType()
export class SessionPageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType({ description: 'Sessions you host or are invited to, earliest start first' })
export class SessionConnection {
  @Field(() => [SessionEdge]) edges!: SessionEdge[];
  @Field(() => SessionPageInfo) pageInfo!: SessionPageInfo;
}

@ObjectType({ description: 'An active goal of one of your open mentorships, due within the window or overdue' })
export class GoalDue {
  @Field(() => ID, { description: 'Its mentorship (the web app links to /mentorships/<id>)' }) mentorshipId!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ViewerRoleEnum, { description: 'MENTOR or MENTEE: your side of that mentorship' })
  viewerRole!: string;
  @Field(() => Int, { description: "Whole days from today in the viewer's zone to the target; negative when overdue" })
  daysLeft!: number;
  @Field() overdue!: boolean;
  @Field(() => Goal) goal!: Goal;
}
