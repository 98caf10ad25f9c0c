import { mentorshipRequestDecider as decider, type MentorshipRequestEvent } from './mentorship-request.decider';
import { given } from '@trellis/shared/kernel/testing';
import { DEFAULT_HARD_RULES, type PairSide } from './pair-eligibility';

const now = '2026-03-01T10:00:00.000Z';
const later = '2026-03-20T10:00:00.000Z';
const message = { enc: 'aes-256-gcm:v1', personId: 'mentee', iv: 'iv', tag: 'tag', ct: 'sealed' };
const profile = (over: Partial<PairSide['profile']> = {}): PairSide['profile'] => ({
  department: 'engineering',
  managerPersonId: null,
  languages: ['en'],
  timezone: 'Europe/Berlin',
  seniority: 3,
  ...over,
});
const request = {
  type: 'RequestMentorship',
  requestId: 'r1',
  programId: 'p1',
  mentorPersonId: 'mentor',
  menteePersonId: 'mentee',
  mentorParticipantId: 'pm',
  menteeParticipantId: 'pe',
  message,
  expiryDays: 14,
  hardRules: DEFAULT_HARD_RULES,
  menteeProfile: profile(),
  mentorProfile: profile({ seniority: 6 }),
  now,
} as const;
const requested: MentorshipRequestEvent = {
  type: 'MentorshipRequested',
  requestId: 'r1',
  programId: 'p1',
  mentorPersonId: 'mentor',
  menteePersonId: 'mentee',
  mentorParticipantId: 'pm',
  menteeParticipantId: 'pe',
  message,
  requestedAt: now,
  expiresAt: '2026-03-15T10:00:00.000Z',
};

const ref = { requestId: 'r1', programId: 'p1', mentorPersonId: 'mentor', menteePersonId: 'mentee' };

describe('MentorshipRequest', () => {
  describe('RequestMentorship', () => {
    it('opens a request that expires after the program days', () => {
      expect(given(decider).when(request)).toEqual({ events: [requested] });
    });
    it('rejects asking oneself, a bad expiry and a second send', () => {
      expect(given(decider).when({ ...request, mentorPersonId: 'mentee' })).toMatchObject({
        error: { code: 'BAD_USER_INPUT' },
      });
      expect(given(decider).when({ ...request, expiryDays: 0 })).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
      expect(given(decider, [requested]).when(request)).toMatchObject({ error: { code: 'CONFLICT' } });
    });

    it('refuses a request that breaks one of the program’s hard rules, naming the rule in words', () => {
      expect(given(decider).when({ ...request, mentorProfile: profile({ languages: ['fr'] }) })).toEqual({
        error: {
          code: 'BAD_USER_INPUT',
          message: 'Your program requires a shared language; you and this mentor share none.',
        },
      });
      expect(given(decider).when({ ...request, menteeProfile: profile({ managerPersonId: 'mentor' }) })).toMatchObject({
        error: {
          code: 'BAD_USER_INPUT',
          message: 'Your program does not pair people in the same reporting line; this mentor is your manager.',
        },
      });
      const strict = {
        ...DEFAULT_HARD_RULES,
        sameDepartmentNotAllowed: true,
        maxTimezoneGapHours: 2,
        minSeniorityGap: 4,
      };
      expect(given(decider).when({ ...request, hardRules: strict })).toMatchObject({
        error: {
          message:
            'Your program pairs people from different departments only; you and this mentor are both in engineering.',
        },
      });
      const elsewhere = {
        ...request,
        hardRules: strict,
        mentorProfile: profile({ department: 'sales', seniority: 6 }),
      };
      expect(
        given(decider).when({ ...elsewhere, mentorProfile: { ...elsewhere.mentorProfile, timezone: 'Asia/Tokyo' } }),
      ).toMatchObject({
        error: {
          message: 'Your program allows at most 2 hours between time zones; you and this mentor are 8 hours apart.',
        },
      });
      expect(given(decider).when(elsewhere)).toMatchObject({
        error: {
          message:
            'Your program requires a mentor at least 4 levels more senior than you; this mentor is 3 levels more senior.',
        },
      });
    });

    it('opens a request the rules allow, and one they allow only because a rule is off', () => {
      const ownManager = { ...request, menteeProfile: profile({ managerPersonId: 'mentor' }) };
      expect(
        given(decider).when({ ...ownManager, hardRules: { ...DEFAULT_HARD_RULES, reportingLineExcluded: false } }),
      ).toEqual({ events: [requested] });
    });
  });

  describe('AcceptRequest', () => {
    const accept = { type: 'AcceptRequest', byPersonId: 'mentor', mentorshipId: 'm1', now } as const;
    it('is accepted by the mentor', () => {
      expect(given(decider, [requested]).when(accept)).toEqual({
        events: [{ type: 'MentorshipRequestAccepted', ...ref, mentorshipId: 'm1', at: now }],
      });
    });
    it('is a no-op when the same acceptance is retried', () => {
      const accepted = { type: 'MentorshipRequestAccepted', ...ref, mentorshipId: 'm1', at: now } as const;
      expect(given(decider, [requested, accepted]).when(accept)).toEqual({ events: [] });
      expect(given(decider, [requested, accepted]).when({ ...accept, mentorshipId: 'm2' })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
    });
    it('is FORBIDDEN for anyone else', () => {
      expect(given(decider, [requested]).when({ ...accept, byPersonId: 'mentee' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
    it('is a CONFLICT once closed or past its expiry, NOT_FOUND when unknown', () => {
      const withdrawn = { type: 'MentorshipRequestWithdrawn', ...ref, reason: 'mentee-matched', at: now } as const;
      expect(given(decider, [requested, withdrawn]).when(accept)).toEqual({
        error: { code: 'CONFLICT', message: 'This request is no longer open: it was withdrawn.' },
      });
      expect(given(decider, [requested]).when({ ...accept, now: later })).toMatchObject({
        error: { code: 'CONFLICT' },
      });
      expect(given(decider).when(accept)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });
  });

  describe('DeclineRequest', () => {
    const decline = {
      type: 'DeclineRequest',
      byPersonId: 'mentor',
      reason: 'no-capacity',
      comment: null,
      now,
    } as const;
    it('is declined by the mentor with a reason code', () => {
      expect(given(decider, [requested]).when(decline)).toEqual({
        events: [{ type: 'MentorshipRequestDeclined', ...ref, reason: 'no-capacity', comment: null, at: now }],
      });
    });
    it('is FORBIDDEN for the mentee', () => {
      expect(given(decider, [requested]).when({ ...decline, byPersonId: 'mentee' })).toMatchObject({
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('ExpireRequest', () => {
    it('expires an open request once due', () => {
      expect(given(decider, [requested]).when({ type: 'ExpireRequest', now: later })).toEqual({
        events: [{ type: 'MentorshipRequestExpired', ...ref, at: later }],
      });
    });
    it('does nothing early or after another outcome (timers may fire late or twice)', () => {
      expect(given(decider, [requested]).when({ type: 'ExpireRequest', now })).toEqual({ events: [] });
      const accepted = { type: 'MentorshipRequestAccepted', ...ref, mentorshipId: 'm1', at: now } as const;
      expect(given(decider, [requested, accepted]).when({ type: 'ExpireRequest', now: later })).toEqual({
        events: [],
      });
    });
  });

  describe('WithdrawRequest', () => {
    it('is withdrawn by the mentee', () => {
      expect(
        given(decider, [requested]).when({ type: 'WithdrawRequest', reason: 'by-mentee', byPersonId: 'mentee', now }),
      ).toEqual({ events: [{ type: 'MentorshipRequestWithdrawn', ...ref, reason: 'by-mentee', at: now }] });
    });
    it("is FORBIDDEN for the mentor to withdraw the mentee's request", () => {
      expect(
        given(decider, [requested]).when({ type: 'WithdrawRequest', reason: 'by-mentee', byPersonId: 'mentor', now }),
      ).toMatchObject({ error: { code: 'FORBIDDEN' } });
    });
    it('is withdrawn by the system when the mentee is matched elsewhere, once', () => {
      const withdraw = { type: 'WithdrawRequest', reason: 'mentee-matched', byPersonId: null, now } as const;
      expect(given(decider, [requested]).when(withdraw)).toEqual({
        events: [{ type: 'MentorshipRequestWithdrawn', ...ref, reason: 'mentee-matched', at: now }],
      });
      const done = { type: 'MentorshipRequestWithdrawn', ...ref, reason: 'mentee-matched', at: now } as const;
      expect(given(decider, [requested, done]).when(withdraw)).toEqual({ events: [] });
    });
  });
});
