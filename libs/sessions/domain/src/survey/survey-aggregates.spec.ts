import { sealed } from '../testing/sealed.fixture';
import {
  aggregateSurvey,
  aggregateSurveyByCohort,
  orderFreeTexts,
  type SurveyAggregate,
  type SurveyResponseRecord,
} from './survey-aggregates';
import type { SurveyAnswer } from './survey-response.decider';
import { responseOf as response, surveyQuestions as questions } from '../testing/survey.fixture';

const gains = (...optionIds: string[]): SurveyAnswer => ({ questionId: 'q-gains', kind: 'multiple-choice', optionIds });
const why = (label: string): SurveyAnswer => ({ questionId: 'q-why', kind: 'long-text', text: sealed(label) });

const five = [
  response('p1', 5, 10, [gains('network', 'clarity'), why('e')]),
  response('p2', 4, 9, [gains('network'), why('a')]),
  response('p3', 4, 8, [gains('clarity'), why('c')]),
  response('p4', 3, 6, [gains('network'), why('b')]),
  response('p5', 2, 0, [gains('network'), why('d')]),
];

const shown = (aggregate: SurveyAggregate) => {
  if (aggregate.status !== 'shown') throw new Error(`expected figures, got ${aggregate.note}`);
  return aggregate;
};
const question = (aggregate: SurveyAggregate, questionId: string) =>
  shown(aggregate).questions.find((q) => q.questionId === questionId);

describe('survey aggregates', () => {
  it('shows nothing for 4 people and everything for 5 (the default threshold)', () => {
    expect(aggregateSurvey(questions, five.slice(0, 4))).toEqual({
      status: 'hidden',
      note: 'hidden: n < 5',
      minRespondents: 5,
    });
    expect(shown(aggregateSurvey(questions, five)).respondents).toBe(5);
  });

  it('follows the program’s own threshold', () => {
    expect(aggregateSurvey(questions, five, { minRespondents: 6 })).toMatchObject({ note: 'hidden: n < 6' });
    expect(shown(aggregateSurvey(questions, five.slice(0, 3), { minRespondents: 3 })).respondents).toBe(3);
    expect(() => aggregateSurvey(questions, five, { minRespondents: 0 })).toThrow(/whole number from 1/);
  });

  it('counts people, not responses: one person answering for several mentorships counts once', () => {
    const onePersonTwice = [...five.slice(0, 4), response('p1', 1, 1)];
    expect(aggregateSurvey(questions, onePersonTwice).status).toBe('hidden');
  });

  it('gives the distribution and the mean of a scale', () => {
    expect(question(aggregateSurvey(questions, five), 'q-useful')).toEqual({
      questionId: 'q-useful',
      kind: 'scale',
      status: 'shown',
      answered: 5,
      distribution: [
        { value: 1, count: 0 },
        { value: 2, count: 1 },
        { value: 3, count: 1 },
        { value: 4, count: 2 },
        { value: 5, count: 1 },
      ],
      mean: 3.6,
    });
  });

  it('scores NPS as percent promoters (9–10) minus percent detractors (0–6)', () => {
    const nps = question(aggregateSurvey(questions, five), 'q-nps');
    expect(nps).toMatchObject({ promoters: 2, passives: 1, detractors: 2, score: 0, answered: 5 });
    const scores = (values: number[]) =>
      question(
        aggregateSurvey(
          questions,
          values.map((v, i) => response(`p${i}`, 3, v)),
        ),
        'q-nps',
      );
    // 3 promoters, 1 passive, 2 detractors of 6: 50% − 33.3% = 16.7.
    expect(scores([10, 9, 9, 7, 6, 0])).toMatchObject({ score: 16.7 });
    expect(scores([10, 10, 9, 9, 9])).toMatchObject({ score: 100, detractors: 0 });
    expect(scores([0, 1, 2, 3, 6])).toMatchObject({ score: -100, promoters: 0 });
    expect(scores([7, 8, 7, 8, 7])).toMatchObject({ score: 0, passives: 5 });
  });

  it('counts each option of a choice question with its share of those who answered it', () => {
    expect(question(aggregateSurvey(questions, five), 'q-gains')).toMatchObject({
      answered: 5,
      options: [
        { optionId: 'network', label: 'Network', count: 4, percent: 80 },
        { optionId: 'confidence', label: 'Confidence', count: 0, percent: 0 },
        { optionId: 'clarity', label: 'Clarity', count: 2, percent: 40 },
      ],
    });
  });

  it('lists free text without names, in an order that is not the order of answering', () => {
    const texts = question(aggregateSurvey(questions, five), 'q-why');
    expect(texts).toEqual({
      questionId: 'q-why',
      kind: 'long-text',
      status: 'shown',
      answered: 5,
      texts: ['a', 'b', 'c', 'd', 'e'].map(sealed),
    });
    expect(JSON.stringify(texts)).not.toMatch(/p[1-5]/);
    expect(orderFreeTexts(['Thanks', 'a good fit', 'Better than expected', 'better than expected'])).toEqual([
      'a good fit',
      'Better than expected',
      'better than expected',
      'Thanks',
    ]);
  });

  it('hides a question fewer than the threshold answered, inside a group that is shown', () => {
    const fewWhy = five.map((r, i) =>
      i < 4 ? r : { ...r, answers: r.answers.filter((a) => a.questionId !== 'q-why') },
    );
    const withoutOne = fewWhy.map((r, i) => (i === 0 ? { ...r, answers: r.answers.slice(0, 2) } : r));
    expect(question(aggregateSurvey(questions, withoutOne), 'q-why')).toEqual({
      questionId: 'q-why',
      kind: 'long-text',
      status: 'hidden',
      note: 'hidden: n < 5',
    });
    expect(question(aggregateSurvey(questions, withoutOne), 'q-useful')).toMatchObject({ status: 'shown' });
  });

  it('leaves erased people out of every figure, which can turn a group hidden', () => {
    const erased = new Set(['p1']);
    expect(aggregateSurvey(questions, five, { erasedPersonIds: erased }).status).toBe('hidden');
    const six = [...five, response('p6', 1, 0)];
    const after = shown(aggregateSurvey(questions, six, { erasedPersonIds: erased }));
    expect(after.respondents).toBe(5);
    expect(question(after, 'q-nps')).toMatchObject({ promoters: 1, detractors: 3 });
  });

  it('gives the figures as of a date, like the program insights', () => {
    const later = [...five.slice(0, 4), { ...five[4]!, submittedAt: '2026-04-20T10:00:00.000Z' }];
    expect(aggregateSurvey(questions, later, { asOf: '2026-04-10T00:00:00Z' }).status).toBe('hidden');
    expect(aggregateSurvey(questions, later, { asOf: '2026-04-20T10:00:00Z' }).status).toBe('shown');
  });

  it('gives the same figures whatever order the responses come in, and the same when computed again', () => {
    const once = aggregateSurvey(questions, five);
    expect(aggregateSurvey(questions, [...five].reverse())).toEqual(once);
    expect(aggregateSurvey(questions, five)).toEqual(once);
  });

  it('ignores an answer whose kind no longer fits the question of that id', () => {
    const stale: SurveyAnswer = { questionId: 'q-nps', kind: 'scale', value: 3 };
    const mixed = five.map((r) => ({ ...r, answers: [...r.answers.filter((a) => a.questionId !== 'q-nps'), stale] }));
    expect(question(aggregateSurvey(questions, mixed), 'q-nps')).toMatchObject({ status: 'hidden' });
  });

  describe('by cohort', () => {
    /** Cohorts of the given sizes (and any other responses), as "cohort: shown|hidden" in the order listed. */
    const statuses = (sizes: Record<string, number>, others: SurveyResponseRecord[] = []) =>
      aggregateSurveyByCohort(questions, [
        ...Object.entries(sizes).flatMap(([id, count]) =>
          Array.from({ length: count }, (_, i) => response(`${id}-${i}`, 4, 9, [], id)),
        ),
        ...others,
      ]).map((g) => `${g.cohortId}: ${g.aggregate.status}`);

    it('applies the threshold to each cohort on its own', () => {
      expect(statuses({ spring: 5, autumn: 6, winter: 4, summer: 1 })).toEqual([
        'autumn: shown',
        'spring: shown',
        'summer: hidden',
        'winter: hidden',
      ]);
    });

    it('hides the smallest shown cohort too when only one is hidden, so no subtraction reveals it', () => {
      expect(statuses({ spring: 7, autumn: 5, winter: 2 })).toEqual([
        'autumn: hidden',
        'spring: shown',
        'winter: hidden',
      ]);
      expect(statuses({ spring: 7, autumn: 5 })).toEqual(['autumn: shown', 'spring: shown']);
    });

    it('puts people in no cohort in a group of their own, last', () => {
      expect(statuses({ spring: 5 }, five)).toEqual(['spring: shown', 'null: shown']);
    });
  });
});
