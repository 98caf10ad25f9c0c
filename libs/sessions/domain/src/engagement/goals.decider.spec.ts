import { given } from '@trellis/shared/kernel/testing';
import { engagementDecider, type EngagementCommand, type EngagementEvent } from '../engagement.decider';
import { mentor, mentee, stranger, now, ref, opened, goalSet, cmd } from '../testing/engagement.fixture';
import { sealed } from '../testing/sealed.fixture';

describe('Engagement decider', () => {
  describe('goals', () => {
    const setGoal = (goal: Partial<Extract<EngagementCommand, { type: 'SetGoal' }>['goal']> = {}, actor = mentee) =>
      cmd('SetGoal', {
        actor,
        actorTimeZone: 'Europe/Berlin',
        goal: {
          goalId: 'g-1',
          title: sealed('Lead a team project'),
          smart: { specific: sealed('s'), measurable: sealed('m') },
          targetDate: '2026-09-30',
          milestones: [{ milestoneId: 'ms-1', title: sealed('Shadow a lead'), targetDate: '2026-05-01' }],
          ...goal,
        },
      });

    it('sets a SMART goal with a target date and milestones, owned by the mentee by default', () => {
      given(engagementDecider, [opened]).when(setGoal()).then([goalSet]);
    });

    it('refuses a goal without a title', () => {
      given(engagementDecider, [opened])
        .when(setGoal({ title: undefined as never }))
        .thenFails('BAD_USER_INPUT', /title is required/);
    });

    it('refuses a target date before today in the actor’s zone, accepts today', () => {
      const yesterday = given(engagementDecider, [opened])
        .when(setGoal({ targetDate: '2026-03-01' }))
        .thenFails('BAD_USER_INPUT', /before today/);
      expect(yesterday.details).toEqual({ field: 'targetDate' });
      given(engagementDecider, [opened])
        .when(setGoal({ targetDate: '2026-02-30' }))
        .thenFails('BAD_USER_INPUT', /calendar date/);
      const events = given(engagementDecider, [opened])
        .when(setGoal({ targetDate: '2026-03-02', milestones: [] }))
        .produced();
      expect(events[0]).toMatchObject({ targetDate: '2026-03-02' });
    });

    it('uses the actor’s own date: late evening in Los Angeles is already tomorrow in UTC', () => {
      const late = { ...setGoal({ targetDate: '2026-03-01', milestones: [] }), now: '2026-03-02T05:00:00Z' };
      const la = { ...late, actorTimeZone: 'America/Los_Angeles' } as EngagementCommand;
      expect(given(engagementDecider, [opened]).when(la).produced()[0]).toMatchObject({ targetDate: '2026-03-01' });
      given(engagementDecider, [opened])
        .when(late)
        .thenFails('BAD_USER_INPUT', /before today/);
      given(engagementDecider, [opened])
        .when({ ...la, actorTimeZone: 'Nowhere/City' } as EngagementCommand)
        .thenFails('BAD_USER_INPUT', /IANA/);
    });

    it('refuses milestones after the goal’s target, duplicates and a duplicate goal id', () => {
      given(engagementDecider, [opened])
        .when(setGoal({ milestones: [{ milestoneId: 'ms-1', title: sealed('x'), targetDate: '2026-10-01' }] }))
        .thenFails('BAD_USER_INPUT', /after the goal/);
      given(engagementDecider, [opened])
        .when(
          setGoal({
            milestones: [
              { milestoneId: 'a', title: sealed('x') },
              { milestoneId: 'a', title: sealed('y') },
            ],
          }),
        )
        .thenFails('BAD_USER_INPUT', /twice/);
      given(engagementDecider, [opened, goalSet]).when(setGoal()).thenFails('CONFLICT');
      given(engagementDecider, [opened])
        .when(setGoal({ ownerPersonId: stranger }))
        .thenFails('BAD_USER_INPUT', /belongs/);
    });

    it('records progress with an optional note, bounded 0–100', () => {
      given(engagementDecider, [opened, goalSet])
        .when(cmd('UpdateGoalProgress', { goalId: 'g-1', progressPercent: 40, note: sealed('n'), actor: mentee }))
        .then([
          {
            type: 'GoalProgressUpdated',
            ...ref,
            goalId: 'g-1',
            updatedByPersonId: mentee,
            progressPercent: 40,
            note: sealed('n'),
            updatedAt: now,
          },
        ]);
      given(engagementDecider, [opened, goalSet])
        .when(cmd('UpdateGoalProgress', { goalId: 'g-1', progressPercent: 140 }))
        .thenFails('BAD_USER_INPUT');
      given(engagementDecider, [opened, goalSet])
        .when(cmd('UpdateGoalProgress', { goalId: 'nope', progressPercent: 10 }))
        .thenFails('NOT_FOUND');
    });

    it('adds and reaches milestones once', () => {
      const added: EngagementEvent = {
        type: 'MilestoneAdded',
        ...ref,
        goalId: 'g-1',
        milestoneId: 'ms-2',
        title: sealed('Run a retro'),
        targetDate: '2026-06-01',
        addedByPersonId: mentor,
      };
      given(engagementDecider, [opened, goalSet])
        .when(
          cmd('AddMilestone', {
            goalId: 'g-1',
            milestoneId: 'ms-2',
            title: sealed('Run a retro'),
            targetDate: '2026-06-01',
            actorTimeZone: 'UTC',
          }),
        )
        .then([added]);
      given(engagementDecider, [opened, goalSet])
        .when(cmd('AddMilestone', { goalId: 'g-1', milestoneId: 'ms-1', title: sealed('again'), actorTimeZone: 'UTC' }))
        .thenFails('CONFLICT');
      const reached: EngagementEvent = {
        type: 'MilestoneReached',
        ...ref,
        goalId: 'g-1',
        milestoneId: 'ms-1',
        reachedByPersonId: mentee,
        reachedAt: now,
      };
      const state = given(engagementDecider, [opened, goalSet])
        .when(cmd('ReachMilestone', { goalId: 'g-1', milestoneId: 'ms-1', actor: mentee }))
        .then([reached]);
      expect(state.goals['g-1']!.milestones[0]).toMatchObject({ reachedAt: now, reachedByPersonId: mentee });
      given(engagementDecider, [opened, goalSet, reached])
        .when(cmd('ReachMilestone', { goalId: 'g-1', milestoneId: 'ms-1' }))
        .thenFails('CONFLICT', /already been reached/);
      given(engagementDecider, [opened, goalSet])
        .when(cmd('ReachMilestone', { goalId: 'g-1', milestoneId: 'x' }))
        .thenFails('NOT_FOUND');
    });

    it('is achieved or abandoned once, then closed to changes', () => {
      const achieved: EngagementEvent = {
        type: 'GoalAchieved',
        ...ref,
        goalId: 'g-1',
        achievedByPersonId: mentee,
        achievedAt: now,
      };
      const state = given(engagementDecider, [opened, goalSet])
        .when(cmd('AchieveGoal', { goalId: 'g-1', actor: mentee }))
        .then([achieved]);
      expect(state.goals['g-1']).toMatchObject({ status: 'achieved', progressPercent: 100 });
      given(engagementDecider, [opened, goalSet, achieved])
        .when(cmd('AbandonGoal', { goalId: 'g-1', reason: 'other' }))
        .thenFails('CONFLICT', /already achieved/);
      given(engagementDecider, [opened, goalSet])
        .when(cmd('AbandonGoal', { goalId: 'g-1', reason: 'out-of-reach' }))
        .then([
          {
            type: 'GoalAbandoned',
            ...ref,
            goalId: 'g-1',
            abandonedByPersonId: mentor,
            reason: 'out-of-reach',
            abandonedAt: now,
          },
        ]);
      given(engagementDecider, [opened, goalSet])
        .when(cmd('AbandonGoal', { goalId: 'g-1', reason: 'bored' as never }))
        .thenFails('BAD_USER_INPUT', /reason/);
    });
  });
});
