import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { AgendaService } from './agenda.service';
import { GoalDue, SessionConnection } from './agenda.types';

const viewerZoneArg = {
  name: 'viewerTimeZone',
  type: () => String,
  defaultValue: 'UTC',
  description: 'IANA zone in which local times and "today" are meant',
};
const actorOf = (principal: Principal) => ({
  tenantId: principal.tenantId,
  personId: principal.personId,
  orgAdmin: principal.orgAdmin === true,
});

@Resolver()
export class AgendaResolver {
  constructor(private readonly agenda: AgendaService) {}

  @Query(() => SessionConnection, {
    description:
      'Sessions you host or are invited to, in every mentorship and program: earliest start first, from those not yet over',
  })
  mySessions(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'At most 100' }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null | undefined,
    @Args(viewerZoneArg) viewerTimeZone: string,
    @Args('includePast', { defaultValue: false, description: 'Start with your earliest session instead' })
    includePast: boolean,
    @Args('includeCancelled', { defaultValue: false }) includeCancelled: boolean,
  ) {
    return this.agenda.mySessions(actorOf(principal), {
      first,
      after: after ?? null,
      viewerTimeZone,
      includePast,
      includeCancelled,
    });
  }

  @Query(() => [GoalDue], {
    description: 'Active goals of your open mentorships due within withinDays (1 to 365) or overdue, soonest first',
  })
  myGoalsDueSoon(
    @CurrentPrincipal() principal: Principal,
    @Args('withinDays', { type: () => Int, defaultValue: 14 }) withinDays: number,
    @Args(viewerZoneArg) viewerTimeZone: string,
  ) {
    return this.agenda.myGoalsDueSoon(actorOf(principal), withinDays, viewerTimeZone);
  }
}
