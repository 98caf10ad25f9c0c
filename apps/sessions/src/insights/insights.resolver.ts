import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { InsightTable, ProgramInsights as Insights } from '@trellis/sessions/insights';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { InsightsService } from './insights.service';
import { InsightTableEnum, ProgramInsights } from './insights.types';

const filters = {
  asOf: { name: 'asOf', type: () => String, nullable: true, description: 'Date or date-time; default now' },
  cohortId: { name: 'cohortId', type: () => ID, nullable: true },
  department: { name: 'department', type: () => String, nullable: true },
  from: { name: 'from', type: () => String, nullable: true, description: 'Start of the period for flow figures' },
  to: { name: 'to', type: () => String, nullable: true },
} as const;

/** Each at-risk pair names both people as profiles' participants, so a client reads their names in the same query. */
const withPairProfiles = (insights: Insights) => ({
  ...insights,
  engagement: {
    ...insights.engagement,
    atRiskPairs: insights.engagement.atRiskPairs.map((pair) => ({
      ...pair,
      lastNudgedAt: pair.lastNudgedAt ?? null,
      mentor: { id: participantIdFor(insights.programId, pair.mentorPersonId) },
      mentee: { id: participantIdFor(insights.programId, pair.menteePersonId) },
    })),
  },
});

@Resolver(() => ProgramInsights)
export class InsightsResolver {
  constructor(private readonly insights: InsightsService) {}

  @Query(() => ProgramInsights, { description: 'Program managers and org admins only' })
  async programInsights(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(filters.asOf) asOf?: string,
    @Args(filters.cohortId) cohortId?: string,
    @Args(filters.department) department?: string,
    @Args(filters.from) from?: string,
    @Args(filters.to) to?: string,
  ) {
    return withPairProfiles(
      await this.insights.insights(principal, programId, { asOf, cohortId, department, from, to }),
    );
  }

  @Query(() => String, { description: 'One insights table as CSV, with the numbers of programInsights' })
  programInsightsCsv(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args('table', { type: () => InsightTableEnum }) table: InsightTable,
    @Args(filters.asOf) asOf?: string,
    @Args(filters.cohortId) cohortId?: string,
    @Args(filters.department) department?: string,
    @Args(filters.from) from?: string,
    @Args(filters.to) to?: string,
  ) {
    return this.insights.csv(principal, programId, table, { asOf, cohortId, department, from, to });
  }
}
