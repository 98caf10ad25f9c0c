import {
  computeProgramInsights,
  type InsightTable,
  insightsCsv,
  type ProgramInsights,
} from '@trellis/sessions/insights';
import type { Principal } from '@trellis/shared/auth';
import { DomainError } from '@trellis/shared/event-store';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { requireProgramManager } from '../core/program-managers';
import type { InsightsStore } from './insights.store';

export interface InsightsQuery {
  asOf?: string | null;
  cohortId?: string | null;
  department?: string | null;
  from?: string | null;
  to?: string | null;
}

function instant(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed)) {
    throw new DomainError('BAD_USER_INPUT', `${field} is not a date or date-time (e.g. 2027-03-01).`, { field });
  }
  return new Date(parsed).toISOString().replace('.000Z', 'Z');
}

/** Program insights for the people who run the program: its managers and the organization's admins. */
export class InsightsService {
  constructor(
    private readonly store: InsightsStore,
    private readonly memberships: MembershipDirectory,
  ) {}

  private authorize(principal: Principal, programId: string): Promise<void> {
    return requireProgramManager(
      this.memberships,
      principal,
      programId,
      'Program insights are for the program’s managers and org admins.',
    );
  }

  async insights(principal: Principal, programId: string, query: InsightsQuery): Promise<ProgramInsights> {
    await this.authorize(principal, programId);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const asOf = instant(query.asOf, 'asOf') ?? now;
    const from = instant(query.from, 'from');
    const to = instant(query.to, 'to');
    if (from && to && from > to) throw new DomainError('BAD_USER_INPUT', 'from must be before to.', { field: 'from' });
    if (asOf > now) throw new DomainError('BAD_USER_INPUT', 'asOf cannot be in the future.', { field: 'asOf' });
    const history = await this.store.history(principal.tenantId, programId);
    return computeProgramInsights(programId, history, {
      asOf,
      from,
      to,
      cohortId: query.cohortId ?? null,
      department: query.department ?? null,
    });
  }

  async csv(principal: Principal, programId: string, table: InsightTable, query: InsightsQuery): Promise<string> {
    return insightsCsv(await this.insights(principal, programId, query), table);
  }
}
