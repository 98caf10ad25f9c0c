import type { RoundObjective } from '@trellis/matching/contracts';
import type { Decider } from '@trellis/shared/kernel';
import { badInput, conflict, notFound } from './errors';

/**
 * A program manager's matching round: draft → computed → (manual overrides, re-solves keeping the locks) →
 * published or discarded. It records everything needed to explain and to re-run it: the input snapshot hash, the
 * settings, the engine version, each result and every override with its reason.
 */
export const matchingRoundStreamId = (roundId: string): string => `matching-round-${roundId}`;

/** Proposal ids follow from the round and the mentee, so publishing twice cannot create two proposals. */
export const proposalIdFor = (roundId: string, menteePersonId: string): string => `${roundId}.${menteePersonId}`;

export type OverrideReason = 'known-conflict' | 'participant-preference' | 'better-fit' | 'manager-judgement' | 'other';
export const OVERRIDE_REASONS: readonly OverrideReason[] = [
  'known-conflict',
  'participant-preference',
  'better-fit',
  'manager-judgement',
  'other',
];

export interface ComputedPair {
  mentorPersonId: string;
  menteePersonId: string;
  mentorParticipantId: string;
  menteeParticipantId: string;
  score: number;
}

export interface RoundPair extends ComputedPair {
  locked: boolean;
  /** Added or changed by the manager rather than by the engine. */
  manual: boolean;
}

export interface RoundSettings {
  /** Hash of the program's matching rules as used by this round (weights, hard rules, objective). */
  settingsHash: string;
  weights: Record<string, number>;
  hardRules: Record<string, boolean | number | null>;
}

export interface RoundMetricsRecord {
  meanScore: number;
  minScore: number;
  coverage: number;
  /**
   * Pairs that would rather be together than with whom the engine gave them (0 under the stable objective), among
   * the pairs the engine chose around the locked ones. Absent on computations recorded before it was counted.
   */
  blockingPairs?: number;
}

export type RoundCommand =
  | {
      type: 'StartRound';
      roundId: string;
      programId: string;
      cohortId: string | null;
      objective: RoundObjective;
      settings: RoundSettings;
      startedByPersonId: string;
      now: string;
    }
  | {
      type: 'RecordComputation';
      inputSnapshotHash: string;
      engineVersion: string;
      pairs: ComputedPair[];
      unmatched: { menteePersonId: string; reason: string }[];
      metrics: RoundMetricsRecord;
      now: string;
    }
  | { type: 'LockPair'; menteePersonId: string; reason: OverrideReason; byPersonId: string }
  | { type: 'UnlockPair'; menteePersonId: string; byPersonId: string }
  | { type: 'RemovePair'; menteePersonId: string; reason: OverrideReason; byPersonId: string }
  | {
      type: 'AddPair';
      pair: ComputedPair;
      /** The mentor's capacity for this round, from the candidate pool. */
      mentorCapacity: number;
      reason: OverrideReason;
      byPersonId: string;
    }
  | {
      type: 'SwapMentors';
      menteeA: string;
      menteeB: string;
      /** The engine's scores of the two new pairs (menteeA with B's mentor, menteeB with A's mentor). */
      scoreA: number;
      scoreB: number;
      reason: OverrideReason;
      byPersonId: string;
    }
  | { type: 'PublishRound'; respondBy: string; byPersonId: string; now: string }
  | { type: 'DiscardRound'; byPersonId: string; now: string };

export type RoundEvent =
  | {
      type: 'MatchingRoundStarted';
      roundId: string;
      programId: string;
      cohortId: string | null;
      objective: RoundObjective;
      settings: RoundSettings;
      startedByPersonId: string;
      startedAt: string;
    }
  | (RoundRef & {
      type: 'MatchingRoundComputed';
      iteration: number;
      inputSnapshotHash: string;
      engineVersion: string;
      pairs: ComputedPair[];
      unmatched: { menteePersonId: string; reason: string }[];
      metrics: RoundMetricsRecord;
      at: string;
    })
  | { type: 'PairLocked'; menteePersonId: string; reason: OverrideReason; byPersonId: string }
  | { type: 'PairUnlocked'; menteePersonId: string; byPersonId: string }
  | { type: 'PairRemoved'; menteePersonId: string; mentorPersonId: string; reason: OverrideReason; byPersonId: string }
  | { type: 'PairAdded'; pair: ComputedPair; reason: OverrideReason; byPersonId: string }
  | {
      type: 'MentorsSwapped';
      menteeA: string;
      menteeB: string;
      scoreA: number;
      scoreB: number;
      reason: OverrideReason;
      byPersonId: string;
    }
  | (RoundRef & {
      type: 'MatchingRoundPublished';
      proposalIds: string[];
      respondBy: string;
      byPersonId: string;
      at: string;
    })
  | (RoundRef & { type: 'MatchingRoundDiscarded'; byPersonId: string; at: string });

export interface RoundRef {
  roundId: string;
  programId: string;
}

export const roundRef = (state: RoundRef): RoundRef => ({ roundId: state.roundId, programId: state.programId });

export type Override = Extract<
  RoundEvent,
  { type: 'PairLocked' | 'PairUnlocked' | 'PairRemoved' | 'PairAdded' | 'MentorsSwapped' }
>;

export type RoundStatus = 'none' | 'draft' | 'computed' | 'published' | 'discarded';

export interface RoundState {
  status: RoundStatus;
  roundId: string;
  programId: string;
  cohortId: string | null;
  objective: RoundObjective;
  settings: RoundSettings | null;
  iteration: number;
  inputSnapshotHash: string | null;
  engineVersion: string | null;
  metrics: RoundMetricsRecord | null;
  /** menteePersonId → pair */
  pairs: Record<string, RoundPair>;
  unmatched: Record<string, string>;
  /** Pairs the manager removed: a re-solve must not propose them again. */
  excluded: { menteePersonId: string; mentorPersonId: string }[];
  overrides: Override[];
}

/** What a re-solve must respect: locked pairs stay, removed pairs stay out. */
export const resolveConstraints = (state: RoundState) => ({
  locked: Object.values(state.pairs).filter((p) => p.locked),
  excluded: state.excluded,
});

function requireEditable(state: RoundState): void {
  if (state.status === 'none') throw notFound('There is no such matching round.');
  if (state.status === 'draft') throw conflict('This round has not been computed yet.');
  if (state.status !== 'computed') throw conflict(`This round was ${state.status} and can no longer be changed.`);
}

function requirePair(state: RoundState, menteePersonId: string): RoundPair {
  const pair = state.pairs[menteePersonId];
  if (!pair) throw notFound('This mentee has no pair in the round.', { menteePersonId });
  return pair;
}

export const matchingRoundDecider: Decider<RoundCommand, RoundEvent, RoundState> = {
  initialState: () => ({
    status: 'none',
    roundId: '',
    programId: '',
    cohortId: null,
    objective: 'best-total',
    settings: null,
    iteration: 0,
    inputSnapshotHash: null,
    engineVersion: null,
    metrics: null,
    pairs: {},
    unmatched: {},
    excluded: [],
    overrides: [],
  }),

  decide(command, state) {
    switch (command.type) {
      case 'StartRound': {
        if (state.status !== 'none') throw conflict('This round already exists.');
        const { type: _type, now, ...data } = command;
        return [{ type: 'MatchingRoundStarted', ...data, startedAt: now }];
      }
      case 'RecordComputation': {
        if (state.status === 'none') throw notFound('There is no such matching round.');
        if (state.status !== 'draft' && state.status !== 'computed') {
          throw conflict(`This round was ${state.status} and can no longer be re-solved.`);
        }
        const seen = new Set<string>();
        for (const pair of command.pairs) {
          if (seen.has(pair.menteePersonId)) throw badInput('A mentee appears twice in the result.');
          seen.add(pair.menteePersonId);
        }
        const byMentee = new Map(command.pairs.map((p) => [p.menteePersonId, p]));
        for (const locked of resolveConstraints(state).locked) {
          if (byMentee.get(locked.menteePersonId)?.mentorPersonId !== locked.mentorPersonId) {
            throw conflict('A re-solve must keep every locked pair.', { menteePersonId: locked.menteePersonId });
          }
        }
        for (const removed of state.excluded) {
          if (byMentee.get(removed.menteePersonId)?.mentorPersonId === removed.mentorPersonId) {
            throw conflict('A re-solve proposed a pair the manager removed.', {
              menteePersonId: removed.menteePersonId,
            });
          }
        }
        const { type: _type, now, ...data } = command;
        return [
          { type: 'MatchingRoundComputed', ...roundRef(state), iteration: state.iteration + 1, ...data, at: now },
        ];
      }
      case 'LockPair':
        requireEditable(state);
        if (requirePair(state, command.menteePersonId).locked) return [];
        return [{ type: 'PairLocked', ...omitType(command) }];
      case 'UnlockPair':
        requireEditable(state);
        if (!requirePair(state, command.menteePersonId).locked) return [];
        return [{ type: 'PairUnlocked', ...omitType(command) }];
      case 'RemovePair': {
        requireEditable(state);
        const pair = requirePair(state, command.menteePersonId);
        return [{ type: 'PairRemoved', ...omitType(command), mentorPersonId: pair.mentorPersonId }];
      }
      case 'AddPair': {
        requireEditable(state);
        const { pair } = command;
        if (state.pairs[pair.menteePersonId]) {
          throw conflict('This mentee already has a pair in the round; remove or swap it first.');
        }
        if (pair.menteePersonId === pair.mentorPersonId) throw badInput('A person cannot mentor themselves.');
        const load = Object.values(state.pairs).filter((p) => p.mentorPersonId === pair.mentorPersonId).length;
        if (load >= command.mentorCapacity) {
          throw conflict(`This mentor's ${command.mentorCapacity} places in the round are all taken.`);
        }
        return [{ type: 'PairAdded', pair, reason: command.reason, byPersonId: command.byPersonId }];
      }
      case 'SwapMentors': {
        requireEditable(state);
        if (command.menteeA === command.menteeB) throw badInput('Choose two different mentees to swap.');
        const a = requirePair(state, command.menteeA);
        const b = requirePair(state, command.menteeB);
        if (a.mentorPersonId === b.mentorPersonId) throw badInput('Both mentees already have the same mentor.');
        return [{ type: 'MentorsSwapped', ...omitType(command) }];
      }
      case 'PublishRound':
        if (state.status === 'published') return [];
        requireEditable(state);
        if (Date.parse(command.respondBy) <= Date.parse(command.now))
          throw badInput('The answer deadline must be in the future.');
        return [
          {
            type: 'MatchingRoundPublished',
            ...roundRef(state),
            proposalIds: Object.keys(state.pairs)
              .sort()
              .map((mentee) => proposalIdFor(state.roundId, mentee)),
            respondBy: command.respondBy,
            byPersonId: command.byPersonId,
            at: command.now,
          },
        ];
      case 'DiscardRound':
        if (state.status === 'none') throw notFound('There is no such matching round.');
        if (state.status === 'discarded') return [];
        if (state.status === 'published') throw conflict('A published round cannot be discarded.');
        return [
          { type: 'MatchingRoundDiscarded', ...roundRef(state), byPersonId: command.byPersonId, at: command.now },
        ];
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'MatchingRoundStarted':
        return {
          ...state,
          status: 'draft',
          roundId: event.roundId,
          programId: event.programId,
          cohortId: event.cohortId,
          objective: event.objective,
          settings: event.settings,
        };
      case 'MatchingRoundComputed': {
        const pairs: Record<string, RoundPair> = {};
        for (const pair of event.pairs) {
          const previous = state.pairs[pair.menteePersonId];
          const keep = previous?.locked && previous.mentorPersonId === pair.mentorPersonId;
          pairs[pair.menteePersonId] = { ...pair, locked: Boolean(keep), manual: Boolean(keep && previous?.manual) };
        }
        return {
          ...state,
          status: 'computed',
          iteration: event.iteration,
          inputSnapshotHash: event.inputSnapshotHash,
          engineVersion: event.engineVersion,
          metrics: event.metrics,
          pairs,
          unmatched: Object.fromEntries(event.unmatched.map((u) => [u.menteePersonId, u.reason])),
        };
      }
      case 'PairLocked':
        return withPair(state, event.menteePersonId, (p) => ({ ...p, locked: true }), event);
      case 'PairUnlocked':
        return withPair(state, event.menteePersonId, (p) => ({ ...p, locked: false }), event);
      case 'PairRemoved': {
        const { [event.menteePersonId]: _removed, ...pairs } = state.pairs;
        return {
          ...state,
          pairs,
          unmatched: { ...state.unmatched, [event.menteePersonId]: 'removed-by-manager' },
          excluded: [...state.excluded, { menteePersonId: event.menteePersonId, mentorPersonId: event.mentorPersonId }],
          overrides: [...state.overrides, event],
        };
      }
      case 'PairAdded': {
        const { [event.pair.menteePersonId]: _matched, ...unmatched } = state.unmatched;
        return {
          ...state,
          pairs: { ...state.pairs, [event.pair.menteePersonId]: { ...event.pair, locked: true, manual: true } },
          unmatched,
          excluded: state.excluded.filter(
            (x) => x.menteePersonId !== event.pair.menteePersonId || x.mentorPersonId !== event.pair.mentorPersonId,
          ),
          overrides: [...state.overrides, event],
        };
      }
      case 'MentorsSwapped': {
        const a = state.pairs[event.menteeA];
        const b = state.pairs[event.menteeB];
        if (!a || !b) return state;
        const swapped = (to: RoundPair, from: RoundPair, score: number): RoundPair => ({
          ...to,
          mentorPersonId: from.mentorPersonId,
          mentorParticipantId: from.mentorParticipantId,
          score,
          locked: true,
          manual: true,
        });
        return {
          ...state,
          pairs: {
            ...state.pairs,
            [event.menteeA]: swapped(a, b, event.scoreA),
            [event.menteeB]: swapped(b, a, event.scoreB),
          },
          overrides: [...state.overrides, event],
        };
      }
      case 'MatchingRoundPublished':
        return { ...state, status: 'published' };
      case 'MatchingRoundDiscarded':
        return { ...state, status: 'discarded' };
    }
  },
};

function omitType<T extends { type: string }>(command: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = command;
  return rest;
}

function withPair(
  state: RoundState,
  menteePersonId: string,
  change: (pair: RoundPair) => RoundPair,
  override: Override,
): RoundState {
  const pair = state.pairs[menteePersonId];
  if (!pair) return state;
  return {
    ...state,
    pairs: { ...state.pairs, [menteePersonId]: change(pair) },
    overrides: [...state.overrides, override],
  };
}
