import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider, lastNudge, type EngagementEvent } from '../engagement.decider';
import { mentee, mentor, now, opened, ref } from '../testing/engagement.fixture';

describe('Engagement decider', () => {
  describe('NudgePair (a program manager reminds a quiet pair)', () => {
    const nudge = (at: string, by = 'p-manager') => ({ type: 'NudgePair' as const, byPersonId: by, now: at });
    const nudged = (at: string, by = 'p-manager'): EngagementEvent => ({
      type: 'EngagementNudged',
      ...ref,
      mentorPersonId: mentor,
      menteePersonId: mentee,
      nudgedByPersonId: by,
      nudgedAt: at,
    });
    const later = (hours: number) => new Date(Date.parse(now) + hours * 3_600_000).toISOString();

    it('reminds both people and records who nudged when', () => {
      const state = given(engagementDecider, [opened])
        .when(nudge(now))
        .then([nudged(now)]);
      expect(lastNudge(state)).toEqual({ byPersonId: 'p-manager', at: now });
    });

    it('nudges a pair at most once a day: a second nudge within 24 hours, by anyone, changes nothing', () => {
      given(engagementDecider, [opened, nudged(now)])
        .when(nudge(later(1), 'p-other-manager'))
        .then([]);
      given(engagementDecider, [opened, nudged(now)])
        .when(nudge(later(23.9)))
        .then([]);
      given(engagementDecider, [opened, nudged(now)])
        .when(nudge(later(24)))
        .then([nudged(later(24))]);
    });

    it('refuses a mentorship that has ended or has no engagement', () => {
      const closed: EngagementEvent = { type: 'EngagementClosed', ...ref, reason: 'mentorship-ended', closedAt: now };
      given(engagementDecider, [opened, closed])
        .when(nudge(later(1)))
        .thenFails('CONFLICT', /ended/);
      given(engagementDecider, [])
        .when(nudge(now))
        .thenFails('NOT_FOUND', /engagement/);
    });
  });
});
