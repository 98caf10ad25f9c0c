import { mentorshipDecider as decider, type MentorshipEvent } from './mentorship.decider';
import { given } from '@trellis/shared/kernel/testing';

const now = '2026-03-01T10:00:00.000Z';
const parties = {
  mentorshipId: 'm1',
  programId: 'p1',
  mentorPersonId: 'mentor',
  menteePersonId: 'mentee',
  mentorParticipantId: 'pm',
  menteeParticipantId: 'pe',
  format: 'one-on-one',
  origin: 'request',
  originId: 'r1',
} as const;
const ref = { mentorshipId: 'm1', programId: 'p1', mentorPersonId: 'mentor', menteePersonId: 'mentee' };
const started: MentorshipEvent = { type: 'MentorshipStarted', ...parties, startedAt: now };
const mentor = { personId: 'mentor', isManager: false };
const mentee = { personId: 'mentee', isManager: false };
const manager = { personId: 'boss', isManager: true };
const stranger = { personId: 'someone', isManager: false };
const paused: MentorshipEvent = { type: 'MentorshipPaused', ...ref, byPersonId: 'mentee', until: null, at: now };

describe('Mentorship', () => {
  describe('StartMentorship', () => {
    it('starts once', () => {
      expect(given(decider).when({ type: 'StartMentorship', ...parties, now })).toEqual({ events: [started] });
      expect(given(decider, [started]).when({ type: 'StartMentorship', ...parties, now })).toEqual({ events: [] });
    });
    it('needs a circle for group mentoring', () => {
      expect(given(decider).when({ type: 'StartMentorship', ...parties, format: 'group', now })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
    });
  });

  describe('PauseMentorship / ResumeMentorship', () => {
    it('pauses and resumes by either side', () => {
      expect(given(decider, [started]).when({ type: 'PauseMentorship', actor: mentee, until: null, now })).toEqual({
        events: [paused],
      });
      expect(given(decider, [started, paused]).when({ type: 'ResumeMentorship', actor: mentor, now })).toEqual({
        events: [{ type: 'MentorshipResumed', ...ref, byPersonId: 'mentor', at: now }],
      });
    });
    it('is FORBIDDEN for someone outside the mentorship', () => {
      expect(
        given(decider, [started]).when({ type: 'PauseMentorship', actor: stranger, until: null, now }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
    it('rejects a pause that ends in the past and resuming an active one changes nothing', () => {
      expect(
        given(decider, [started]).when({ type: 'PauseMentorship', actor: mentor, until: '2020-01-01T00:00:00Z', now }),
      ).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
      expect(given(decider, [started]).when({ type: 'ResumeMentorship', actor: mentor, now })).toEqual({ events: [] });
    });
  });

  describe('EndMentorship', () => {
    it('is ended by a manager with a reason', () => {
      expect(
        given(decider, [started]).when({
          type: 'EndMentorship',
          actor: manager,
          reason: 'completed',
          reflection: null,
          now,
        }),
      ).toEqual({
        events: [
          {
            type: 'MentorshipEnded',
            ...ref,
            reason: 'completed',
            endedBy: 'manager',
            byPersonId: 'boss',
            reflection: null,
            at: now,
          },
        ],
      });
    });
    it('is a CONFLICT twice and NOT_FOUND when unknown', () => {
      const ended = {
        type: 'MentorshipEnded',
        ...ref,
        reason: 'completed',
        endedBy: 'mentor',
        byPersonId: 'mentor',
        reflection: null,
        at: now,
      } as const;
      const end = { type: 'EndMentorship', actor: mentor, reason: 'completed', reflection: null, now } as const;
      expect(given(decider, [started, ended]).when(end)).toMatchObject({ error: { code: 'CONFLICT' } });
      expect(given(decider).when(end)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });

  describe('RequestRematch', () => {
    it('ends the mentorship and records the rematch request', () => {
      const outcome = given(decider, [started]).when({ type: 'RequestRematch', actor: mentee, reflection: null, now });
      expect(outcome).toEqual({
        events: [
          {
            type: 'MentorshipEnded',
            ...ref,
            reason: 'not-a-good-fit',
            endedBy: 'mentee',
            byPersonId: 'mentee',
            reflection: null,
            at: now,
          },
          { type: 'RematchRequested', ...ref, byPersonId: 'mentee', at: now },
        ],
      });
    });
    it('is FORBIDDEN for the mentor', () => {
      expect(
        given(decider, [started]).when({ type: 'RequestRematch', actor: mentor, reflection: null, now }),
      ).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
  });
});
