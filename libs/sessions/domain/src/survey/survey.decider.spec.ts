import { fold, given } from '@trellis/shared/kernel/testing';
import {
  surveyDecider,
  normalizeQuestion,
  surveyPreview,
  surveyQuestionInput,
  surveyStreamId,
  type SurveyCommand,
  type SurveyEvent,
  type SurveyQuestion,
  type SurveyQuestionInput,
  type SurveySchedule,
} from './survey.decider';
import {
  npsQuestion as nps,
  topicQuestion as choice,
  usefulQuestion as scale,
  whyQuestion,
} from '../testing/survey.fixture';

const manager = 'p-manager';
const now = '2026-03-02T09:00:00.000Z';
const on = { surveyId: 'sv-1', programId: 'prog-1', byPersonId: manager, at: now };
const by = { actor: manager, now };

const asInput = surveyQuestionInput;
const schedule: SurveySchedule = {
  trigger: { kind: 'after-mentorship-start', weeks: 4 },
  audience: 'both',
  openDays: 14,
  reminderDaysBeforeClose: 3,
};

const drafted: SurveyEvent = { type: 'SurveyDrafted', ...on, title: 'Four weeks in', questions: [] };
const added = (question: SurveyQuestion): SurveyEvent => ({ type: 'SurveyQuestionAdded', ...on, question });
const scheduled: SurveyEvent = { type: 'SurveyScheduled', ...on, schedule };
const ready = [drafted, added(scale), added(nps), added(choice), scheduled];
const published: SurveyEvent = {
  type: 'SurveyPublished',
  ...on,
  title: 'Four weeks in',
  questions: [scale, nps, choice],
  schedule,
};
const add = (question: SurveyQuestionInput): SurveyCommand => ({ type: 'AddSurveyQuestion', question, ...by });

describe('Survey decider', () => {
  it('keeps each survey in its own stream', () => {
    expect(surveyStreamId('sv-1')).toBe('survey-sv-1');
  });

  describe('drafting', () => {
    it('drafts a survey for a program once, with a plain-text title', () => {
      given(surveyDecider)
        .when({ type: 'DraftSurvey', surveyId: 'sv-1', programId: 'prog-1', title: '  Four weeks in ', ...by })
        .then([drafted]);
      given(surveyDecider, [drafted])
        .when({ type: 'DraftSurvey', surveyId: 'sv-1', programId: 'prog-1', title: 'Again', ...by })
        .then([]);
      given(surveyDecider)
        .when({ type: 'DraftSurvey', surveyId: 'sv-1', programId: 'prog-1', title: '  ', ...by })
        .thenFails('BAD_USER_INPUT', /title must not be empty/);
      given(surveyDecider)
        .when({ type: 'DraftSurvey', surveyId: 'sv-1', programId: 'prog-1', title: 'x'.repeat(121), ...by })
        .thenFails('BAD_USER_INPUT', /at most 120 characters/);
    });

    it('gives back every kind of question as the builder sends it, so a copy reads the same', () => {
      for (const question of [scale, nps, choice, whyQuestion]) {
        expect(normalizeQuestion(surveyQuestionInput(question))).toEqual(question);
      }
    });

    it('starts a new version from the questions of the previous one, ids included', () => {
      given(surveyDecider)
        .when({
          type: 'DraftSurvey',
          surveyId: 'sv-2',
          programId: 'prog-1',
          title: 'Four weeks in (2027)',
          previousSurveyId: 'sv-1',
          questions: [asInput(scale), asInput(nps)],
          ...by,
        })
        .then([
          {
            type: 'SurveyDrafted',
            ...on,
            surveyId: 'sv-2',
            title: 'Four weeks in (2027)',
            questions: [scale, nps],
            previousSurveyId: 'sv-1',
          },
        ]);
    });
  });

  describe('questions while drafting', () => {
    it('adds each kind of question with a stable id', () => {
      given(surveyDecider, [drafted])
        .when(add(asInput(scale)))
        .then([added(scale)]);
      given(surveyDecider, [drafted])
        .when(add(asInput(nps)))
        .then([added(nps)]);
      given(surveyDecider, [drafted])
        .when(add(choice))
        .then([added(choice)]);
      given(surveyDecider, [drafted])
        .when(add(whyQuestion))
        .then([added(whyQuestion)]);
      given(surveyDecider, [drafted, added(nps)])
        .when(add(asInput(nps)))
        .thenFails('CONFLICT', /question with this id already/);
    });

    const options = (...labels: Array<[string, string]>) => labels.map(([optionId, label]) => ({ optionId, label }));
    it.each<[string, SurveyQuestionInput, RegExp]>([
      ['an unknown kind', { ...nps, kind: 'stars' as never }, /kind must be one of/],
      ['an empty prompt', { ...nps, prompt: ' ' }, /question must not be empty/],
      ['options on a score', { ...nps, options: options(['a', 'A']) }, /Only choice questions have options/],
      ['a scale without labels', { ...asInput(scale), scaleLabels: undefined }, /label of 1 must not be empty/],
      ['labels on a score', { ...nps, scaleLabels: { low: 'a', high: 'b' } }, /Only scale questions/],
      ['no say on being required', { ...nps, required: undefined as never }, /must be answered/],
      [
        'options that read the same',
        { ...choice, options: options(['a', 'Career'], ['b', 'career']) },
        /read the same/,
      ],
      ['options with one id', { ...choice, options: options(['a', 'Career'], ['a', 'Skills']) }, /same id/],
    ])('refuses a question with %s', (_case, question, message) => {
      given(surveyDecider, [drafted]).when(add(question)).thenFails('BAD_USER_INPUT', message);
    });

    it('edits a question in place, ignores an edit that changes nothing, and finds only its own questions', () => {
      const edited = { ...nps, prompt: 'Would you recommend the program to a colleague?' };
      const state = given(surveyDecider, [drafted, added(scale), added(nps)])
        .when({ type: 'EditSurveyQuestion', question: edited, ...by })
        .then([{ type: 'SurveyQuestionEdited', ...on, question: edited }]);
      expect(state.questions.map((q) => q.prompt)).toEqual([scale.prompt, edited.prompt]);
      given(surveyDecider, [drafted, added(nps)])
        .when({ type: 'EditSurveyQuestion', question: nps, ...by })
        .then([]);
      given(surveyDecider, [drafted])
        .when({ type: 'EditSurveyQuestion', question: nps, ...by })
        .thenFails('NOT_FOUND', /no such question/);
    });

    it('removes and reorders questions; a reorder lists every question once', () => {
      const history = [drafted, added(scale), added(nps), added(choice)];
      const reordered = given(surveyDecider, history)
        .when({ type: 'ReorderSurveyQuestions', questionIds: ['q-topic', 'q-useful', 'q-nps'], ...by })
        .then([{ type: 'SurveyQuestionsReordered', ...on, questionIds: ['q-topic', 'q-useful', 'q-nps'] }]);
      expect(reordered.questions.map((q) => q.questionId)).toEqual(['q-topic', 'q-useful', 'q-nps']);
      given(surveyDecider, history)
        .when({ type: 'ReorderSurveyQuestions', questionIds: ['q-useful', 'q-nps', 'q-topic'], ...by })
        .then([]);
      for (const questionIds of [
        ['q-topic', 'q-useful'],
        ['q-topic', 'q-topic', 'q-nps'],
        ['q-x', 'q-useful', 'q-nps'],
      ]) {
        given(surveyDecider, history)
          .when({ type: 'ReorderSurveyQuestions', questionIds, ...by })
          .thenFails('BAD_USER_INPUT', /every question of the survey exactly once/);
      }
      const removed = given(surveyDecider, history)
        .when({ type: 'RemoveSurveyQuestion', questionId: 'q-nps', ...by })
        .then([{ type: 'SurveyQuestionRemoved', ...on, questionId: 'q-nps' }]);
      expect(removed.questions.map((q) => q.questionId)).toEqual(['q-useful', 'q-topic']);
    });
  });

  describe('schedule', () => {
    const scheduleWith = (change: Partial<SurveySchedule>): SurveyCommand => ({
      type: 'ScheduleSurvey',
      schedule: { ...schedule, ...change },
      ...by,
    });

    it('sets one trigger, the audience, how long it stays open and when it reminds', () => {
      given(surveyDecider, [drafted]).when(scheduleWith({})).then([scheduled]);
      given(surveyDecider, [drafted, scheduled]).when(scheduleWith({})).then([]);
      const onDate = (opensAt: string): SurveySchedule => ({
        trigger: { kind: 'on-date', opensAt, cohortId: 'spring' },
        audience: 'mentees',
        openDays: 7,
      });
      given(surveyDecider, [drafted])
        .when({ type: 'ScheduleSurvey', schedule: onDate('2026-06-01T08:00:00Z'), ...by })
        .then([{ type: 'SurveyScheduled', ...on, schedule: onDate('2026-06-01T08:00:00.000Z') }]);
    });

    it('refuses a schedule a person could not act on', () => {
      given(surveyDecider, [drafted])
        .when(scheduleWith({ trigger: { kind: 'after-mentorship-start', weeks: 0 } }))
        .thenFails('BAD_USER_INPUT', /weeks must be a whole number from 1 to 104/);
      given(surveyDecider, [drafted])
        .when(scheduleWith({ trigger: { kind: 'on-date', opensAt: '2026-06-01 08:00' } }))
        .thenFails('BAD_USER_INPUT', /opensAt must be a UTC date and time/);
      given(surveyDecider, [drafted])
        .when(scheduleWith({ audience: 'everyone' as never }))
        .thenFails('BAD_USER_INPUT', /audience must be one of: mentees, mentors, both/);
      given(surveyDecider, [drafted])
        .when(scheduleWith({ openDays: 0 }))
        .thenFails('BAD_USER_INPUT', /openDays must be a whole number from 1 to 90/);
      given(surveyDecider, [drafted])
        .when(scheduleWith({ openDays: 14, reminderDaysBeforeClose: 14 }))
        .thenFails('BAD_USER_INPUT', /reminderDaysBeforeClose must be a whole number from 1 to 13/);
      given(surveyDecider, [drafted])
        .when(scheduleWith({ openDays: 1, reminderDaysBeforeClose: 1 }))
        .thenFails('BAD_USER_INPUT', /no room for a reminder/);
    });
  });

  describe('publishing', () => {
    it('publishes a complete survey with its questions and schedule frozen in the event, once', () => {
      const state = given(surveyDecider, ready)
        .when({ type: 'PublishSurvey', ...by })
        .then([published]);
      expect(state.status).toBe('published');
      expect(state.publishedAt).toBe(now);
      given(surveyDecider, [...ready, published])
        .when({ type: 'PublishSurvey', ...by })
        .then([]);
    });

    it('says what is missing: a question, two options per choice question, a schedule', () => {
      const empty = given(surveyDecider, [drafted])
        .when({ type: 'PublishSurvey', ...by })
        .thenFails('BAD_USER_INPUT', /Add at least one question before publishing/);
      expect(empty.details).toMatchObject({ problem: 'no-questions', field: 'questions' });
      expect((empty.details['problems'] as unknown[]).map((p) => (p as { problem: string }).problem)).toEqual([
        'no-questions',
        'no-schedule',
      ]);
      const lonely: SurveyQuestion = { ...choice, options: [{ optionId: 'career', label: 'Career' }] };
      const oneOption = given(surveyDecider, [drafted, added(scale), added(lonely), scheduled])
        .when({ type: 'PublishSurvey', ...by })
        .thenFails('BAD_USER_INPUT', /Question 2 needs at least 2 options to choose from/);
      expect(oneOption.details).toMatchObject({ problem: 'too-few-options', questionId: 'q-topic' });
      given(surveyDecider, [drafted, added(scale)])
        .when({ type: 'PublishSurvey', ...by })
        .thenFails('BAD_USER_INPUT', /Choose when the survey is sent/);
    });

    it('refuses a dated survey that would close before it is sent', () => {
      const past: SurveyEvent = {
        type: 'SurveyScheduled',
        ...on,
        schedule: { trigger: { kind: 'on-date', opensAt: '2026-02-01T08:00:00.000Z' }, audience: 'both', openDays: 7 },
      };
      given(surveyDecider, [drafted, added(scale), past])
        .when({ type: 'PublishSurvey', ...by })
        .thenFails('BAD_USER_INPUT', /would close before it is sent/);
    });

    it('previews the survey as participants see it, with what still blocks publishing', () => {
      const preview = surveyPreview(fold(surveyDecider, [drafted, added(nps), added(scale)]), now);
      expect(preview.questions.map((q) => [q.number, q.questionId])).toEqual([
        [1, 'q-nps'],
        [2, 'q-useful'],
      ]);
      expect(preview.problems.map((p) => p.problem)).toEqual(['no-schedule']);
      expect(surveyPreview(fold(surveyDecider, [...ready, published]), now).problems).toEqual([]);
    });

    it('freezes a published survey: its questions and schedule keep the meaning of every answer', () => {
      const after = [...ready, published];
      const frozen: SurveyCommand[] = [
        add({ questionId: 'q-new', kind: 'nps', prompt: 'New?', required: true }),
        { type: 'EditSurveyQuestion', question: { ...nps, prompt: 'Changed' }, ...by },
        { type: 'RemoveSurveyQuestion', questionId: 'q-nps', ...by },
        { type: 'ReorderSurveyQuestions', questionIds: ['q-nps', 'q-useful', 'q-topic'], ...by },
        { type: 'ScheduleSurvey', schedule: { ...schedule, openDays: 30 }, ...by },
        { type: 'RetitleSurvey', title: 'Renamed', ...by },
      ];
      for (const command of frozen) {
        given(surveyDecider, after)
          .when(command)
          .thenFails('CONFLICT', /published survey cannot be changed.*draft a new version/);
      }
    });
  });

  describe('closing and archiving', () => {
    const closed: SurveyEvent = { type: 'SurveyClosed', ...on };
    const archived: SurveyEvent = { type: 'SurveyArchived', ...on };

    it('closes a published survey once; a draft is archived instead', () => {
      given(surveyDecider, [...ready, published])
        .when({ type: 'CloseSurvey', ...by })
        .then([closed]);
      given(surveyDecider, [...ready, published, closed])
        .when({ type: 'CloseSurvey', ...by })
        .then([]);
      given(surveyDecider, ready)
        .when({ type: 'CloseSurvey', ...by })
        .thenFails('CONFLICT', /archive it instead/);
      given(surveyDecider)
        .when({ type: 'CloseSurvey', ...by })
        .thenFails('NOT_FOUND', /no such survey/);
    });

    it('archives a draft, a published or a closed survey once', () => {
      for (const history of [ready, [...ready, published], [...ready, published, closed]]) {
        const state = given(surveyDecider, history)
          .when({ type: 'ArchiveSurvey', ...by })
          .then([archived]);
        expect(state.status).toBe('archived');
      }
      given(surveyDecider, [...ready, archived])
        .when({ type: 'ArchiveSurvey', ...by })
        .then([]);
      given(surveyDecider, [...ready, archived])
        .when({ type: 'PublishSurvey', ...by })
        .thenFails('CONFLICT', /cannot be changed/);
    });
  });
});
