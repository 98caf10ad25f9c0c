import { isProgramManager, lastNudge } from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { type Actor, commandContext } from '../core/actor';
import type { SessionsStore } from '../core/sessions-store';

export interface NudgeOutcome {
  mentorshipId: string;
  nudgedAt: string;
  nudgedByPersonId: string;
  /** No new reminder went out: the pair had been nudged within the day (this answers with that nudge). */
  alreadyNudged: boolean;
}

/**
 * A program manager's one-click reminder to a quiet pair. The engagement decider keeps it to one a day per pair and
 * its EngagementNudged event is the audit; notifications turns the published event into both people's inbox item
 * and email, as it does for every other reminder.
 */
export class EngagementNudgesService {
  constructor(
    private readonly store: SessionsStore,
    private readonly memberships: MembershipDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async nudge(actor: Actor, mentorshipId: string): Promise<NudgeOutcome> {
    const engagement = await this.store.loadEngagement(actor.tenantId, mentorshipId);
    const membership = actor.orgAdmin
      ? null
      : await this.memberships.membership(actor.tenantId, engagement.programId, actor.personId);
    if (!isProgramManager(actor, membership)) {
      throw new DomainError('FORBIDDEN', 'Only the managers of this program can nudge its pairs.');
    }
    const { state, events } = await this.store.executeEngagement(commandContext(actor), mentorshipId, {
      type: 'NudgePair',
      byPersonId: actor.personId,
      now: this.clock().toISOString(),
    });
    const last = lastNudge(state);
    if (!last) throw new Error(`Engagement ${mentorshipId} holds no nudge right after one was decided.`);
    return { mentorshipId, nudgedAt: last.at, nudgedByPersonId: last.byPersonId, alreadyNudged: events.length === 0 };
  }
}
