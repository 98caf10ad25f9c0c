import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal, type GraphqlContext } from '@trellis/shared/graphql';
import { commandContext, commandIdArg, withCommandId } from '../graphql/command-context';
import { PreferencesService } from './preferences.service';
import { MatchingPreferences } from './preferences.types';

/** A participant's own matching preferences: preferred mentors, mentees a mentor would rather not take. */
@Resolver()
export class PreferencesResolver {
  constructor(@Inject(PreferencesService) private readonly preferences: PreferencesService) {}

  @Query(() => MatchingPreferences, { description: 'Your matching preferences in a program you take part in' })
  async myMatchingPreferences(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
  ) {
    return this.preferences.mine(commandContext(principal, context), programId);
  }

  @Mutation(() => MatchingPreferences, {
    description: "Replaces the mentors you would prefer (mentees; at most the program's maximum, in order)",
  })
  async setPreferredMentors(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('mentorPersonIds', { type: () => [ID] }) mentorPersonIds: string[],
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.preferences.setPreferredMentors(ctx, programId, mentorPersonIds);
  }

  @Mutation(() => MatchingPreferences, {
    description: 'Replaces the mentees you would rather not take (mentors); rounds leave those pairs out',
  })
  async setRatherNotMentees(
    @CurrentPrincipal() principal: Principal,
    @Context() context: GraphqlContext,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('menteePersonIds', { type: () => [ID] }) menteePersonIds: string[],
    @Args(commandIdArg) commandId?: string,
  ) {
    const ctx = withCommandId(commandContext(principal, context), commandId);
    return this.preferences.setRatherNotMentees(ctx, programId, menteePersonIds);
  }
}
