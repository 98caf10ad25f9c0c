import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, stranger, now, ref, opened, terms, cmd } from '../testing/engagement.fixture';

describe('Engagement decider', () => {
  describe('OpenEngagement', () => {
    const open = {
      type: 'OpenEngagement',
      mentorshipId: 'm-1',
      programId: 'prog-1',
      mentorPersonId: mentor,
      menteePersonId: mentee,
      mentorParticipantId: 'pa-mentor',
      menteeParticipantId: 'pa-mentee',
      format: 'one-on-one',
      now: '2026-03-01T08:00:00Z',
    } as const;

    it('opens the engagement for a started mentorship', () => {
      given(engagementDecider, []).when(open).then([opened]);
    });

    it('ignores a redelivered MentorshipStarted for the same mentorship', () => {
      given(engagementDecider, [opened]).when(open).then([]);
    });

    it('refuses a pair where someone would mentor themselves', () => {
      given(engagementDecider, [])
        .when({ ...open, menteePersonId: mentor })
        .thenFails('BAD_USER_INPUT', /themselves/);
    });

    it('refuses ids that are not ids', () => {
      given(engagementDecider, [])
        .when({ ...open, mentorPersonId: 'Anna Schmidt' })
        .thenFails('BAD_USER_INPUT', /mentorPersonId/);
    });
  });

  describe('commands before opening and after closing', () => {
    it('answers NOT_FOUND when no engagement exists', () => {
      given(engagementDecider, []).when(cmd('ProposeAgreement', { terms })).thenFails('NOT_FOUND');
    });

    it('closes once and then refuses changes', () => {
      const closed: EngagementEvent = { type: 'EngagementClosed', ...ref, reason: 'mentorship-ended', closedAt: now };
      given(engagementDecider, [opened]).when({ type: 'CloseEngagement', now }).then([closed]);
      given(engagementDecider, [opened, closed]).when({ type: 'CloseEngagement', now }).then([]);
      given(engagementDecider, [opened, closed])
        .when(cmd('ProposeAgreement', { terms }))
        .thenFails('CONFLICT', /mentorship has ended/);
    });

    it('lets only the two people of the pair act', () => {
      given(engagementDecider, [opened])
        .when(cmd('ProposeAgreement', { terms, actor: stranger }))
        .thenFails('FORBIDDEN');
    });
  });
});
