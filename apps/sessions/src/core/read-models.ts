import { createHash } from 'node:crypto';
import {
  earliestActiveGoalDate,
  unreadCount,
  type ConversationState,
  type EngagementState,
  type SessionState,
} from '@trellis/sessions/domain';
import { replaceIfNewer, TenantScopedCollection } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

export interface EngagementRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: EngagementState['status'];
  mentorPersonId: string;
  menteePersonId: string;
  /** Mentor and mentee: one multikey field, so "my engagements" is one indexed query (no `$or`). */
  personIds: string[];
  /** Earliest target date of the active goals (YYYY-MM-DD) or null: "goals due by X" is a range on the index. */
  activeGoalsDueBy: string | null;
  health: EngagementState['health']['status'];
  _revision: number;
  updatedAt: Date;
}

export interface SessionRow {
  _id: string;
  tenantId: string;
  programId: string;
  status: SessionState['status'];
  kind: SessionState['kind'];
  mentorshipId: string | null;
  hostPersonId: string;
  /** Host and invitees: the people whose calendars this session blocks. */
  personIds: string[];
  startsAt: string;
  endsAt: string;
  timezone: string;
  sequence: number;
  /** `<startsAt>|<_id>`: one sortable field, so a page of someone's agenda continues with one range condition. */
  agendaKey: string;
  /** Feedback ratings given so far (numbers only; the texts stay sealed in the event store). */
  ratings: number[];
  _revision: number;
  updatedAt: Date;
}

/** One per member of a conversation (`<mentorshipId>|<personId>`): "my conversations" with unread counts. */
export interface ConversationMemberRow {
  _id: string;
  tenantId: string;
  personId: string;
  mentorshipId: string;
  /** Set for a circle's conversation (absent on rows written before circles had one). */
  circleId?: string | null;
  programId: string;
  status: ConversationState['status'];
  unreadCount: number;
  lastSeq: number;
  /** When the last message was posted, or the conversation opened (sorts the list). */
  lastActivityAt: string;
  _revision: number;
  updatedAt: Date;
}

export const conversationMemberKey = (mentorshipId: string, personId: string): string => `${mentorshipId}|${personId}`;

/**
 * One per reported message (`<mentorshipId>|<messageId>`): the program's moderation queue. Ids, status and times
 * only; who reported and what was written stay in the conversation's stream, read when a manager opens the queue.
 */
export interface MessageReportRow {
  _id: string;
  tenantId: string;
  programId: string;
  mentorshipId: string;
  messageId: string;
  status: 'open' | 'hidden' | 'dismissed';
  firstReportedAt: string;
  lastReportedAt: string;
  _revision: number;
  updatedAt: Date;
}

/**
 * One per ended mentorship's conversation (by mentorship id): what the retention run looks through. Ids and times
 * only, no person.
 */
export interface ClosedConversationRow {
  _id: string;
  tenantId: string;
  programId: string;
  closedAt: string;
  /** Set once the program's retention period shredded its messages; null until then. */
  messagesShreddedAt: string | null;
  _revision: number;
  updatedAt: Date;
}

export const messageReportKey = (mentorshipId: string, messageId: string): string => `${mentorshipId}|${messageId}`;

export interface ErasedPersonRow {
  /** sha256 of tenant and person id: the record itself must not keep the erased id. */
  _id: string;
  tenantId: string;
  pseudonym: string;
  erasedAt: Date;
}

/** Sorts like (startsAt, id): canonical UTC ISO strings sort as times, and an id breaks ties. */
export const agendaKeyOf = (startsAt: string, sessionId: string): string => `${startsAt}|${sessionId}`;

const erasedKey = (tenantId: string, personId: string) =>
  createHash('sha256').update(`erased-key:${tenantId}:${personId}`).digest('hex');

/** Stable per tenant and person, so rows of the same erased person still group together, but not reversible. */
export const pseudonymOf = (tenantId: string, personId: string): string =>
  `erased-${createHash('sha256').update(`erased:${tenantId}:${personId}`).digest('hex').slice(0, 24)}`;

/**
 * The sessions service's own rows, written right after each stream's commit (they answer "who is busy when" and
 * "which tenant owns this stream" for the next command). A row is replaced only by a higher revision, so
 * concurrent writers and retries converge. Sealed text stays in the event store; these rows hold none.
 */
export class SessionsReadModels {
  readonly engagements: Collection<EngagementRow>;
  readonly sessions: Collection<SessionRow>;
  readonly conversationMembers: Collection<ConversationMemberRow>;
  readonly messageReports: Collection<MessageReportRow>;
  readonly closedConversations: Collection<ClosedConversationRow>;
  /** People erased in profiles: their ids are replaced by a pseudonym in every row written from now on. */
  readonly erased: Collection<ErasedPersonRow>;

  constructor(connection: Connection) {
    this.engagements = connection.collection<EngagementRow>('engagements') as unknown as Collection<EngagementRow>;
    this.sessions = connection.collection<SessionRow>('sessions') as unknown as Collection<SessionRow>;
    this.conversationMembers = connection.collection<ConversationMemberRow>(
      'conversation_members',
    ) as unknown as Collection<ConversationMemberRow>;
    this.messageReports = connection.collection<MessageReportRow>(
      'message_reports',
    ) as unknown as Collection<MessageReportRow>;
    this.closedConversations = connection.collection<ClosedConversationRow>(
      'closed_conversations',
    ) as unknown as Collection<ClosedConversationRow>;
    this.erased = connection.collection<ErasedPersonRow>('erased_people') as unknown as Collection<ErasedPersonRow>;
  }

  /**
   * Erasure (docs/architecture.md §7): the person's id leaves every row of this tenant for a pseudonym that no
   * longer links to profiles. The record comes first, so a row written concurrently from an older state is
   * pseudonymized too (every write consults it). The event store keeps only sealed text, whose key the caller shreds.
   */
  async pseudonymize(
    tenantId: string,
    personId: string,
  ): Promise<{ engagements: number; sessions: number; conversations: number }> {
    const pseudonym = pseudonymOf(tenantId, personId);
    await this.erased.updateOne(
      { _id: erasedKey(tenantId, personId) },
      { $setOnInsert: { tenantId, pseudonym, erasedAt: new Date() } },
      { upsert: true },
    );
    let engagements = 0;
    for (const field of ['mentorPersonId', 'menteePersonId'] as const) {
      const rows = await this.engagementsOf(tenantId).find({ [field]: personId });
      for (const row of rows) {
        const personIds = (row.personIds ?? []).map((p) => (p === personId ? pseudonym : p));
        await this.engagements.updateOne({ _id: row._id, tenantId }, { $set: { [field]: pseudonym, personIds } });
        engagements += 1;
      }
    }
    const sessionRows = await this.sessionsOf(tenantId).find({ personIds: personId });
    for (const row of sessionRows) {
      await this.sessions.updateOne(
        { _id: row._id, tenantId },
        {
          $set: {
            personIds: row.personIds.map((p) => (p === personId ? pseudonym : p)),
            hostPersonId: row.hostPersonId === personId ? pseudonym : row.hostPersonId,
          },
        },
      );
    }
    // Their own conversation list goes; their messages stay in the others' conversations, sealed with a shredded key.
    const conversationRows = await this.conversationMembersOf(tenantId).find({ personId }, { projection: { _id: 1 } });
    for (const row of conversationRows) await this.conversationMembers.deleteOne({ _id: row._id, tenantId });
    return { engagements, sessions: sessionRows.length, conversations: conversationRows.length };
  }

  /** Which of these people were erased: their answers leave every figure computed from now on. */
  async erasedAmong(tenantId: string, personIds: string[]): Promise<Set<string>> {
    return new Set((await this.pseudonyms(tenantId, personIds)).keys());
  }

  private async pseudonyms(tenantId: string, personIds: string[]): Promise<Map<string, string>> {
    const people = [...new Set(personIds)];
    const rows = await Promise.all(people.map((p) => this.erased.findOne({ _id: erasedKey(tenantId, p) })));
    const map = new Map<string, string>();
    rows.forEach((row, i) => {
      if (row) map.set(people[i]!, row.pseudonym);
    });
    return map;
  }

  /**
   * The indexes behind the per-person queries (my sessions, my goals due): created at start-up, before any query
   * relies on them (docs/architecture.md §13). Rows written before these fields existed are filled in by
   * `SessionsStore.upgradeRows`.
   */
  async ensureIndexes(): Promise<void> {
    await this.sessions.createIndex({ tenantId: 1, personIds: 1, agendaKey: 1 }, { name: 'person_agenda' });
    await this.engagements.createIndex(
      { tenantId: 1, personIds: 1, status: 1, activeGoalsDueBy: 1 },
      { name: 'person_goals_due' },
    );
    await this.conversationMembers.createIndex(
      { tenantId: 1, personId: 1, lastActivityAt: -1 },
      { name: 'person_conversations' },
    );
    await this.messageReports.createIndex(
      { tenantId: 1, programId: 1, status: 1, firstReportedAt: 1 },
      { name: 'program_message_reports' },
    );
    await this.closedConversations.createIndex(
      { programId: 1, messagesShreddedAt: 1, closedAt: 1 },
      { name: 'program_retention_due' },
    );
  }

  engagementsOf(tenantId: string): TenantScopedCollection<EngagementRow> {
    return new TenantScopedCollection(this.engagements, tenantId);
  }

  sessionsOf(tenantId: string): TenantScopedCollection<SessionRow> {
    return new TenantScopedCollection(this.sessions, tenantId);
  }

  /** `rewrite`: also replace a row of the same revision (filling in fields added since it was written). */
  async writeEngagement(tenantId: string, state: EngagementState, revision: number, rewrite = false): Promise<void> {
    const erased = await this.pseudonyms(tenantId, [state.mentorPersonId, state.menteePersonId]);
    const id = (p: string) => erased.get(p) ?? p;
    await replaceIfNewer(
      this.engagements,
      state.mentorshipId,
      revision,
      {
        tenantId,
        programId: state.programId,
        status: state.status,
        mentorPersonId: id(state.mentorPersonId),
        menteePersonId: id(state.menteePersonId),
        personIds: [id(state.mentorPersonId), id(state.menteePersonId)],
        activeGoalsDueBy: earliestActiveGoalDate(state),
        health: state.health.status,
        updatedAt: new Date(),
      },
      { rewrite },
    );
  }

  /** The row of every member still known by id (an erased member has no list to keep). */
  async writeConversation(tenantId: string, state: ConversationState, revision: number): Promise<void> {
    const erased = await this.pseudonyms(tenantId, state.memberPersonIds);
    const messages = Object.values(state.messages);
    const lastActivityAt = messages.reduce((latest, m) => (m.postedAt > latest ? m.postedAt : latest), state.openedAt);
    for (const personId of state.memberPersonIds.filter((p) => !erased.has(p))) {
      await replaceIfNewer(this.conversationMembers, conversationMemberKey(state.mentorshipId, personId), revision, {
        tenantId,
        personId,
        mentorshipId: state.mentorshipId,
        circleId: state.circleId,
        programId: state.programId,
        status: state.status,
        unreadCount: unreadCount(state, personId),
        lastSeq: state.lastSeq,
        lastActivityAt,
        updatedAt: new Date(),
      });
    }
    // A member a moderator removed, or who left the circle, loses the conversation from their list (they no longer
    // follow it).
    for (const personId of [...Object.keys(state.removedMembers), ...Object.keys(state.leftMembers)]) {
      await this.conversationMembers.deleteOne({ _id: conversationMemberKey(state.mentorshipId, personId), tenantId });
    }
    if (state.status === 'closed') {
      await replaceIfNewer(this.closedConversations, state.mentorshipId, revision, {
        tenantId,
        programId: state.programId,
        closedAt: state.closedAt,
        messagesShreddedAt: state.messagesShreddedAt ?? null,
        updatedAt: new Date(),
      });
    }
    for (const report of Object.values(state.moderation)) {
      const times = report.reports.map((r) => r.reportedAt).sort();
      await replaceIfNewer(this.messageReports, messageReportKey(state.mentorshipId, report.messageId), revision, {
        tenantId,
        programId: state.programId,
        mentorshipId: state.mentorshipId,
        messageId: report.messageId,
        status: report.status,
        firstReportedAt: times[0]!,
        lastReportedAt: times.at(-1)!,
        updatedAt: new Date(),
      });
    }
  }

  messageReportsOf(tenantId: string): TenantScopedCollection<MessageReportRow> {
    return new TenantScopedCollection(this.messageReports, tenantId);
  }

  conversationMembersOf(tenantId: string): TenantScopedCollection<ConversationMemberRow> {
    return new TenantScopedCollection(this.conversationMembers, tenantId);
  }

  async writeSession(tenantId: string, state: SessionState, revision: number): Promise<void> {
    const people = [state.hostPersonId, ...state.inviteePersonIds];
    const erased = await this.pseudonyms(tenantId, people);
    const id = (p: string) => erased.get(p) ?? p;
    await replaceIfNewer(this.sessions, state.sessionId, revision, {
      tenantId,
      programId: state.programId,
      status: state.status,
      kind: state.kind,
      mentorshipId: state.mentorshipId ?? null,
      hostPersonId: id(state.hostPersonId),
      personIds: people.map(id),
      startsAt: state.startsAt,
      endsAt: state.endsAt,
      timezone: state.timezone,
      sequence: state.sequence,
      agendaKey: agendaKeyOf(state.startsAt, state.sessionId),
      ratings: Object.values(state.feedback)
        .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
        .map((f) => f.rating),
      updatedAt: new Date(),
    });
  }

  /** Scheduled sessions of any of these people that overlap [startsAt, endsAt) (canonical UTC ISO strings sort). */
  async busy(
    tenantId: string,
    personIds: string[],
    startsAt: string,
    endsAt: string,
  ): Promise<Array<{ sessionId: string; startsAt: string; endsAt: string; personIds: string[] }>> {
    const rows = await this.sessionsOf(tenantId).find({
      status: 'scheduled',
      personIds: { $in: personIds },
      startsAt: { $lt: endsAt },
      endsAt: { $gt: startsAt },
    });
    return rows.map((r) => ({ sessionId: r._id, startsAt: r.startsAt, endsAt: r.endsAt, personIds: r.personIds }));
  }
}
