import { given } from '@trellis/shared/kernel/testing';
import {
  DEFAULT_MATCHING_RULES,
  DEFAULT_PROGRAM_SETTINGS,
  evolveProgram,
  initialProgramState,
  programDecider,
  type ProgramEvent,
  type Question,
} from './program.decider';

const programId = 'p1';
const created: ProgramEvent = {
  type: 'ProgramCreated',
  programId,
  name: 'Spring mentoring',
  description: '',
  settings: DEFAULT_PROGRAM_SETTINGS,
  matchingRules: DEFAULT_MATCHING_RULES,
  questions: [],
  copiedFromProgramId: null,
};
const opened: ProgramEvent = { type: 'ProgramEnrollmentOpened', programId };
const archived: ProgramEvent = { type: 'ProgramArchived', programId };

const question = (overrides: Partial<Question> = {}): Question => ({
  questionId: 'goal-area',
  kind: 'single-choice',
  text: 'Which area do you want to grow in?',
  options: [
    { optionId: 'leadership', label: 'Leadership' },
    { optionId: 'tech', label: 'Technical depth' },
  ],
  optionIds: ['leadership', 'tech'],
  usedForMatching: true,
  weight: 2,
  ...overrides,
});

describe('Program decider', () => {
  describe('CreateProgram', () => {
    it('creates a program with default settings and rules, trimming the name', () => {
      given(programDecider, [])
        .when({ type: 'CreateProgram', programId, details: { name: '  Spring mentoring ', description: '' } })
        .then([created]);
    });

    it('keeps the settings a manager chose and fills the rest with defaults', () => {
      given(programDecider, [])
        .when({
          type: 'CreateProgram',
          programId,
          details: { name: 'Circles', description: 'Group mentoring' },
          settings: { format: 'group', maxCircleSize: 6 },
        })
        .thenProduces(([event]) =>
          expect(event).toMatchObject({ settings: { ...DEFAULT_PROGRAM_SETTINGS, format: 'group', maxCircleSize: 6 } }),
        );
    });

    it('refuses a second program with the same id', () => {
      given(programDecider, [created])
        .when({ type: 'CreateProgram', programId, details: { name: 'Again', description: '' } })
        .thenFails('CONFLICT');
    });

    it('refuses a name that is too short', () => {
      given(programDecider, [])
        .when({ type: 'CreateProgram', programId, details: { name: 'x', description: '' } })
        .thenFails('BAD_USER_INPUT', /3 to 120/);
    });

    it('refuses settings out of bounds, naming the setting', () => {
      given(programDecider, [])
        .when({
          type: 'CreateProgram',
          programId,
          details: { name: 'Spring', description: '' },
          settings: { defaultMentorCapacity: 0 },
        })
        .thenFails('BAD_USER_INPUT', /defaultMentorCapacity/);
    });

    it('records which program it was duplicated from', () => {
      given(programDecider, [])
        .when({
          type: 'CreateProgram',
          programId,
          details: { name: 'Autumn', description: '' },
          copiedFromProgramId: 'p0',
          questions: [question()],
        })
        .thenProduces(([event]) =>
          expect(event).toMatchObject({ copiedFromProgramId: 'p0', questions: [{ questionId: 'goal-area' }] }),
        );
    });
  });

  describe('enrollment and archiving', () => {
    it('opens enrollment once; opening again changes nothing', () => {
      given(programDecider, [created]).when({ type: 'OpenEnrollment' }).then([opened]);
      given(programDecider, [created, opened]).when({ type: 'OpenEnrollment' }).then([]);
    });

    it('cannot close enrollment that was never opened', () => {
      given(programDecider, [created]).when({ type: 'CloseEnrollment' }).thenFails('CONFLICT');
    });

    it('closes open enrollment', () => {
      given(programDecider, [created, opened])
        .when({ type: 'CloseEnrollment' })
        .then([{ type: 'ProgramEnrollmentClosed', programId }]);
    });

    it('archives, and an archived program refuses every change', () => {
      given(programDecider, [created]).when({ type: 'ArchiveProgram' }).then([archived]);
      given(programDecider, [created, archived])
        .when({ type: 'OpenEnrollment' })
        .thenFails('CONFLICT', /archived/);
      given(programDecider, [created, archived])
        .when({ type: 'EditProgramDetails', details: { name: 'New name', description: '' } })
        .thenFails('CONFLICT');
      given(programDecider, [created, archived])
        .when({ type: 'ChangeProgramSettings', settings: {} })
        .thenFails('CONFLICT');
    });

    it('reports an unknown program as not found', () => {
      given(programDecider, []).when({ type: 'OpenEnrollment' }).thenFails('NOT_FOUND');
    });
  });

  describe('settings, questionnaire and matching rules', () => {
    it('edits details only when they change', () => {
      given(programDecider, [created])
        .when({ type: 'EditProgramDetails', details: { name: 'Spring mentoring', description: '' } })
        .then([]);
      given(programDecider, [created])
        .when({ type: 'EditProgramDetails', details: { name: 'Spring 2027', description: 'For new hires' } })
        .then([{ type: 'ProgramDetailsEdited', programId, name: 'Spring 2027', description: 'For new hires' }]);
    });

    it('changes settings on top of the current ones', () => {
      given(programDecider, [created])
        .when({ type: 'ChangeProgramSettings', settings: { requestExpiryDays: 10 } })
        .then([
          {
            type: 'ProgramSettingsChanged',
            programId,
            settings: { ...DEFAULT_PROGRAM_SETTINGS, requestExpiryDays: 10 },
          },
        ]);
    });

    it('bounds how many mentors a mentee may prefer, from 1 to 10', () => {
      given(programDecider, [created])
        .when({ type: 'ChangeProgramSettings', settings: { maxPreferredMentors: 5 } })
        .then([
          {
            type: 'ProgramSettingsChanged',
            programId,
            settings: { ...DEFAULT_PROGRAM_SETTINGS, maxPreferredMentors: 5 },
          },
        ]);
      for (const maxPreferredMentors of [0, 11, 2.5]) {
        given(programDecider, [created])
          .when({ type: 'ChangeProgramSettings', settings: { maxPreferredMentors } })
          .thenFails('BAD_USER_INPUT', /maxPreferredMentors must be a whole number from 1 to 10/);
      }
    });

    it('gives a program created before a setting existed its default, so its settings can still change', () => {
      const { maxPreferredMentors: _left, ...olderSettings } = DEFAULT_PROGRAM_SETTINGS;
      given(programDecider, [{ ...created, settings: olderSettings }])
        .when({ type: 'ChangeProgramSettings', settings: { requestExpiryDays: 9 } })
        .then([
          {
            type: 'ProgramSettingsChanged',
            programId,
            settings: { ...DEFAULT_PROGRAM_SETTINGS, requestExpiryDays: 9 },
          },
        ]);
    });

    it('keeps survey figures hidden below a threshold of at least 3 respondents', () => {
      given(programDecider, [created])
        .when({ type: 'ChangeProgramSettings', settings: { surveyResultThreshold: 3 } })
        .then([
          {
            type: 'ProgramSettingsChanged',
            programId,
            settings: { ...DEFAULT_PROGRAM_SETTINGS, surveyResultThreshold: 3 },
          },
        ]);
      for (const surveyResultThreshold of [2, 0, 101, 3.5]) {
        given(programDecider, [created])
          .when({ type: 'ChangeProgramSettings', settings: { surveyResultThreshold } })
          .thenFails('BAD_USER_INPUT', /at least 3 respondents per group/);
      }
    });

    it('keeps messages without limit by default, or 30 to 3650 days after a mentorship ends', () => {
      expect(DEFAULT_PROGRAM_SETTINGS.conversationRetentionDays).toBeNull();
      given(programDecider, [created])
        .when({ type: 'ChangeProgramSettings', settings: { conversationRetentionDays: 90 } })
        .then([
          {
            type: 'ProgramSettingsChanged',
            programId,
            settings: { ...DEFAULT_PROGRAM_SETTINGS, conversationRetentionDays: 90 },
          },
        ]);
      const retained = { ...created, settings: { ...DEFAULT_PROGRAM_SETTINGS, conversationRetentionDays: 90 } };
      given(programDecider, [retained])
        .when({ type: 'ChangeProgramSettings', settings: { conversationRetentionDays: null } })
        .thenProduces(([event]) => expect(event).toMatchObject({ settings: { conversationRetentionDays: null } }));
      for (const conversationRetentionDays of [29, 0, -1, 3651, 45.5]) {
        given(programDecider, [created])
          .when({ type: 'ChangeProgramSettings', settings: { conversationRetentionDays } })
          .thenFails('BAD_USER_INPUT', /kept 30 to 3650 days after a mentorship ends/);
      }
    });

    it('names the refused setting as the field, for the form to show the message there', () => {
      for (const [settings, field] of [
        [{ surveyResultThreshold: 2 }, 'surveyResultThreshold'],
        [{ conversationRetentionDays: 7 }, 'conversationRetentionDays'],
      ] as const) {
        const refusal = given(programDecider, [created])
          .when({ type: 'ChangeProgramSettings', settings })
          .thenFails('BAD_USER_INPUT');
        expect(refusal.details).toEqual({ field });
      }
    });

    it('reads a program whose events predate both settings with threshold 5 and no retention', () => {
      const { surveyResultThreshold: _t, conversationRetentionDays: _r, ...olderSettings } = DEFAULT_PROGRAM_SETTINGS;
      const state = evolveProgram(initialProgramState(), { ...created, settings: olderSettings });
      expect(state.settings).toMatchObject({ surveyResultThreshold: 5, conversationRetentionDays: null });
    });

    it('accepts a valid questionnaire', () => {
      given(programDecider, [created])
        .when({
          type: 'DefineQuestionnaire',
          questions: [
            question(),
            question({ questionId: 'energy', kind: 'scale', options: [], optionIds: [], scaleMin: 1, scaleMax: 5 }),
          ],
        })
        .thenProduces(([event]) => expect(event).toMatchObject({ type: 'ProgramQuestionnaireChanged' }));
    });

    it.each([
      ['duplicate ids', [question(), question()], /used twice/],
      [
        'a choice question with one option',
        [question({ options: [{ optionId: 'a', label: 'A' }] })],
        /2 to 20 options/,
      ],
      [
        'a scale with its bounds reversed',
        [question({ kind: 'scale', options: [], scaleMin: 5, scaleMax: 1 })],
        /scale/,
      ],
      [
        'short text used for matching',
        [question({ kind: 'short-text', options: [], usedForMatching: true })],
        /cannot be used for matching/,
      ],
      ['a weight above 10', [question({ weight: 11 })], /weight/],
    ])('refuses a questionnaire with %s', (_label, questions, message) => {
      given(programDecider, [created])
        .when({ type: 'DefineQuestionnaire', questions })
        .thenFails('BAD_USER_INPUT', message);
    });

    it('accepts matching rules a manager edited', () => {
      given(programDecider, [created])
        .when({
          type: 'ChangeMatchingRules',
          matchingRules: {
            ...DEFAULT_MATCHING_RULES,
            weights: { ...DEFAULT_MATCHING_RULES.weights, skills: 8 },
            hardRules: { ...DEFAULT_MATCHING_RULES.hardRules, sameDepartmentNotAllowed: true, maxTimezoneGapHours: 4 },
            objective: 'fairest',
          },
        })
        .thenProduces(([event]) =>
          expect(event).toMatchObject({
            matchingRules: { objective: 'fairest', hardRules: { maxTimezoneGapHours: 4 } },
          }),
        );
    });

    it.each([
      ['all weights zero', { weights: { skills: 0 } }, /at least one/i],
      ['a negative weight', { weights: { skills: -1 } }, /between 0 and 10/],
      [
        'a timezone gap of 30 hours',
        { hardRules: { ...DEFAULT_MATCHING_RULES.hardRules, maxTimezoneGapHours: 30 } },
        /timezone gap/,
      ],
    ])('refuses matching rules with %s', (_label, overrides, message) => {
      given(programDecider, [created])
        .when({ type: 'ChangeMatchingRules', matchingRules: { ...DEFAULT_MATCHING_RULES, ...overrides } })
        .thenFails('BAD_USER_INPUT', message);
    });
  });

  describe('cohorts and managers', () => {
    const cohort = { cohortId: 'c1', name: 'January', startsOn: '2027-01-01', endsOn: '2027-06-30' };
    it('adds a cohort with a date window', () => {
      given(programDecider, [created])
        .when({ type: 'AddCohort', ...cohort })
        .then([{ type: 'ProgramCohortAdded', programId, ...cohort }]);
    });

    it('refuses a cohort that ends before it starts or has an impossible date', () => {
      given(programDecider, [created])
        .when({ type: 'AddCohort', ...cohort, endsOn: '2026-12-01' })
        .thenFails('BAD_USER_INPUT', /end after/);
      given(programDecider, [created])
        .when({ type: 'AddCohort', ...cohort, startsOn: '2027-02-30' })
        .thenFails('BAD_USER_INPUT');
    });

    it('refuses a second cohort with the same name', () => {
      given(programDecider, [created, { type: 'ProgramCohortAdded', programId, ...cohort }])
        .when({ type: 'AddCohort', ...cohort, cohortId: 'c2', name: 'january' })
        .thenFails('CONFLICT');
    });

    it('assigns a manager once and unassigns only a current manager', () => {
      const assigned: ProgramEvent = { type: 'ProgramManagerAssigned', programId, personId: 'm1' };
      given(programDecider, [created]).when({ type: 'AssignProgramManager', personId: 'm1' }).then([assigned]);
      given(programDecider, [created, assigned]).when({ type: 'AssignProgramManager', personId: 'm1' }).then([]);
      given(programDecider, [created]).when({ type: 'UnassignProgramManager', personId: 'm1' }).thenFails('NOT_FOUND');
      given(programDecider, [created, assigned])
        .when({ type: 'UnassignProgramManager', personId: 'm1' })
        .then([{ type: 'ProgramManagerUnassigned', programId, personId: 'm1' }]);
    });
  });

  it('folds the same history to the same state twice (evolve is pure)', () => {
    const history: ProgramEvent[] = [created, opened, { type: 'ProgramManagerAssigned', programId, personId: 'm1' }];
    const once = history.reduce(evolveProgram, initialProgramState());
    const twice = history.reduce(evolveProgram, initialProgramState());
    expect(twice).toEqual(once);
    expect(once).toMatchObject({ status: 'enrollment-open', managerPersonIds: ['m1'] });
  });
});
