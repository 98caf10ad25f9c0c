import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider, type EngagementCommand, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, now, ref, opened } from '../testing/engagement.fixture';

describe('Engagement decider', () => {
  describe('RecordHealth (the daily assessment)', () => {
    const health = (status: 'healthy' | 'at-risk' | 'stalled', reasons: string[] = []) =>
      ({ type: 'RecordHealth', status, reasons, now }) as EngagementCommand;
    const change = (type: string, previousStatus: string, status: string, reasons: string[]): EngagementEvent =>
      ({
        type,
        ...ref,
        previousStatus,
        status,
        reasons,
        mentorPersonId: mentor,
        menteePersonId: mentee,
        evaluatedAt: now,
      }) as EngagementEvent;

    it('emits at-risk once per crossing, not on every daily run', () => {
      const atRisk = change('EngagementAtRisk', 'healthy', 'at-risk', ['behind-cadence']);
      given(engagementDecider, [opened])
        .when(health('at-risk', ['behind-cadence']))
        .then([atRisk]);
      given(engagementDecider, [opened, atRisk])
        .when(health('at-risk', ['behind-cadence', 'low-feedback']))
        .then([]);
    });

    it('emits stalled on the way down, recovered on the way back, and stays quiet from stalled to at-risk', () => {
      const atRisk = change('EngagementAtRisk', 'healthy', 'at-risk', ['no-upcoming-session']);
      const stalled = change('EngagementStalled', 'at-risk', 'stalled', ['no-session-for-long']);
      given(engagementDecider, [opened, atRisk])
        .when(health('stalled', ['no-session-for-long']))
        .then([stalled]);
      const improving = change('EngagementHealthChanged', 'stalled', 'at-risk', ['behind-cadence']);
      given(engagementDecider, [opened, atRisk, stalled])
        .when(health('at-risk', ['behind-cadence']))
        .then([improving]);
      // Relapsing after the quiet improvement is a new crossing.
      given(engagementDecider, [opened, atRisk, stalled, improving])
        .when(health('stalled', ['no-session-for-long']))
        .then([change('EngagementStalled', 'at-risk', 'stalled', ['no-session-for-long'])]);
      given(engagementDecider, [opened, atRisk, stalled])
        .when(health('healthy'))
        .then([change('EngagementRecovered', 'stalled', 'healthy', [])]);
    });

    it('does not nudge an ended mentorship and refuses unknown reasons', () => {
      const closed: EngagementEvent = { type: 'EngagementClosed', ...ref, reason: 'mentorship-ended', closedAt: now };
      given(engagementDecider, [opened, closed])
        .when(health('stalled', ['no-session-for-long']))
        .then([]);
      given(engagementDecider, [opened])
        .when(health('at-risk', ['grumpy']))
        .thenFails('BAD_USER_INPUT', /reason/);
    });
  });
});
