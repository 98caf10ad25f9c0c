import {
  type MatchingProfile,
  type MatchingRules,
  type ParticipantRole,
  type ProfilesEventData,
  type ProgramSettings,
  type QuestionShape,
  participantIdFor,
  participantStreamId,
  programStreamId,
} from '@trellis/profiles/contracts';
import {
  type ProjectionDefinition,
  type ReadModelRow,
  type RevisionGuardedCollection,
  TenantScopedCollection,
} from '@trellis/shared/event-store';
import { enrolledParticipant, evolveParticipantLifecycle, type MembershipStatus } from '@trellis/shared/memberships';
import type { EventEnvelope } from '@trellis/shared/messaging';
import type { Collection, Connection } from 'mongoose';

export type PoolStatus = MembershipStatus;

export interface PoolParticipantRow extends Record<string, unknown> {
  kind: 'participant';
  tenantId: string;
  programId: string;
  personId: string;
  participantId: string;
  cohortId: string | null;
  roles: ParticipantRole[];
  mentorCapacity: number;
  status: PoolStatus;
  profile: MatchingProfile;
}

export interface PoolProgramRow extends Record<string, unknown> {
  kind: 'program';
  tenantId: string;
  programId: string;
  settings: ProgramSettings | null;
  rules: MatchingRules | null;
  /** The program's questions used for matching (choice and scale only); rows written before they were kept lack it. */
  questions?: QuestionShape[];
  archived: boolean;
}

/** The questions matching compares: those marked used for matching, never short text. */
export function matchingQuestionsOf(questions: readonly QuestionShape[]): QuestionShape[] {
  return questions.filter((q) => q.usedForMatching && q.kind !== 'short-text');
}

export type PoolRow = PoolParticipantRow | PoolProgramRow;

export const CANDIDATE_POOL_COLLECTION = 'candidate_pool';

/**
 * The candidate pool: who can be matched in which program, with the matching attributes, capacity and status, and
 * the program's settings and rules — all from profiles events, one row per profiles stream, so replaying the topic
 * rebuilds it exactly (revision-guarded rows: docs/architecture.md §6, Consumers and idempotency).
 */
export function candidatePoolProjection(
  topic: string,
  collection = CANDIDATE_POOL_COLLECTION,
): ProjectionDefinition<PoolRow> {
  return {
    name: 'matching.candidate-pool',
    collection,
    topics: [topic],
    apply: (envelope, rows) => applyPoolEvent(envelope, rows),
  };
}

export async function applyPoolEvent(envelope: EventEnvelope, rows: RevisionGuardedCollection<PoolRow>): Promise<void> {
  const { tenantId } = envelope;
  if (envelope.streamType === 'program') {
    await rows.apply(envelope.streamId, envelope, (current) => {
      const row: PoolProgramRow =
        current?.kind === 'program'
          ? current
          : {
              kind: 'program',
              tenantId,
              programId: envelope.programId ?? '',
              settings: null,
              rules: null,
              questions: [],
              archived: false,
            };
      switch (envelope.type) {
        case 'ProgramCreated': {
          const data = envelope.data as ProfilesEventData<'ProgramCreated'>;
          return {
            ...row,
            programId: data.programId,
            settings: data.settings,
            rules: data.matchingRules,
            questions: matchingQuestionsOf(data.questions),
          };
        }
        case 'ProgramQuestionnaireChanged':
          return {
            ...row,
            questions: matchingQuestionsOf(
              (envelope.data as ProfilesEventData<'ProgramQuestionnaireChanged'>).questions,
            ),
          };
        case 'ProgramSettingsChanged':
          return { ...row, settings: (envelope.data as ProfilesEventData<'ProgramSettingsChanged'>).settings };
        case 'ProgramMatchingRulesChanged':
          return { ...row, rules: (envelope.data as ProfilesEventData<'ProgramMatchingRulesChanged'>).matchingRules };
        case 'ProgramArchived':
          return { ...row, archived: true };
        default:
          return row;
      }
    });
    return;
  }
  if (envelope.streamType !== 'participant') return;
  await rows.apply(envelope.streamId, envelope, (current) => {
    const row = current?.kind === 'participant' ? current : undefined;
    const lifecycle = evolveParticipantLifecycle(row, envelope);
    if (lifecycle !== undefined) return lifecycle;
    switch (envelope.type) {
      case 'ParticipantEnrolled': {
        const data = envelope.data as ProfilesEventData<'ParticipantEnrolled'>;
        return {
          ...enrolledParticipant(tenantId, data),
          cohortId: data.cohortId,
          mentorCapacity: data.mentorCapacity,
          profile: data.profile,
        };
      }
      case 'ParticipantProfileUpdated':
        return row
          ? { ...row, profile: (envelope.data as ProfilesEventData<'ParticipantProfileUpdated'>).profile }
          : null;
      case 'MentorCapacityChanged':
        return row
          ? { ...row, mentorCapacity: (envelope.data as ProfilesEventData<'MentorCapacityChanged'>).capacity }
          : null;
      default:
        return row ?? null;
    }
  });
}

type StoredPoolRow = ReadModelRow & PoolRow;

/** Reads the pool for one tenant through the tenant guard. */
export class CandidatePool {
  private readonly rows: Collection<StoredPoolRow>;

  constructor(connection: Connection, collection = CANDIDATE_POOL_COLLECTION) {
    this.rows = connection.collection<StoredPoolRow>(collection) as unknown as Collection<StoredPoolRow>;
  }

  private scoped(tenantId: string): TenantScopedCollection<StoredPoolRow> {
    return new TenantScopedCollection(this.rows, tenantId);
  }

  async program(tenantId: string, programId: string): Promise<PoolProgramRow | null> {
    const row = await this.scoped(tenantId).findOne({ _id: programStreamId(programId) });
    return row && !row._deleted && row.kind === 'program' ? (row as PoolProgramRow) : null;
  }

  async participant(tenantId: string, programId: string, personId: string): Promise<PoolParticipantRow | null> {
    const row = await this.scoped(tenantId).findOne({
      _id: participantStreamId(participantIdFor(programId, personId)),
    });
    return row && !row._deleted && row.kind === 'participant' ? (row as PoolParticipantRow) : null;
  }

  async participantById(tenantId: string, participantId: string): Promise<PoolParticipantRow | null> {
    const row = await this.scoped(tenantId).findOne({ _id: participantStreamId(participantId) });
    return row && !row._deleted && row.kind === 'participant' ? (row as PoolParticipantRow) : null;
  }

  /** Every active participant of a program with the given role. */
  async activeWithRole(tenantId: string, programId: string, role: ParticipantRole): Promise<PoolParticipantRow[]> {
    return (await this.activeParticipants(tenantId, programId)).filter((r) => r.roles.includes(role));
  }

  /** Every active participant of a program, in one query (a round needs mentors and mentees alike). */
  async activeParticipants(tenantId: string, programId: string): Promise<PoolParticipantRow[]> {
    const rows = await this.scoped(tenantId).find({ programId, kind: 'participant', status: 'active' });
    return rows.filter((r): r is StoredPoolRow & PoolParticipantRow => r.kind === 'participant' && !r._deleted);
  }
}
