import {
  matchingRoundDecider as decider,
  proposalIdFor,
  resolveConstraints,
  type ComputedPair,
  type RoundEvent,
} from './matching-round.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const settings = { settingsHash: 'rules-1', weights: { skills: 4 }, hardRules: { sharedLanguageRequired: true } };
const ref = { roundId: 'round-1', programId: 'p1' };
const started: RoundEvent = {
  type: 'MatchingRoundStarted',
  roundId: 'round-1',
  programId: 'p1',
  cohortId: null,
  objective: 'best-total',
  settings,
  startedByPersonId: 'boss',
  startedAt: now,
};
const pair = (mentee: string, mentor: string, score = 0.7): ComputedPair => ({
  menteePersonId: mentee,
  mentorPersonId: mentor,
  menteeParticipantId: `p-${mentee}`,
  mentorParticipantId: `p-${mentor}`,
  score,
});
const computation = (pairs: ComputedPair[]) =>
  ({
    type: 'RecordComputation',
    inputSnapshotHash: 'snap-1',
    engineVersion: 'engine-1',
    pairs,
    unmatched: [{ menteePersonId: 'e9', reason: 'no-candidate' }] as { menteePersonId: string; reason: string }[],
    metrics: { meanScore: 0.7, minScore: 0.6, coverage: 0.66 },
    now,
  }) as const;
const computed = (pairs: ComputedPair[], iteration = 1): RoundEvent => {
  const { type: _t, now: at, ...data } = computation(pairs);
  return { type: 'MatchingRoundComputed', ...ref, iteration, ...data, at };
};
const base = [started, computed([pair('e1', 'A'), pair('e2', 'B')])];

describe('MatchingRound', () => {
  it('StartRound records the settings and objective', () => {
    const { type: _t, startedAt, ...data } = started;
    expect(given(decider).when({ type: 'StartRound', ...data, now: startedAt })).toEqual({ events: [started] });
    expect(given(decider, [started]).when({ type: 'StartRound', ...data, now })).toMatchObject({
      error: { code: 'CONFLICT' },
    });
  });

  describe('RecordComputation', () => {
    it('records the result with its snapshot hash and engine version', () => {
      expect(given(decider, [started]).when(computation([pair('e1', 'A')]))).toEqual({
        events: [computed([pair('e1', 'A')])],
      });
      const state = fold(decider, base);
      expect(state).toMatchObject({
        status: 'computed',
        inputSnapshotHash: 'snap-1',
        engineVersion: 'engine-1',
        iteration: 1,
      });
    });
    it('keeps the blocking-pair count of a stable round with its metrics', () => {
      const stable = { ...started, objective: 'stable' } as RoundEvent;
      const metrics = { meanScore: 0.7, minScore: 0.6, coverage: 0.66, blockingPairs: 0 };
      const decided = given(decider, [stable]).when({ ...computation([pair('e1', 'A')]), metrics });
      expect(decided).toMatchObject({ events: [{ type: 'MatchingRoundComputed', metrics }] });
      const state = fold(decider, [stable, ...(decided as { events: RoundEvent[] }).events]);
      expect(state).toMatchObject({ objective: 'stable', metrics: { blockingPairs: 0 } });
    });
    it('a re-solve must keep the locked pairs and leave out removed ones', () => {
      const locked: RoundEvent = { type: 'PairLocked', menteePersonId: 'e1', reason: 'better-fit', byPersonId: 'boss' };
      expect(given(decider, [...base, locked]).when(computation([pair('e1', 'B')]))).toMatchObject({
        error: { code: 'CONFLICT', message: 'A re-solve must keep every locked pair.' },
      });
      const removed: RoundEvent = {
        type: 'PairRemoved',
        menteePersonId: 'e2',
        mentorPersonId: 'B',
        reason: 'known-conflict',
        byPersonId: 'boss',
      };
      expect(given(decider, [...base, removed]).when(computation([pair('e1', 'A'), pair('e2', 'B')]))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      const ok = given(decider, [...base, locked, removed]).when(computation([pair('e1', 'A'), pair('e2', 'C')]));
      expect(ok).toMatchObject({ events: [{ type: 'MatchingRoundComputed', ...ref, iteration: 2 }] });
      const after = fold(decider, [...base, locked, removed, ...(ok as { events: RoundEvent[] }).events]);
      expect(after.pairs['e1']?.locked).toBe(true);
      expect(resolveConstraints(after).excluded).toEqual([{ menteePersonId: 'e2', mentorPersonId: 'B' }]);
    });
    it('rejects a mentee twice and any result after publishing', () => {
      expect(given(decider, [started]).when(computation([pair('e1', 'A'), pair('e1', 'B')]))).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
      const published: RoundEvent = {
        type: 'MatchingRoundPublished',
        ...ref,
        proposalIds: [],
        respondBy: now,
        byPersonId: 'boss',
        at: now,
      };
      expect(given(decider, [...base, published]).when(computation([]))).toMatchObject({ error: { code: 'CONFLICT' } });
    });
  });

  describe('overrides', () => {
    it('LockPair / UnlockPair record the reason and are idempotent', () => {
      const lock = {
        type: 'LockPair',
        menteePersonId: 'e1',
        reason: 'participant-preference',
        byPersonId: 'boss',
      } as const;
      expect(given(decider, base).when(lock)).toEqual({ events: [{ ...lock, type: 'PairLocked' }] });
      const locked = [...base, { ...lock, type: 'PairLocked' } as const];
      expect(given(decider, locked).when(lock)).toEqual({ events: [] });
      expect(given(decider, locked).when({ type: 'UnlockPair', menteePersonId: 'e1', byPersonId: 'boss' })).toEqual({
        events: [{ type: 'PairUnlocked', menteePersonId: 'e1', byPersonId: 'boss' }],
      });
      expect(given(decider, base).when({ ...lock, menteePersonId: 'nobody' })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });
    it('LockPair before computing is a CONFLICT', () => {
      expect(
        given(decider, [started]).when({ type: 'LockPair', menteePersonId: 'e1', reason: 'other', byPersonId: 'boss' }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('RemovePair unpairs the mentee and remembers the exclusion', () => {
      const outcome = given(decider, base).when({
        type: 'RemovePair',
        menteePersonId: 'e2',
        reason: 'known-conflict',
        byPersonId: 'boss',
      });
      expect(outcome).toEqual({
        events: [
          {
            type: 'PairRemoved',
            menteePersonId: 'e2',
            mentorPersonId: 'B',
            reason: 'known-conflict',
            byPersonId: 'boss',
          },
        ],
      });
      const state = fold(decider, [...base, ...(outcome as { events: RoundEvent[] }).events]);
      expect(state.pairs['e2']).toBeUndefined();
      expect(state.unmatched['e2']).toBe('removed-by-manager');
      expect(state.overrides).toHaveLength(1);
    });
    it('AddPair pairs an unmatched mentee within the mentor capacity, locked', () => {
      const add = {
        type: 'AddPair',
        pair: pair('e9', 'A', 0.5),
        mentorCapacity: 2,
        reason: 'manager-judgement',
        byPersonId: 'boss',
      } as const;
      const outcome = given(decider, base).when(add);
      expect(outcome).toEqual({
        events: [{ type: 'PairAdded', pair: pair('e9', 'A', 0.5), reason: 'manager-judgement', byPersonId: 'boss' }],
      });
      const state = fold(decider, [...base, ...(outcome as { events: RoundEvent[] }).events]);
      expect(state.pairs['e9']).toMatchObject({ locked: true, manual: true });
      expect(given(decider, base).when({ ...add, mentorCapacity: 1 })).toMatchObject({ error: { code: 'CONFLICT' } });
      expect(given(decider, base).when({ ...add, pair: pair('e1', 'B') })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('SwapMentors exchanges the mentors of two mentees and locks both', () => {
      const swap = {
        type: 'SwapMentors',
        menteeA: 'e1',
        menteeB: 'e2',
        scoreA: 0.6,
        scoreB: 0.9,
        reason: 'better-fit',
        byPersonId: 'boss',
      } as const;
      const outcome = given(decider, base).when(swap);
      expect(outcome).toEqual({ events: [{ ...swap, type: 'MentorsSwapped' }] });
      const state = fold(decider, [...base, ...(outcome as { events: RoundEvent[] }).events]);
      expect(state.pairs['e1']).toMatchObject({ mentorPersonId: 'B', score: 0.6, locked: true });
      expect(state.pairs['e2']).toMatchObject({ mentorPersonId: 'A', score: 0.9, locked: true });
      expect(given(decider, base).when({ ...swap, menteeB: 'e1' })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('PublishRound / DiscardRound', () => {
    it('publishes one proposal per pair with deterministic ids', () => {
      const respondBy = '2026-03-08T10:00:00.000Z';
      expect(given(decider, base).when({ type: 'PublishRound', respondBy, byPersonId: 'boss', now })).toEqual({
        events: [
          {
            type: 'MatchingRoundPublished',
            ...ref,
            proposalIds: [proposalIdFor('round-1', 'e1'), proposalIdFor('round-1', 'e2')],
            respondBy,
            byPersonId: 'boss',
            at: now,
          },
        ],
      });
      expect(
        given(decider, [started]).when({ type: 'PublishRound', respondBy, byPersonId: 'boss', now }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(
        given(decider, base).when({ type: 'PublishRound', respondBy: now, byPersonId: 'boss', now }),
      ).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
    });
    it('discards a draft, never a published round', () => {
      expect(given(decider, base).when({ type: 'DiscardRound', byPersonId: 'boss', now })).toEqual({
        events: [{ type: 'MatchingRoundDiscarded', ...ref, byPersonId: 'boss', at: now }],
      });
      const published: RoundEvent = {
        type: 'MatchingRoundPublished',
        ...ref,
        proposalIds: [],
        respondBy: now,
        byPersonId: 'boss',
        at: now,
      };
      expect(
        given(decider, [...base, published]).when({ type: 'DiscardRound', byPersonId: 'boss', now }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(given(decider).when({ type: 'DiscardRound', byPersonId: 'boss', now })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });
  });
});
