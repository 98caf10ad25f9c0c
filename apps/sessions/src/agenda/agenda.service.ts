import {
  assertTimeZone,
  DEFAULT_SCHEDULING_POLICY,
  goalsDue,
  goalsDueWindow,
  MS,
  type SessionState,
  toUtcIso,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import type { PersonKeyStore } from '@trellis/shared/privacy';
import { agendaKeyOf, type SessionsReadModels } from '../core/read-models';
import type { SessionsStore } from '../core/sessions-store';
import type { Actor } from '../core/actor';
import type { SessionsQueryService } from '../views/sessions-query.service';
import type { GoalView, SessionView } from '../views/views.types';
import { decodeAgendaCursor, encodeAgendaCursor } from './agenda-cursor';

export const MAX_SESSIONS_PAGE = 100;
/** More open mentorships than anyone has; bounds the goals query like programEngagements' 500. */
const MAX_ENGAGEMENTS = 500;

export interface MySessionsInput {
  first: number;
  after: string | null;
  viewerTimeZone: string;
  includePast: boolean;
  includeCancelled: boolean;
}

export interface SessionPage {
  edges: Array<{ cursor: string; node: SessionView }>;
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

export interface GoalDueView {
  mentorshipId: string;
  programId: string;
  viewerRole: 'MENTOR' | 'MENTEE';
  daysLeft: number;
  overdue: boolean;
  goal: GoalView;
}

/**
 * What a person has coming up across all their mentorships and programs (the web app's home page). Both lists are
 * answered from the caller's own rows through indexes on `personIds`, then the page's streams are read with one
 * query: the cost does not grow with the sessions or engagements of anyone else, nor with the caller's history.
 */
export class AgendaService {
  constructor(
    private readonly readModels: SessionsReadModels,
    private readonly store: SessionsStore,
    private readonly queries: SessionsQueryService,
    private readonly keys: PersonKeyStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /**
   * Sessions the caller hosts or is invited to, earliest start first (ties by id), so a cursor keeps its place when
   * sessions are added before it. Without `includePast` the list starts with those not yet over (a session running
   * now included); cancelled ones only with `includeCancelled`.
   */
  async mySessions(actor: Actor, input: MySessionsInput): Promise<SessionPage> {
    if (!Number.isInteger(input.first) || input.first < 1 || input.first > MAX_SESSIONS_PAGE) {
      throw new DomainError('BAD_USER_INPUT', `first must be from 1 to ${MAX_SESSIONS_PAGE}.`, { field: 'first' });
    }
    const viewerTimeZone = assertTimeZone(input.viewerTimeZone, 'viewerTimeZone');
    const nowMs = this.clock().getTime();
    const filter: Record<string, unknown> = { personIds: actor.personId };
    let from = input.after ? decodeAgendaCursor(input.after) : '';
    if (!input.includePast) {
      // No session lasts longer than the policy's maximum, so one that started before that cannot still be running:
      // the range on the index starts there, and `endsAt` drops the few in between that are over.
      const earliestRunning = agendaKeyOf(
        toUtcIso(nowMs - DEFAULT_SCHEDULING_POLICY.maxDurationMinutes * MS.MINUTE),
        '',
      );
      if (earliestRunning > from) from = earliestRunning;
      filter['endsAt'] = { $gt: toUtcIso(nowMs) };
    }
    if (from) filter['agendaKey'] = { $gt: from };
    if (!input.includeCancelled) filter['status'] = { $ne: 'cancelled' };
    const rows = await this.readModels
      .sessionsOf(actor.tenantId)
      .find(filter, { sort: { agendaKey: 1 }, limit: input.first + 1 });
    const page = rows.slice(0, input.first);
    const states = await this.store.loadSessionsOf(page);
    await this.keys.preload(states.flatMap((s) => [s.hostPersonId, ...s.inviteePersonIds]));
    const byId = new Map<string, SessionState>(states.map((s) => [s.sessionId, s]));
    const edges: SessionPage['edges'] = [];
    for (const row of page) {
      const state = byId.get(row._id);
      if (!state) continue;
      edges.push({
        cursor: encodeAgendaCursor(row.agendaKey),
        node: await this.queries.sessionView(actor, state, viewerTimeZone),
      });
    }
    const last = page.at(-1);
    return {
      edges,
      pageInfo: { endCursor: last ? encodeAgendaCursor(last.agendaKey) : null, hasNextPage: rows.length > input.first },
    };
  }

  /**
   * Active goals of the caller's open mentorships (as mentor or mentee) whose target date falls within
   * `withinDays` of today in the viewer's zone, overdue ones included; soonest first.
   */
  async myGoalsDueSoon(actor: Actor, withinDays: number, viewerTimeZone: string): Promise<GoalDueView[]> {
    const window = goalsDueWindow(withinDays, viewerTimeZone, this.clock().getTime());
    const rows = await this.readModels
      .engagementsOf(actor.tenantId)
      .find(
        { personIds: actor.personId, status: 'open', activeGoalsDueBy: { $lte: window.until } },
        { limit: MAX_ENGAGEMENTS },
      );
    const engagements = await this.store.loadEngagementsOf(rows);
    await this.keys.preload(engagements.flatMap((e) => [e.mentorPersonId, e.menteePersonId]));
    const due: GoalDueView[] = [];
    for (const engagement of engagements) {
      const side = actor.personId === engagement.mentorPersonId ? 'MENTOR' : 'MENTEE';
      for (const { goal, daysLeft } of goalsDue(engagement, window)) {
        due.push({
          mentorshipId: engagement.mentorshipId,
          programId: engagement.programId,
          viewerRole: side,
          daysLeft,
          overdue: daysLeft < 0,
          goal: await this.queries.goalView(goal),
        });
      }
    }
    return due.sort(
      (a, b) =>
        a.goal.targetDate.localeCompare(b.goal.targetDate) ||
        a.mentorshipId.localeCompare(b.mentorshipId) ||
        a.goal.id.localeCompare(b.goal.id),
    );
  }
}
