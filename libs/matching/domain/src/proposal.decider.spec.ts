import { bothAccepted, proposalDecider as decider, type ProposalEvent } from './proposal.decider';
import { fold, given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const parties = {
  proposalId: 'prop-1',
  roundId: 'round-1',
  programId: 'p1',
  mentorPersonId: 'mentor',
  menteePersonId: 'mentee',
  mentorParticipantId: 'pm',
  menteeParticipantId: 'pe',
  format: 'one-on-one',
  score: 0.8,
  respondBy: '2026-03-08T10:00:00.000Z',
} as const;
const ref = { proposalId: 'prop-1', programId: 'p1' };
const proposed: ProposalEvent = { type: 'MatchProposed', ...parties };
const mentorAccepted: ProposalEvent = { type: 'ProposalAccepted', ...ref, side: 'mentor', personId: 'mentor', at: now };
const menteeAccepted: ProposalEvent = { type: 'ProposalAccepted', ...ref, side: 'mentee', personId: 'mentee', at: now };

describe('Proposal', () => {
  it('ProposeMatch creates the proposal once', () => {
    expect(given(decider).when({ type: 'ProposeMatch', ...parties })).toEqual({ events: [proposed] });
    expect(given(decider, [proposed]).when({ type: 'ProposeMatch', ...parties })).toEqual({ events: [] });
  });

  describe('AcceptProposal', () => {
    it('records each side; both accepted means the mentorship can start', () => {
      expect(
        given(decider, [proposed]).when({ type: 'AcceptProposal', side: 'mentor', personId: 'mentor', now }),
      ).toEqual({
        events: [mentorAccepted],
      });
      expect(bothAccepted(fold(decider, [proposed, mentorAccepted]))).toBe(false);
      expect(bothAccepted(fold(decider, [proposed, mentorAccepted, menteeAccepted]))).toBe(true);
    });
    it('is FORBIDDEN to answer for the other side', () => {
      expect(
        given(decider, [proposed]).when({ type: 'AcceptProposal', side: 'mentor', personId: 'mentee', now }),
      ).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
    it('is a CONFLICT after the deadline or after a decline', () => {
      const late = '2026-03-09T10:00:00.000Z';
      expect(
        given(decider, [proposed]).when({ type: 'AcceptProposal', side: 'mentee', personId: 'mentee', now: late }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      const declined: ProposalEvent = {
        type: 'ProposalDeclined',
        ...ref,
        side: 'mentor',
        personId: 'mentor',
        reason: 'no-capacity',
        comment: null,
        at: now,
      };
      expect(
        given(decider, [proposed, declined]).when({ type: 'AcceptProposal', side: 'mentee', personId: 'mentee', now }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('is NOT_FOUND for an unknown proposal', () => {
      expect(given(decider).when({ type: 'AcceptProposal', side: 'mentee', personId: 'mentee', now })).toMatchObject({
        error: { code: 'NOT_FOUND' },
      });
    });
  });

  describe('DeclineProposal', () => {
    it('declines with a reason code', () => {
      expect(
        given(decider, [proposed, mentorAccepted]).when({
          type: 'DeclineProposal',
          side: 'mentee',
          personId: 'mentee',
          reason: 'schedule-conflict',
          comment: null,
          now,
        }),
      ).toEqual({
        events: [
          {
            type: 'ProposalDeclined',
            ...ref,
            side: 'mentee',
            personId: 'mentee',
            reason: 'schedule-conflict',
            comment: null,
            at: now,
          },
        ],
      });
    });
    it('is a CONFLICT once both sides accepted', () => {
      expect(
        given(decider, [proposed, mentorAccepted, menteeAccepted]).when({
          type: 'DeclineProposal',
          side: 'mentee',
          personId: 'mentee',
          reason: 'other',
          comment: null,
          now,
        }),
      ).toMatchObject({ error: { code: 'CONFLICT' } });
    });
  });

  describe('ConfirmProposal / LapseProposal', () => {
    it('confirms only after both accepted', () => {
      expect(
        given(decider, [proposed, mentorAccepted]).when({ type: 'ConfirmProposal', mentorshipId: 'm1' }),
      ).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(
        given(decider, [proposed, mentorAccepted, menteeAccepted]).when({
          type: 'ConfirmProposal',
          mentorshipId: 'm1',
        }),
      ).toEqual({ events: [{ type: 'ProposalConfirmed', mentorshipId: 'm1' }] });
    });
    it('lapses an open proposal when the mentor is full', () => {
      expect(
        given(decider, [proposed, mentorAccepted, menteeAccepted]).when({
          type: 'LapseProposal',
          reason: 'mentor-full',
        }),
      ).toEqual({
        events: [{ type: 'ProposalLapsed', reason: 'mentor-full' }],
      });
      expect(
        given(decider, [proposed, { type: 'ProposalConfirmed', mentorshipId: 'm1' }]).when({
          type: 'LapseProposal',
          reason: 'mentor-full',
        }),
      ).toEqual({
        events: [],
      });
    });
  });
});
