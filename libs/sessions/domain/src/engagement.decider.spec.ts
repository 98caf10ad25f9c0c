import { given } from '@trellis/shared/kernel/testing';
import {
  agreementInEffect,
  canReadReflection,
  engagementDecider,
  type AgreementTerms,
  type EngagementCommand,
  type EngagementEvent,
} from './engagement.decider';
import { sealed } from './testing/sealed.fixture';

const mentor = 'p-mentor';
const mentee = 'p-mentee';
const stranger = 'p-stranger';
const now = '2026-03-02T09:00:00.000Z';
const ref = { mentorshipId: 'm-1' };

const opened: EngagementEvent = {
  type: 'EngagementOpened',
  mentorshipId: 'm-1',
  programId: 'prog-1',
  mentorPersonId: mentor,
  menteePersonId: mentee,
  mentorParticipantId: 'pa-mentor',
  menteeParticipantId: 'pa-mentee',
  format: 'one-on-one',
  openedAt: '2026-03-01T08:00:00.000Z',
};
const terms: AgreementTerms = {
  cadence: 'fortnightly',
  sessionMinutes: 60,
  durationMonths: 6,
  channels: ['video', 'chat'],
  expectations: sealed('expectations'),
  confidentiality: sealed('confidentiality'),
};
const proposed = (version: number, by = mentor, t: AgreementTerms = terms): EngagementEvent => ({
  type: 'AgreementProposed',
  ...ref,
  version,
  proposedByPersonId: by,
  proposedAt: now,
  ...t,
});
const signed = (version: number, by: string, inEffect: boolean): EngagementEvent => ({
  type: 'AgreementSigned',
  ...ref,
  version,
  signedByPersonId: by,
  inEffect,
  signedAt: now,
});
const goalSet: EngagementEvent = {
  type: 'GoalSet',
  ...ref,
  goalId: 'g-1',
  setByPersonId: mentee,
  ownerPersonId: mentee,
  title: sealed('Lead a team project'),
  smart: { specific: sealed('s'), measurable: sealed('m') },
  targetDate: '2026-09-30',
  milestones: [{ milestoneId: 'ms-1', title: sealed('Shadow a lead'), targetDate: '2026-05-01' }],
  milestoneCount: 1,
  setAt: now,
};
const cmd = <T extends EngagementCommand['type']>(
  type: T,
  fields: Omit<Extract<EngagementCommand, { type: T }>, 'type' | 'now' | 'actor'> & { actor?: string },
) => ({ type, actor: mentor, now, ...fields }) as unknown as EngagementCommand;

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

  describe('agreement', () => {
    it('is proposed by one side', () => {
      given(engagementDecider, [opened])
        .when(cmd('ProposeAgreement', { terms }))
        .then([proposed(1)]);
    });

    it('validates cadence, length, duration and channels', () => {
      const agreed = given(engagementDecider, [opened]);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, cadence: 'daily' as never } }))
        .thenFails('BAD_USER_INPUT', /cadence/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, sessionMinutes: 5 } }))
        .thenFails('BAD_USER_INPUT', /sessionMinutes/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, durationMonths: 0 } }))
        .thenFails('BAD_USER_INPUT', /durationMonths/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, channels: [] } }))
        .thenFails('BAD_USER_INPUT', /channel/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, channels: ['video', 'video'] } }))
        .thenFails('BAD_USER_INPUT', /twice/);
      agreed
        .when(cmd('ProposeAgreement', { terms: { ...terms, boundaries: 'plain text' as never } }))
        .thenFails('BAD_USER_INPUT', /boundaries/);
    });

    it('needs both signatures to take effect', () => {
      given(engagementDecider, [opened, proposed(1)])
        .when(cmd('SignAgreement', { version: 1 }))
        .then([signed(1, mentor, false)]);
      const state = given(engagementDecider, [opened, proposed(1), signed(1, mentor, false)])
        .when(cmd('SignAgreement', { version: 1, actor: mentee }))
        .then([signed(1, mentee, true)]);
      expect(agreementInEffect(state)).toMatchObject({ version: 1, signedBy: [mentor, mentee], status: 'in-effect' });
    });

    it('refuses a second signature by the same person', () => {
      given(engagementDecider, [opened, proposed(1), signed(1, mentor, false)])
        .when(cmd('SignAgreement', { version: 1 }))
        .thenFails('CONFLICT', /already signed/);
    });

    it('refuses signing a version that was replaced by a newer proposal, and names the newer one', () => {
      const error = given(engagementDecider, [opened, proposed(1), proposed(2, mentee)])
        .when(cmd('SignAgreement', { version: 1 }))
        .thenFails('CONFLICT', /replaced by version 2/);
      expect(error.details).toMatchObject({ version: 1, latestVersion: 2 });
      given(engagementDecider, [opened])
        .when(cmd('SignAgreement', { version: 3 }))
        .thenFails('NOT_FOUND');
    });

    it('takes amendments instead of new proposals once in effect, keeping the history', () => {
      const history = [opened, proposed(1), signed(1, mentor, false), signed(1, mentee, true)];
      given(engagementDecider, history)
        .when(cmd('ProposeAgreement', { terms }))
        .thenFails('CONFLICT', /amendment/);
      const weekly = { ...terms, cadence: 'weekly' as const };
      const amended: EngagementEvent = {
        type: 'AgreementAmended',
        ...ref,
        version: 2,
        amendsVersion: 1,
        proposedByPersonId: mentee,
        proposedAt: now,
        ...weekly,
      };
      const afterAmend = given(engagementDecider, history)
        .when(cmd('AmendAgreement', { terms: weekly, actor: mentee }))
        .then([amended]);
      // Until both sign the amendment, version 1 stays in effect.
      expect(agreementInEffect(afterAmend)?.version).toBe(1);
      const final = given(engagementDecider, [...history, amended, signed(2, mentee, false)])
        .when(cmd('SignAgreement', { version: 2 }))
        .then([signed(2, mentor, true)]);
      expect(final.agreements.map((a) => [a.version, a.status, a.terms.cadence])).toEqual([
        [1, 'replaced', 'fortnightly'],
        [2, 'in-effect', 'weekly'],
      ]);
    });

    it('refuses an amendment when nothing is signed yet', () => {
      given(engagementDecider, [opened, proposed(1)])
        .when(cmd('AmendAgreement', { terms }))
        .thenFails('CONFLICT', /propose an agreement first/);
    });
  });

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

  describe('resources and introductions', () => {
    it('resources are recommended by the mentor to the mentee', () => {
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'course', title: sealed('t'), link: sealed('l') }))
        .then([
          {
            type: 'ResourceRecommended',
            ...ref,
            resourceId: 'r-1',
            kind: 'course',
            title: sealed('t'),
            link: sealed('l'),
            recommendedByPersonId: mentor,
            recommendedToPersonId: mentee,
            recommendedAt: now,
          },
        ]);
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'course', title: sealed('t'), actor: mentee }))
        .thenFails('FORBIDDEN', /mentor/);
      given(engagementDecider, [opened])
        .when(cmd('RecommendResource', { resourceId: 'r-1', kind: 'podcast' as never, title: sealed('t') }))
        .thenFails('BAD_USER_INPUT', /kind/);
    });

    it('introductions go to another participant or to an encrypted external contact', () => {
      const toParticipant = given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-1', target: { kind: 'participant', personId: 'p-cto' } }))
        .produced();
      expect(toParticipant[0]).toMatchObject({
        target: { kind: 'participant', personId: 'p-cto' },
        menteePersonId: mentee,
      });
      const external = given(engagementDecider, [opened])
        .when(
          cmd('MakeIntroduction', {
            introductionId: 'i-2',
            target: { kind: 'external-contact', contact: sealed('c') },
          }),
        )
        .produced();
      expect(external[0]).toMatchObject({ target: { kind: 'external-contact', contact: sealed('c') } });
      given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-3', target: { kind: 'participant', personId: mentee } }))
        .thenFails('BAD_USER_INPUT', /someone other/);
      given(engagementDecider, [opened])
        .when(cmd('MakeIntroduction', { introductionId: 'i-3', target: { kind: 'external-contact' } as never }))
        .thenFails('BAD_USER_INPUT', /Contact details/);
      given(engagementDecider, [opened])
        .when(
          cmd('MakeIntroduction', {
            introductionId: 'i-3',
            target: { kind: 'participant', personId: 'p-x' },
            actor: mentee,
          }),
        )
        .thenFails('FORBIDDEN');
    });
  });

  describe('private reflections', () => {
    const written: EngagementEvent = {
      type: 'ReflectionWritten',
      ...ref,
      reflectionId: 'rf-1',
      authorPersonId: mentee,
      text: sealed('v1'),
      writtenAt: now,
    };

    it('are written and edited by their author only, and read by their author only', () => {
      given(engagementDecider, [opened])
        .when(cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('v1'), actor: mentee }))
        .then([written]);
      const state = given(engagementDecider, [opened, written])
        .when({
          ...cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('v2'), actor: mentee }),
          now: '2026-03-03T09:00:00.000Z',
        })
        .then([{ ...written, text: sealed('v2'), writtenAt: '2026-03-03T09:00:00.000Z' }]);
      expect(state.reflections['rf-1']).toMatchObject({ writtenAt: now, updatedAt: '2026-03-03T09:00:00.000Z' });
      given(engagementDecider, [opened, written])
        .when(cmd('WriteReflection', { reflectionId: 'rf-1', text: sealed('mine now') }))
        .thenFails('FORBIDDEN', /your own reflections/);
      expect(canReadReflection(state, 'rf-1', mentee)).toBe(true);
      expect(canReadReflection(state, 'rf-1', mentor)).toBe(false);
      given(engagementDecider, [opened])
        .when(cmd('WriteReflection', { reflectionId: 'rf-2', text: undefined as never }))
        .thenFails('BAD_USER_INPUT');
    });
  });

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
