import { given } from '@trellis/shared/kernel/testing';
import { sealed } from '../testing/sealed.fixture';
import type { SurveyOccurrence } from './survey-occurrences';
import {
  surveyResponseDecider,
  surveyResponseStreamId,
  type SurveyAnswerInput,
  type SurveyResponseCommand,
  type SurveyResponseEvent,
} from './survey-response.decider';
import { surveyQuestions as questions } from '../testing/survey.fixture';

const mentee = 'p-mentee';
const now = '2026-03-31T09:00:00.000Z';
const ref = { occurrenceId: 'sv-1:start:m-1', surveyId: 'sv-1', programId: 'prog-1', cohortId: 'spring' };
const occurrence: SurveyOccurrence = {
  ...ref,
  mentorshipId: 'm-1',
  askedPersonIds: [mentee, 'p-mentor'],
  opensAt: '2026-03-30T09:00:00.000Z',
  closesAt: '2026-04-13T09:00:00.000Z',
};
const required: SurveyAnswerInput[] = [
  { questionId: 'q-useful', value: 4 },
  { questionId: 'q-nps', value: 9 },
];
const submit = (answers: SurveyAnswerInput[], actor = mentee, when = now): SurveyResponseCommand => ({
  type: 'SubmitSurveyResponse',
  occurrence,
  questions,
  answers,
  actor,
  now: when,
});
const submitted = (answers: SurveyResponseEvent['answers'], submittedAt = now): SurveyResponseEvent => ({
  type: 'SurveyResponseSubmitted',
  ...ref,
  respondentPersonId: mentee,
  answers,
  submittedAt,
});
const requiredAnswers: SurveyResponseEvent['answers'] = [
  { questionId: 'q-useful', kind: 'scale', value: 4 },
  { questionId: 'q-nps', kind: 'nps', value: 9 },
];

describe('Survey response decider', () => {
  it('keys each response by occurrence and person, without two pairs ever sharing a stream', () => {
    expect(surveyResponseStreamId('sv-1:start:m-1', mentee)).toBe('survey-response-sv-1:start:m-1/p-mentee');
    expect(surveyResponseStreamId('a.b', 'c')).not.toBe(surveyResponseStreamId('a', 'b.c'));
  });

  it('takes a complete answer in the survey’s question order, choices in the order offered', () => {
    const state = given(surveyResponseDecider)
      .when(
        submit([
          { questionId: 'q-why', text: sealed('because') },
          { questionId: 'q-gains', optionIds: ['clarity', 'network'] },
          { questionId: 'q-topic', optionIds: ['skills'] },
          ...required,
        ]),
      )
      .then([
        submitted([
          ...requiredAnswers,
          { questionId: 'q-topic', kind: 'single-choice', optionIds: ['skills'] },
          { questionId: 'q-gains', kind: 'multiple-choice', optionIds: ['network', 'clarity'] },
          { questionId: 'q-why', kind: 'long-text', text: sealed('because') },
        ]),
      ]);
    expect(state.status).toBe('submitted');
  });

  it('leaves unanswered optional questions out and insists on the required ones', () => {
    given(surveyResponseDecider)
      .when(submit([...required, { questionId: 'q-gains', optionIds: [] }]))
      .then([submitted(requiredAnswers)]);
    const missing = given(surveyResponseDecider)
      .when(submit([{ questionId: 'q-useful', value: 4 }]))
      .thenFails('BAD_USER_INPUT', /Question 2 must be answered/);
    expect(missing.details).toEqual({ field: 'answers', questionId: 'q-nps' });
  });

  it.each([
    [{ questionId: 'q-useful', value: 0 }, /Question 1: choose a value from 1 to 5/],
    [{ questionId: 'q-useful', value: 6 }, /Question 1: choose a value from 1 to 5/],
    [{ questionId: 'q-useful', value: 3.5 }, /Question 1: choose a value from 1 to 5/],
    [{ questionId: 'q-nps', value: 11 }, /Question 2: choose a score from 0 to 10/],
    [{ questionId: 'q-nps', value: -1 }, /Question 2: choose a score from 0 to 10/],
    [{ questionId: 'q-topic', optionIds: ['career', 'skills'] }, /Question 3: choose exactly one option/],
    [{ questionId: 'q-topic', optionIds: ['travel'] }, /Question 3: choose from the options offered/],
    [{ questionId: 'q-gains', optionIds: ['network', 'fame'] }, /Question 4: choose from the options offered/],
    // Free text arrives sealed; plain words never reach the domain.
    [{ questionId: 'q-why', text: 'plain words' as never }, /Question 5 is required/],
    [{ questionId: 'q-other', value: 1 }, /question this survey does not have/],
  ])('refuses %p', (answer, message) => {
    const others = required.filter((r) => r.questionId !== answer.questionId);
    given(surveyResponseDecider)
      .when(submit([...others, answer as SurveyAnswerInput]))
      .thenFails('BAD_USER_INPUT', message);
  });

  it('refuses two answers to one question in the same submission', () => {
    given(surveyResponseDecider)
      .when(submit([...required, { questionId: 'q-nps', value: 3 }]))
      .thenFails('BAD_USER_INPUT', /answered twice/);
  });

  it('accepts the ends of each range', () => {
    for (const [useful, nps] of [
      [1, 0],
      [5, 10],
    ]) {
      given(surveyResponseDecider)
        .when(
          submit([
            { questionId: 'q-useful', value: useful },
            { questionId: 'q-nps', value: nps },
          ]),
        )
        .thenProduces((events) => expect(events).toHaveLength(1));
    }
  });

  it('refuses someone the occurrence was not sent to', () => {
    given(surveyResponseDecider)
      .when(submit(required, 'p-stranger'))
      .thenFails('FORBIDDEN', /not sent to you/);
  });

  it('takes answers from the opening until just before the close', () => {
    given(surveyResponseDecider)
      .when(submit(required, mentee, '2026-03-30T08:59:59.000Z'))
      .thenFails('CONFLICT', /not open yet/);
    given(surveyResponseDecider)
      .when(submit(required, mentee, '2026-03-30T09:00:00.000Z'))
      .then([submitted(requiredAnswers, '2026-03-30T09:00:00.000Z')]);
    given(surveyResponseDecider)
      .when(submit(required, mentee, '2026-04-13T08:59:59.000Z'))
      .then([submitted(requiredAnswers, '2026-04-13T08:59:59.000Z')]);
    const late = given(surveyResponseDecider)
      .when(submit(required, mentee, '2026-04-13T09:00:00.000Z'))
      .thenFails('CONFLICT', /has closed; answers are no longer taken/);
    expect(late.details).toEqual({ closedAt: occurrence.closesAt });
  });

  it('refuses a second answer: a submitted answer is final', () => {
    const second = given(surveyResponseDecider, [submitted(requiredAnswers)])
      .when(
        submit([
          { questionId: 'q-useful', value: 1 },
          { questionId: 'q-nps', value: 0 },
        ]),
      )
      .thenFails('CONFLICT', /answered this survey already; an answer cannot be changed/);
    expect(second.details).toEqual({ submittedAt: now });
  });
});
