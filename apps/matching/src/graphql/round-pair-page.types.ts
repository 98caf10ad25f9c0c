import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Participant, RoundPair } from './matching.types';

@InputType({ description: "Narrows a round's pairs; the criteria given all apply" })
export class RoundPairFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Pairs whose mentee or mentor is one of these people (e.g. the people a name search found)',
  })
  personIds?: string[] | null;
  @Field(() => Boolean, { nullable: true }) locked?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: "Pairs the manager added or swapped (not the engine's)" })
  manual?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: 'Pairs whose mentee did not get the mentor that fits best' })
  notFirstChoice?: boolean | null;
}

@ObjectType({ description: "A page of a round's pairs, in mentee id order" })
export class RoundPairConnection {
  @Field(() => [RoundPair]) nodes!: RoundPair[];
  @Field(() => Int, { description: 'Pairs matching the filter in the whole round' }) totalCount!: number;
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page' }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType({ description: 'How evenly a round spreads mentees over the mentors it uses' })
export class RoundMentorLoad {
  @Field(() => Int, { description: 'Mentors with at least one mentee in the round' }) mentors!: number;
  @Field(() => Int) fewest!: number;
  @Field(() => Int) most!: number;
}

@ObjectType({ description: 'A mentor of a round with their number of mentees in it' })
export class RoundMentor {
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => Participant, { nullable: true, description: "The mentor's profile (profiles subgraph)" })
  mentor!: Participant;
  @Field(() => Int) mentees!: number;
}
