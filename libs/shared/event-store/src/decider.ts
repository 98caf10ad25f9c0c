import type { Decider } from '@trellis/shared/kernel';
import { ConcurrencyError, DomainError, IdempotencyConflictError } from './errors';
import type { CommitMeta, EventStore, RecordedEvent, StreamHead } from './event-store';

// The interface lives in the kernel so domain libraries type their deciders without importing infrastructure.
export type { Decider } from '@trellis/shared/kernel';

export interface CommandEnvelope<Command> {
  streamId: string;
  command: Command;
  /** Idempotency key: the client's (or process manager's) id for this command. */
  commitId: string;
  meta: CommitMeta;
}

export type CommandResult<State, Event> =
  | { ok: true; state: State; revision: number; events: Event[]; duplicate: boolean }
  | { ok: false; error: DomainError };

export interface CommandHandlerOptions {
  streamType: string;
  /** Reload-and-decide attempts after losing a concurrent append; bounded so a hot stream cannot spin forever. */
  maxAttempts?: number;
}

export class CommandHandler<Command, Event extends { type: string }, State> {
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    private readonly decider: Decider<Command, Event, State>,
    private readonly options: CommandHandlerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  async load(streamId: string): Promise<{ state: State; revision: number; head: StreamHead | null }> {
    const { state, revision, head } = await this.loadWithCommits(streamId);
    return { state, revision, head };
  }

  /** The state of several streams from one query; a stream without events is absent. */
  async loadMany(streamIds: readonly string[]): Promise<Map<string, { state: State; revision: number }>> {
    const loaded = new Map<string, { state: State; revision: number }>();
    for (const [streamId, { events, head }] of await this.store.readStreams(streamIds)) {
      const state = events.reduce((s, e) => this.decider.evolve(s, this.asEvent(e)), this.decider.initialState());
      loaded.set(streamId, { state, revision: head.revision });
    }
    return loaded;
  }

  private async loadWithCommits(
    streamId: string,
  ): Promise<{ state: State; revision: number; head: StreamHead | null; commitIds: Set<string> }> {
    const { events, head } = await this.store.readStreamWithHead(streamId);
    return {
      state: events.reduce((state, e) => this.decider.evolve(state, this.asEvent(e)), this.decider.initialState()),
      revision: head?.revision ?? 0,
      head,
      commitIds: new Set(events.map((e) => e.commitId)),
    };
  }

  async handle(envelope: CommandEnvelope<Command>): Promise<CommandResult<State, Event>> {
    for (let attempt = 1; ; attempt++) {
      const { state, revision, head, commitIds } = await this.loadWithCommits(envelope.streamId);
      // A retry of a command that was stored already ("enroll" again after a lost answer) gets the first answer. It
      // is not decided again: the decider would refuse it against the state it produced itself ("already
      // enrolled"), and sealed fields would come out as other ciphertext, which the store takes for another command.
      if (commitIds.has(envelope.commitId)) return { ok: true, state, revision, events: [], duplicate: true };
      let events: Event[];
      try {
        events = this.decider.decide(envelope.command, state);
      } catch (error) {
        if (error instanceof DomainError) return { ok: false, error };
        throw error;
      }
      if (events.length === 0) return { ok: true, state, revision, events, duplicate: false };
      try {
        const result = await this.store.append({
          streamId: envelope.streamId,
          streamType: this.options.streamType,
          expected: revision === 0 ? 'no-stream' : revision,
          events: events.map(({ type, ...rest }) => ({ type, data: rest })),
          meta: envelope.meta,
          commitId: envelope.commitId,
          knownHead: head,
        });
        if (result.duplicate) {
          const reloaded = await this.load(envelope.streamId);
          return { ok: true, state: reloaded.state, revision: result.revision, events, duplicate: true };
        }
        const next = events.reduce((s, e) => this.decider.evolve(s, e), state);
        return { ok: true, state: next, revision: result.revision, events, duplicate: false };
      } catch (error) {
        // Same command id appended meanwhile by an attempt still running when the client retried: the next loop
        // finds it in the stream and answers as above.
        if (error instanceof IdempotencyConflictError && attempt < this.maxAttempts) continue;
        if (error instanceof ConcurrencyError && attempt < this.maxAttempts) continue;
        if (error instanceof ConcurrencyError) {
          return {
            ok: false,
            error: new DomainError('CONFLICT', 'This record is being changed by someone else right now; try again.', {
              streamId: envelope.streamId,
            }),
          };
        }
        throw error;
      }
    }
  }

  private asEvent(recorded: RecordedEvent): Event {
    return { type: recorded.type, ...(recorded.data as object) } as Event;
  }
}
