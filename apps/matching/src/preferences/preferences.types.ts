import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Participant } from '../graphql/matching.types';

@ObjectType({ description: 'Your own matching preferences in one program (nobody else sees them)' })
export class MatchingPreferences {
  @Field(() => [ID], { description: 'Mentors you would prefer, most preferred first (mentees)' })
  preferredMentorPersonIds!: string[];
  @Field(() => [ID], { description: 'Mentees you would rather not take (mentors); rounds never propose them to you' })
  ratherNotMenteePersonIds!: string[];
  @Field(() => [Participant], {
    nullable: 'items',
    description:
      'The same mentees as profiles shows them (names for a list the mentor edits), in the order of the ids; null for ' +
      'one profiles no longer shows',
  })
  ratherNotMentees!: Array<Participant | null>;
  @Field(() => Int, { description: 'How many preferred mentors a mentee may mark' })
  maxPreferredMentors!: number;
}
