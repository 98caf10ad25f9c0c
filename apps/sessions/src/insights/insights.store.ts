import { createHash } from 'node:crypto';
import { type InsightEvent } from '@trellis/sessions/insights';
import { isDuplicateKeyError, TenantScopedCollection } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

interface StoredInsightEvent extends InsightEvent {
  _id: string;
  tenantId: string;
}

interface MentorshipProgram {
  _id: string;
  tenantId: string;
  programId: string;
}

/** The facts program insights are computed from; anything else on the topics is not kept. */
export const INSIGHT_EVENT_TYPES = new Set([
  'ProgramCreated',
  'ProgramSettingsChanged',
  'ParticipantEnrolled',
  'ParticipantProfileUpdated',
  'ParticipantRoleAdded',
  'MentorCapacityChanged',
  'ParticipantPaused',
  'ParticipantResumed',
  'ParticipantWithdrew',
  'ParticipantDataErased',
  'MatchProposed',
  'ProposalDeclined',
  'MentorshipRequested',
  'MentorshipRequestAccepted',
  'MentorshipRequestDeclined',
  'MentorshipRequestExpired',
  'MentorshipStarted',
  'MentorshipPaused',
  'MentorshipResumed',
  'MentorshipEnded',
  'EngagementAtRisk',
  'EngagementStalled',
  'EngagementRecovered',
  'EngagementHealthChanged',
  'EngagementNudged',
  'SessionCompleted',
  'FeedbackSubmitted',
  'ActionItemAdded',
  'ActionItemCompleted',
  'GoalSet',
  'GoalAchieved',
  'SurveyOccurrenceOpened',
  'SurveyAnswered',
]);

const PERSON_FIELDS = [
  'personId',
  'mentorPersonId',
  'menteePersonId',
  'hostPersonId',
  'nudgedByPersonId',
  'respondentPersonId',
] as const;
const PERSON_LIST_FIELDS = ['askedPersonIds'] as const;
const MATCHING_FIELDS = ['department', 'seniority', 'field', 'skillsOffered', 'skillsSought', 'languages', 'timezone'];

/**
 * The insights read model keeps the program's history itself (one row per event, keyed by event id) rather than
 * running totals: any figure can then be recomputed "as of" any date, and a redelivered event is a duplicate key.
 */
export class InsightsStore {
  readonly events: Collection<StoredInsightEvent>;
  private readonly mentorshipPrograms: Collection<MentorshipProgram>;

  constructor(connection: Connection, collection = 'insight_events') {
    this.events = connection.collection<StoredInsightEvent>(collection) as unknown as Collection<StoredInsightEvent>;
    this.mentorshipPrograms = connection.collection<MentorshipProgram>(
      `${collection}_mentorships`,
    ) as unknown as Collection<MentorshipProgram>;
  }

  async record(envelope: EventEnvelope): Promise<void> {
    if (!INSIGHT_EVENT_TYPES.has(envelope.type)) return;
    const data = { ...envelope.data };
    if (envelope.type === 'ParticipantDataErased') {
      data['personId'] = await this.pseudonymize(envelope.tenantId, String(data['personId']));
    }
    const programId = await this.programOf(envelope);
    if (!programId) throw new Error(`${envelope.type} ${envelope.id} names no program and no known mentorship`);
    if (envelope.type === 'MentorshipStarted') {
      await this.mentorshipPrograms
        .insertOne({ _id: String(data['mentorshipId']), tenantId: envelope.tenantId, programId })
        .catch((error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
        });
    }
    // Only the matching tags insights filter on are kept from a profile.
    if (data['profile'] && typeof data['profile'] === 'object') {
      const profile = data['profile'] as Record<string, unknown>;
      data['profile'] = Object.fromEntries(MATCHING_FIELDS.filter((f) => f in profile).map((f) => [f, profile[f]]));
    }
    try {
      await this.events.insertOne({
        _id: envelope.id,
        id: envelope.id,
        tenantId: envelope.tenantId,
        programId,
        type: envelope.type,
        occurredAt: new Date(envelope.occurredAt).toISOString().replace('.000Z', 'Z'),
        data,
      });
    } catch (error) {
      // Redelivery or replay: the event is already part of the history.
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  history(tenantId: string, programId: string): Promise<InsightEvent[]> {
    return new TenantScopedCollection(this.events, tenantId).find({ programId });
  }

  private async programOf(envelope: EventEnvelope): Promise<string | null> {
    const fromEvent =
      envelope.programId ?? (typeof envelope.data['programId'] === 'string' ? envelope.data['programId'] : null);
    if (fromEvent) return fromEvent;
    const mentorshipId = envelope.data['mentorshipId'];
    if (typeof mentorshipId !== 'string') return null;
    const row = await this.mentorshipPrograms.findOne({ _id: mentorshipId, tenantId: envelope.tenantId });
    return row?.programId ?? null;
  }

  /**
   * Erasure (docs/architecture.md §7): the person's id is replaced by a one-way pseudonym in every stored fact, so the
   * program's figures stay right while nothing here can be tied back to the person.
   */
  private async pseudonymize(tenantId: string, personId: string): Promise<string> {
    const pseudonym = `erased-${createHash('sha256').update(`${tenantId}:${personId}`).digest('hex').slice(0, 16)}`;
    const scoped = new TenantScopedCollection(this.events, tenantId);
    for (const field of PERSON_FIELDS) {
      const path = `data.${field}`;
      for (const row of await scoped.find({ [path]: personId })) {
        await scoped.updateOne({ _id: row._id }, { $set: { [path]: pseudonym } });
      }
    }
    // Lists are rewritten whole: the positional update of one element is not something every store we run on accepts.
    for (const field of PERSON_LIST_FIELDS) {
      const path = `data.${field}`;
      for (const row of await scoped.find({ [path]: personId })) {
        const list = (row.data[field] as string[]).map((id) => (id === personId ? pseudonym : id));
        await scoped.updateOne({ _id: row._id }, { $set: { [path]: list } });
      }
    }
    return pseudonym;
  }
}
