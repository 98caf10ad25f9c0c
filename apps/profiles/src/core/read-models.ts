import {
  initialOrganizationState,
  initialParticipantState,
  type OrganizationEvent,
  type OrganizationState,
  organizationDecider,
  initialProgramState,
  type ParticipantEvent,
  type ParticipantState,
  participantDecider,
  type ProgramEvent,
  type ProgramState,
  programDecider,
} from '@trellis/profiles/domain';
import {
  type EventStore,
  insertNewDocuments,
  type RecordedEvent,
  replaceIfNewer,
  TenantScopedCollection,
} from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';

export interface ProgramRow extends Omit<ProgramState, 'exists'> {
  _id: string;
  tenantId: string;
  _revision: number;
  updatedAt: Date;
}

export interface OrganizationRow {
  _id: string;
  tenantId: string;
  name: string;
  _revision: number;
}

export interface ParticipantRow extends Omit<ParticipantState, 'enrolled' | 'erased'> {
  _id: string;
  tenantId: string;
  _revision: number;
  enrolledAt: Date;
  updatedAt: Date;
}

const asEvent = <E>(recorded: RecordedEvent): E => ({ type: recorded.type, ...(recorded.data as object) }) as E;

/**
 * Profiles' own read models are the folded state of each stream, written right after the stream's commit (they hold
 * sealed free text, which never travels over Kafka, so they cannot be fed from the topic like other projections).
 * A row is replaced only by a higher revision, so concurrent writers and replays converge; `rebuild` refolds every
 * stream from the commits.
 */
export class ProfilesReadModels {
  readonly programs: Collection<ProgramRow>;
  readonly participants: Collection<ParticipantRow>;
  readonly organizations: Collection<OrganizationRow>;

  constructor(
    connection: Connection,
    private readonly store: EventStore,
  ) {
    this.programs = connection.collection<ProgramRow>('programs') as unknown as Collection<ProgramRow>;
    this.participants = connection.collection<ParticipantRow>('participants') as unknown as Collection<ParticipantRow>;
    this.organizations = connection.collection<OrganizationRow>(
      'organizations',
    ) as unknown as Collection<OrganizationRow>;
  }

  /**
   * The index behind a program's participant pages (the console's table, in cursor order) and every per-program
   * scan: created at start-up, before any query relies on it.
   */
  async ensureIndexes(): Promise<void> {
    await this.participants.createIndex({ tenantId: 1, programId: 1, _id: 1 }, { name: 'program_participants' });
  }

  programsOf(tenantId: string): TenantScopedCollection<ProgramRow> {
    return new TenantScopedCollection(this.programs, tenantId);
  }

  participantsOf(tenantId: string): TenantScopedCollection<ParticipantRow> {
    return new TenantScopedCollection(this.participants, tenantId);
  }

  organizationOf(tenantId: string): Promise<OrganizationRow | null> {
    return new TenantScopedCollection(this.organizations, tenantId).findOne({ _id: tenantId });
  }

  async writeOrganization(tenantId: string, state: OrganizationState, revision: number): Promise<void> {
    await replaceIfNewer(this.organizations, tenantId, revision, { tenantId, name: state.name });
  }

  async writeProgram(tenantId: string, state: ProgramState, revision: number): Promise<void> {
    const { exists: _exists, ...rest } = state;
    await replaceIfNewer(this.programs, state.programId, revision, { ...rest, tenantId, updatedAt: new Date() });
  }

  async writeParticipant(tenantId: string, state: ParticipantState, revision: number, enrolledAt: Date): Promise<void> {
    if (state.erased) {
      // Erasure: nothing about the person stays in the read model but a revision marker.
      await replaceIfNewer(this.participants, state.participantId, revision, { erased: true, tenantId });
      return;
    }
    const { enrolled: _enrolled, erased: _erased, ...rest } = state;
    await replaceIfNewer(
      this.participants,
      state.participantId,
      revision,
      { ...rest, tenantId, enrolledAt, updatedAt: new Date() },
      { keepFromCurrent: ['enrolledAt'] },
    );
  }

  /**
   * Rows of many newly enrolled participants with one read and one unordered insert. A row that exists already (a
   * re-enrollment after withdrawal) or that another writer inserted meanwhile goes through `writeParticipant`, whose
   * revision check decides.
   */
  async writeParticipants(
    tenantId: string,
    entries: ReadonlyArray<{ state: ParticipantState; revision: number }>,
    enrolledAt: Date,
  ): Promise<void> {
    if (entries.length === 0) return;
    const existing = new Set(
      (
        await this.participants
          .find({ _id: { $in: entries.map((e) => e.state.participantId) } }, { projection: { _id: 1 } })
          .toArray()
      ).map((row) => row._id),
    );
    const fresh = entries.filter((e) => !existing.has(e.state.participantId) && !e.state.erased);
    const others = entries.filter((e) => existing.has(e.state.participantId) || e.state.erased);
    const rows = fresh.map(({ state, revision }) => {
      const { enrolled: _enrolled, erased: _erased, ...rest } = state;
      return {
        ...rest,
        _id: state.participantId,
        tenantId,
        enrolledAt,
        updatedAt: new Date(),
        _revision: revision,
      } as ParticipantRow;
    });
    const lost = await insertNewDocuments(this.participants, rows);
    for (const entry of [...others, ...fresh.filter((_, index) => lost.has(index))]) {
      await this.writeParticipant(tenantId, entry.state, entry.revision, enrolledAt);
    }
  }

  /**
   * After a crash between a commit and its row write, the row lags its stream. Commits not yet relayed are the only
   * ones that can be in that state right after start-up, so refolding their streams catches the rows up.
   */
  async reconcileUnpublished(): Promise<number> {
    const streams = new Set<string>();
    for await (const commit of this.store.commits.find({ published: false }, { projection: { streamId: 1 } })) {
      streams.add(commit.streamId);
    }
    for (const streamId of streams) await this.refoldStream(streamId);
    return streams.size;
  }

  private async refoldStream(streamId: string): Promise<void> {
    const events = await this.store.readStream(streamId);
    await this.writeFolded(events);
  }

  private async writeFolded(events: RecordedEvent[]): Promise<'organization' | 'program' | 'participant' | null> {
    const first = events[0];
    const last = events[events.length - 1];
    if (!first || !last) return null;
    if (first.streamType === 'organization') {
      const state = events
        .map((e) => asEvent<OrganizationEvent>(e))
        .reduce(organizationDecider.evolve, initialOrganizationState());
      await this.writeOrganization(first.meta.tenantId, state, last.revision);
      return 'organization';
    }
    if (first.streamType === 'program') {
      const state = events.map((e) => asEvent<ProgramEvent>(e)).reduce(programDecider.evolve, initialProgramState());
      await this.writeProgram(first.meta.tenantId, state, last.revision);
      return 'program';
    }
    if (first.streamType === 'participant') {
      const state = events
        .map((e) => asEvent<ParticipantEvent>(e))
        .reduce(participantDecider.evolve, initialParticipantState());
      await this.writeParticipant(first.meta.tenantId, state, last.revision, first.committedAt);
      return 'participant';
    }
    return null;
  }

  /** Refolds every stream from the commits into fresh rows; used after erasure and by `npm run rebuild`. */
  async rebuild(): Promise<{ programs: number; participants: number }> {
    await this.programs.deleteMany({});
    await this.participants.deleteMany({});
    await this.organizations.deleteMany({});
    const streams = new Map<string, RecordedEvent[]>();
    for await (const commit of this.store.commits.find({}).sort({ committedAt: 1, commitSeq: 1 })) {
      const events = this.store.toRecordedEvents(commit);
      const list = streams.get(commit.streamId) ?? [];
      list.push(...events);
      streams.set(commit.streamId, list);
    }
    let programs = 0;
    let participants = 0;
    for (const events of streams.values()) {
      events.sort((a, b) => a.revision - b.revision);
      const kind = await this.writeFolded(events);
      if (kind === 'program') programs += 1;
      if (kind === 'participant') participants += 1;
    }
    return { programs, participants };
  }
}
