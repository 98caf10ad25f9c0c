import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Participant } from '../graphql/matching.types';

const profileOf = (who: string) => ({
  nullable: true,
  description: `The ${who}'s profile (profiles subgraph); null once erased or if you may not see it`,
});

@ObjectType()
export class CircleMember {
  @Field(() => ID) personId!: string;
  @Field(() => ID) participantId!: string;
  @Field(() => Participant, profileOf('mentee')) mentee!: Participant;
  @Field(() => String, { nullable: true, description: 'From the read model; null in a command answer' })
  joinedAt!: string | null;
}

@ObjectType({ description: 'Group mentoring: a mentor leads a circle of mentees up to its size limit' })
export class Circle {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) mentorParticipantId!: string;
  @Field(() => Participant, profileOf('circle lead')) mentor!: Participant;
  @Field(() => Int) maxSize!: number;
  @Field({ description: 'Mentees may join on their own' }) selfJoin!: boolean;
  @Field() status!: string;
  @Field(() => Int) memberCount!: number;
  @Field(() => Int) freeSeats!: number;
  @Field(() => [CircleMember], {
    nullable: true,
    description: 'Visible to program managers, the circle lead and its members; null for anyone else',
  })
  members!: CircleMember[] | null;
}

@ObjectType()
export class CirclePlacement {
  @Field(() => ID) circleId!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, profileOf('circle lead')) mentor!: Participant;
  @Field(() => Participant, profileOf('mentee')) mentee!: Participant;
  @Field(() => Float) score!: number;
}

@ObjectType()
export class CircleUnplacedMentee {
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, profileOf('mentee')) mentee!: Participant;
  @Field() reason!: string;
}

@ObjectType({ description: 'A round for circles: mentees placed with circle leads up to the free places' })
export class CircleFill {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field() status!: string;
  @Field() inputSnapshotHash!: string;
  @Field() engineVersion!: string;
  @Field(() => [CirclePlacement]) placements!: CirclePlacement[];
  @Field(() => [CircleUnplacedMentee]) unplaced!: CircleUnplacedMentee[];
}

@ObjectType()
export class CirclePlacementSkipped {
  @Field(() => ID) circleId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field() code!: string;
  @Field() message!: string;
}

@ObjectType()
export class CircleFillOutcome {
  @Field(() => CircleFill) fill!: CircleFill;
  @Field(() => Int) placed!: number;
  @Field(() => [CirclePlacementSkipped]) skipped!: CirclePlacementSkipped[];
}
