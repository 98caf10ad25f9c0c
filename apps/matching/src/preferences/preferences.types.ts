import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Your own matching preferences in one program (nobody else sees them)' })
export class MatchingPreferences {
  @Field(() => [ID], { description: 'Mentors you would prefer, most preferred first (mentees)' })
  preferredMentorPersonIds!: string[];
  @Field(() => [ID], { description: 'Mentees you would rather not take (mentors); rounds never propose them to you' })
  ratherNotMenteePersonIds!: string[];
  @Field(() => Int, { description: 'How many preferred mentors a mentee may mark' })
  maxPreferredMentors!: number;
}
