import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider, type EngagementCommand, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, stranger, now, ref, opened, goalSet, cmd } from '../testing/engagement.fixture';
import { sealed } from '../testing/sealed.fixture';

describe('Engagement decider', () => {
  describe('action items', () => {
    const add = (fields: Partial<Extract<EngagementCommand, { type: 'AddActionItem' }>> = {}) =>
      cmd('AddActionItem', {
        actionItemId: 'a-1',
        title: sealed('Draft the proposal'),
        ownerPersonId: mentee,
        dueDate: '2026-03-16',
        actorTimeZone: 'Europe/Berlin',
        ...fields,
      });
    const added: EngagementEvent = {
      type: 'ActionItemAdded',
      ...ref,
      actionItemId: 'a-1',
      addedByPersonId: mentor,
      ownerPersonId: mentee,
      title: sealed('Draft the proposal'),
      dueDate: '2026-03-16',
    };

    it('have an owner from the pair and a due date not in the past', () => {
      given(engagementDecider, [opened]).when(add()).then([added]);
      given(engagementDecider, [opened])
        .when(add({ ownerPersonId: stranger }))
        .thenFails('BAD_USER_INPUT', /mentor or the mentee/);
      given(engagementDecider, [opened])
        .when(add({ dueDate: '2026-03-01' }))
        .thenFails('BAD_USER_INPUT', /before today/);
      given(engagementDecider, [opened])
        .when(add({ goalId: 'g-404' }))
        .thenFails('NOT_FOUND', /goal/);
      given(engagementDecider, [opened, added]).when(add()).thenFails('CONFLICT');
    });

    it('name the field a refused owner or due date concerns, for the form to show the refusal on it', () => {
      const strangerOwns = given(engagementDecider, [opened])
        .when(add({ ownerPersonId: stranger }))
        .thenFails('BAD_USER_INPUT');
      expect(strangerOwns.details).toEqual({ field: 'ownerPersonId' });
      const dueYesterday = given(engagementDecider, [opened])
        .when(add({ dueDate: '2026-03-01' }))
        .thenFails('BAD_USER_INPUT');
      expect(dueYesterday.details).toEqual({ field: 'dueDate' });
      const notADate = given(engagementDecider, [opened])
        .when(add({ dueDate: 'next Friday' }))
        .thenFails('BAD_USER_INPUT', /calendar date/);
      expect(notADate.details).toEqual({ field: 'dueDate' });
    });

    it('can link to a goal and a session', () => {
      const events = given(engagementDecider, [opened, goalSet])
        .when(add({ goalId: 'g-1', sessionId: 's-1' }))
        .produced();
      expect(events[0]).toMatchObject({ goalId: 'g-1', sessionId: 's-1' });
    });

    it('are completed once', () => {
      const completed: EngagementEvent = {
        type: 'ActionItemCompleted',
        ...ref,
        actionItemId: 'a-1',
        ownerPersonId: mentee,
        completedByPersonId: mentee,
        completedAt: now,
      };
      given(engagementDecider, [opened, added])
        .when(cmd('CompleteActionItem', { actionItemId: 'a-1', actor: mentee }))
        .then([completed]);
      given(engagementDecider, [opened, added, completed])
        .when(cmd('CompleteActionItem', { actionItemId: 'a-1' }))
        .thenFails('CONFLICT');
      given(engagementDecider, [opened])
        .when(cmd('CompleteActionItem', { actionItemId: 'a-1' }))
        .thenFails('NOT_FOUND');
    });
  });
});
