import { aggregateSurvey, type SurveyResponseRecord } from './survey-aggregates';
import { compareSurveyAggregates } from './survey-comparison';
import type { SurveyAnswer } from './survey-response.decider';
import type { SurveyQuestion } from './survey.decider';
import { responseOf, surveyQuestions as questions } from '../testing/survey.fixture';

/** Five people, each `useful nps topic`. */
const term = (prefix: string, rows: string): SurveyResponseRecord[] =>
  rows.split(', ').map((row, i) => {
    const [useful, nps, topic] = row.split(' ');
    const chose: SurveyAnswer = { questionId: 'q-topic', kind: 'single-choice', optionIds: [topic!] };
    return responseOf(`${prefix}-${i}`, Number(useful), Number(nps), [chose]);
  });

// Previous term: mean 3, NPS −20 (1 promoter, 2 detractors of 5), career 60%.
const previous = term('old', '3 9 career, 3 7 career, 3 8 career, 2 5 skills, 4 3 skills');
// This term: mean 4, NPS +40 (3 promoters, 1 detractor of 5), career 40%.
const current = term('new', '4 10 career, 5 9 skills, 4 9 skills, 3 8 career, 4 2 skills');

describe('survey comparison', () => {
  it('gives this term against the previous one as deltas of the mean, the NPS and each option’s share', () => {
    expect(compareSurveyAggregates(aggregateSurvey(questions, current), aggregateSurvey(questions, previous))).toEqual({
      status: 'shown',
      respondents: { current: 5, previous: 5, delta: 0 },
      questions: [
        { questionId: 'q-useful', kind: 'scale', status: 'shown', current: 4, previous: 3, delta: 1 },
        { questionId: 'q-nps', kind: 'nps', status: 'shown', current: 40, previous: -20, delta: 60 },
        {
          questionId: 'q-topic',
          kind: 'single-choice',
          status: 'shown',
          options: [
            { optionId: 'career', label: 'Career', current: 40, previous: 60, delta: -20 },
            { optionId: 'skills', label: 'Skills', current: 60, previous: 40, delta: 20 },
          ],
        },
        {
          questionId: 'q-gains',
          kind: 'multiple-choice',
          status: 'hidden',
          note: 'hidden: n < 5',
          hiddenSides: ['current', 'previous'],
        },
        { questionId: 'q-why', kind: 'long-text', status: 'not-comparable' },
      ],
    });
  });

  it('applies the threshold to each side: nothing is compared when either side is hidden', () => {
    const small = aggregateSurvey(questions, previous.slice(0, 4));
    expect(compareSurveyAggregates(aggregateSurvey(questions, current), small)).toEqual({
      status: 'hidden',
      note: 'hidden: n < 5',
      hiddenSides: ['previous'],
    });
    expect(compareSurveyAggregates(small, small)).toMatchObject({ hiddenSides: ['current', 'previous'] });
  });

  it('hides a question hidden on either side, and says which', () => {
    const withoutTopic = previous.map((r, i) =>
      i === 0 ? { ...r, answers: r.answers.filter((a) => a.questionId !== 'q-topic') } : r,
    );
    const comparison = compareSurveyAggregates(
      aggregateSurvey(questions, current),
      aggregateSurvey(questions, withoutTopic),
    );
    expect(comparison.status === 'shown' && comparison.questions[2]).toEqual({
      questionId: 'q-topic',
      kind: 'single-choice',
      status: 'hidden',
      note: 'hidden: n < 5',
      hiddenSides: ['previous'],
    });
  });

  it('matches questions by id across versions; a new question or a changed option has no counterpart', () => {
    const [useful, nps, topic] = questions as [SurveyQuestion, SurveyQuestion, SurveyQuestion];
    const newVersion: SurveyQuestion[] = [
      useful,
      { ...nps, questionId: 'q-nps-2' },
      {
        ...topic,
        kind: 'single-choice',
        options: [
          { optionId: 'career', label: 'Career' },
          { optionId: 'wellbeing', label: 'Wellbeing' },
        ],
      } as SurveyQuestion,
    ];
    const renamed = current.map((r) => ({
      ...r,
      answers: r.answers.map((a) => (a.questionId === 'q-nps' ? { ...a, questionId: 'q-nps-2' } : a)),
    }));
    const comparison = compareSurveyAggregates(
      aggregateSurvey(newVersion, renamed),
      aggregateSurvey(questions, previous),
    );
    if (comparison.status !== 'shown') throw new Error('expected figures');
    expect(comparison.questions[1]).toEqual({ questionId: 'q-nps-2', kind: 'nps', status: 'not-comparable' });
    expect(comparison.questions[2]).toMatchObject({
      options: [
        { optionId: 'career', current: 40, previous: 60, delta: -20 },
        { optionId: 'wellbeing', current: 0, previous: null, delta: null },
        { optionId: 'skills', current: null, previous: 40, delta: null },
      ],
    });
  });
});
