import { menteeRequestsDecider as decider, type MenteeRequestsEvent } from './mentee-requests.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const registered = (requestId: string, mentorPersonId: string): MenteeRequestsEvent => ({
  type: 'MenteeRequestRegistered',
  programId: 'p1',
  menteePersonId: 'mentee',
  requestId,
  mentorPersonId,
  expiresAt: '2026-03-15T10:00:00.000Z',
});
const register = (requestId: string, mentorPersonId: string, maxOpenRequests = 3) =>
  ({
    type: 'RegisterRequest',
    programId: 'p1',
    menteePersonId: 'mentee',
    requestId,
    mentorPersonId,
    maxOpenRequests,
    expiresAt: '2026-03-15T10:00:00.000Z',
    now,
  }) as const;
const claim = (claimId: string, at = now) =>
  ({ type: 'ClaimMatch', claimId, origin: 'request', now: at, claimTtlSeconds: 60 }) as const;
const claimed = (claimId: string): MenteeRequestsEvent => ({
  type: 'MatchClaimed',
  claimId,
  origin: 'request',
  expiresAt: '2026-03-01T10:01:00.000Z',
});

const matched = (claimId: string, mentorshipId: string, withdrawnRequestIds: string[]): MenteeRequestsEvent => ({
  type: 'MenteeMatched',
  claimId,
  mentorshipId,
  withdrawnRequestIds,
});

describe('MenteeRequests', () => {
  describe('RegisterRequest', () => {
    it('registers an open request', () => {
      expect(given(decider).when(register('r1', 'A'))).toEqual({ events: [registered('r1', 'A')] });
    });
    it('allows at most N open requests (program setting)', () => {
      const outcome = given(decider, [registered('r1', 'A'), registered('r2', 'B')]).when(register('r3', 'C', 2));
      expect(outcome).toMatchObject({
        error: { code: 'CONFLICT', message: expect.stringMatching(/2 open requests/) as unknown },
      });
    });
    it('counts only open requests: a closed one frees a place', () => {
      const past = [
        registered('r1', 'A'),
        registered('r2', 'B'),
        { type: 'MenteeRequestClosed', requestId: 'r1' } as const,
      ];
      expect(given(decider, past).when(register('r3', 'C', 2))).toEqual({ events: [registered('r3', 'C')] });
    });
    it('stops counting a registration past its expiry (a request write lost in a crash frees its place)', () => {
      const later = '2026-03-16T10:00:00.000Z';
      const past = [registered('r1', 'A'), registered('r2', 'B')];
      expect(given(decider, past).when({ ...register('r3', 'C', 2), now: later })).toMatchObject({
        events: [{ type: 'MenteeRequestRegistered', requestId: 'r3' }],
      });
      expect(given(decider, past).when(claim('r1', later))).toMatchObject({ error: { code: 'CONFLICT' } });
    });
    it('refuses a second open request to the same mentor', () => {
      expect(given(decider, [registered('r1', 'A')]).when(register('r2', 'A'))).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('refuses new requests while the mentee has a mentor', () => {
      const past = [registered('r1', 'A'), claimed('r1'), matched('r1', 'm1', [])];
      expect(given(decider, past).when(register('r2', 'B'))).toMatchObject({ error: { code: 'CONFLICT' } });
    });
    it('is a no-op when the same request is registered again', () => {
      expect(given(decider, [registered('r1', 'A')]).when(register('r1', 'A'))).toEqual({ events: [] });
    });
  });

  describe('CloseRequest', () => {
    it('refuses to close a request while it is being accepted', () => {
      expect(
        given(decider, [registered('r1', 'A'), claimed('r1')]).when({ type: 'CloseRequest', requestId: 'r1', now }),
      ).toMatchObject({ error: { code: 'CONFLICT' } });
    });
    it('closes an open request, and is a no-op otherwise', () => {
      expect(given(decider, [registered('r1', 'A')]).when({ type: 'CloseRequest', requestId: 'r1', now })).toEqual({
        events: [{ type: 'MenteeRequestClosed', requestId: 'r1' }],
      });
      expect(given(decider).when({ type: 'CloseRequest', requestId: 'r1', now })).toEqual({ events: [] });
    });
  });

  describe('ClaimMatch', () => {
    it('claims the mentee for one acceptance', () => {
      expect(given(decider, [registered('r1', 'A')]).when(claim('r1'))).toEqual({ events: [claimed('r1')] });
    });
    it('refuses a second acceptance while the first one is in progress', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), claimed('r1')];
      expect(given(decider, past).when(claim('r2'))).toMatchObject({
        error: { code: 'CONFLICT', message: expect.stringMatching(/being completed/) as unknown },
      });
    });
    it('lets a new acceptance through once an abandoned claim has expired', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), claimed('r1')];
      expect(given(decider, past).when(claim('r2', '2026-03-01T10:05:00.000Z'))).toMatchObject({
        events: [{ type: 'MatchClaimed', claimId: 'r2' }],
      });
    });
    it('is a no-op for the same claim retried', () => {
      expect(given(decider, [registered('r1', 'A'), claimed('r1')]).when(claim('r1'))).toEqual({ events: [] });
    });
    it('refuses a request that is no longer open', () => {
      expect(given(decider, [registered('r1', 'A')]).when(claim('r9'))).toMatchObject({
        error: { code: 'CONFLICT', message: 'This request is no longer open.' },
      });
    });
    it('refuses any acceptance after the mentee was matched (no ghost approvals)', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), claimed('r1'), matched('r1', 'm1', ['r2'])];
      expect(given(decider, past).when(claim('r2'))).toMatchObject({ error: { code: 'CONFLICT' } });
    });
    it('accepts a proposal without an open request', () => {
      expect(
        given(decider).when({ type: 'ClaimMatch', claimId: 'prop-1', origin: 'proposal', now, claimTtlSeconds: 60 }),
      ).toMatchObject({ events: [{ type: 'MatchClaimed', claimId: 'prop-1', origin: 'proposal' }] });
    });
  });

  describe('ReleaseClaim', () => {
    it('releases only its own claim', () => {
      const past = [registered('r1', 'A'), claimed('r1')];
      expect(given(decider, past).when({ type: 'ReleaseClaim', claimId: 'r1' })).toEqual({
        events: [{ type: 'MatchClaimReleased', claimId: 'r1' }],
      });
      expect(given(decider, past).when({ type: 'ReleaseClaim', claimId: 'r2' })).toEqual({ events: [] });
    });
  });

  describe('ConfirmMatch', () => {
    it('matches the mentee and withdraws every other open request', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), registered('r3', 'C'), claimed('r2')];
      const outcome = given(decider, past).when({ type: 'ConfirmMatch', claimId: 'r2', mentorshipId: 'm1' });
      expect(outcome).toEqual({
        events: [{ type: 'MenteeMatched', claimId: 'r2', mentorshipId: 'm1', withdrawnRequestIds: ['r1', 'r3'] }],
      });
      const state = fold(decider, [...past, ...(outcome as { events: MenteeRequestsEvent[] }).events]);
      expect(state.open).toEqual({});
      expect(state.pendingWithdrawals).toEqual(['r1', 'r3']);
    });
    it('is a CONFLICT when the claim was overtaken', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), claimed('r1')];
      expect(given(decider, past).when({ type: 'ConfirmMatch', claimId: 'r2', mentorshipId: 'm2' })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('is a no-op when retried', () => {
      const past = [registered('r1', 'A'), claimed('r1'), matched('r1', 'm1', [])];
      expect(given(decider, past).when({ type: 'ConfirmMatch', claimId: 'r1', mentorshipId: 'm1' })).toEqual({
        events: [],
      });
    });
  });

  describe('AcknowledgeWithdrawals', () => {
    it('clears the withdrawals that were carried out', () => {
      const past = [registered('r1', 'A'), registered('r2', 'B'), claimed('r1'), matched('r1', 'm1', ['r2'])];
      expect(given(decider, past).when({ type: 'AcknowledgeWithdrawals', requestIds: ['r2', 'zz'] })).toEqual({
        events: [{ type: 'MenteeWithdrawalsAcknowledged', requestIds: ['r2'] }],
      });
      expect(given(decider).when({ type: 'AcknowledgeWithdrawals', requestIds: ['r2'] })).toEqual({ events: [] });
    });
  });

  describe('ReleaseMatch', () => {
    it('puts the mentee back in the pool when the mentorship ends', () => {
      const past = [registered('r1', 'A'), claimed('r1'), matched('r1', 'm1', [])];
      const outcome = given(decider, past).when({ type: 'ReleaseMatch', mentorshipId: 'm1' });
      expect(outcome).toEqual({ events: [{ type: 'MenteeMatchReleased', mentorshipId: 'm1' }] });
      const after = [...past, { type: 'MenteeMatchReleased', mentorshipId: 'm1' } as const];
      expect(given(decider, after).when(register('r2', 'B'))).toEqual({ events: [registered('r2', 'B')] });
      expect(given(decider, past).when({ type: 'ReleaseMatch', mentorshipId: 'other' })).toEqual({ events: [] });
    });
  });
});
