import { isExcluded, scorePair } from './scoring';
import { defaultRules, type MatchingQuestion, type MenteeProfile, type MentorProfile } from './types';

const mentor = (answers: Record<string, string>): MentorProfile => ({
  id: 'mentor-a',
  languages: ['en'],
  timezone: 'Europe/London',
  availability: [],
  offers: [],
  capacity: 1,
  answers,
});
const mentee = (answers: Record<string, string>): MenteeProfile => ({
  id: 'mentee-a',
  languages: ['en'],
  timezone: 'Europe/London',
  availability: [],
  seeks: [],
  answers,
});

function questionnaire(
  questions: MatchingQuestion[],
  mentorAnswers: Record<string, string>,
  menteeAnswers: Record<string, string>,
) {
  const result = scorePair(mentor(mentorAnswers), mentee(menteeAnswers), defaultRules({ questions }));
  if (isExcluded(result)) throw new Error(`excluded: ${result.excluded}`);
  return result.factors.find((f) => f.name === 'questionnaire')!;
}

const single: MatchingQuestion = { questionId: 'pace', kind: 'single-choice', weight: 1, mode: 'similar' };
const multi: MatchingQuestion = { questionId: 'topics', kind: 'multiple-choice', weight: 1, mode: 'similar' };
const scale: MatchingQuestion = {
  questionId: 'energy',
  kind: 'scale',
  weight: 1,
  mode: 'similar',
  scaleMin: 1,
  scaleMax: 5,
};

describe('the questionnaire factor', () => {
  it('scores a single choice 1 when both chose the same option and 0 otherwise', () => {
    expect(questionnaire([single], { pace: 'fast' }, { pace: 'fast' }).value).toBe(1);
    expect(questionnaire([single], { pace: 'fast' }, { pace: 'slow' }).value).toBe(0);
  });

  it('scores multiple choices by their overlap: shared options over all options either chose', () => {
    expect(questionnaire([multi], { topics: 'a|b|c' }, { topics: 'b|c|d' }).value).toBeCloseTo(2 / 4, 10);
    expect(questionnaire([multi], { topics: 'a|b' }, { topics: 'b|a' }).value).toBe(1);
    expect(questionnaire([multi], { topics: 'a' }, { topics: 'b' }).value).toBe(0);
  });

  it('scores a scale by the distance of the two values over the range', () => {
    expect(questionnaire([scale], { energy: '2' }, { energy: '2' }).value).toBe(1);
    expect(questionnaire([scale], { energy: '1' }, { energy: '4' }).value).toBeCloseTo(1 - 3 / 4, 10);
    expect(questionnaire([scale], { energy: '1' }, { energy: '5' }).value).toBe(0);
    expect(
      questionnaire([{ ...scale, scaleMin: 0, scaleMax: 10 }], { energy: '3' }, { energy: '5' }).value,
    ).toBeCloseTo(0.8, 10);
  });

  it('turns the fit around for a complementary question', () => {
    const complementary = { ...scale, mode: 'complementary' as const };
    expect(questionnaire([complementary], { energy: '1' }, { energy: '5' }).value).toBe(1);
    expect(questionnaire([complementary], { energy: '3' }, { energy: '3' }).value).toBe(0);
    const opposites = { ...single, mode: 'complementary' as const };
    expect(questionnaire([opposites], { pace: 'fast' }, { pace: 'slow' }).value).toBe(1);
  });

  it('weighs each question by its own weight and skips questions either side left open', () => {
    const heavy = { ...single, weight: 3 };
    const answersA = { pace: 'fast', energy: '1' };
    const answersB = { pace: 'fast', energy: '5' };
    // pace agrees (fit 1, weight 3), energy is as far apart as it gets (fit 0, weight 1).
    expect(questionnaire([heavy, scale], answersA, answersB).value).toBeCloseTo(3 / 4, 10);
    expect(questionnaire([single, { ...scale, weight: 3 }], answersA, answersB).value).toBeCloseTo(1 / 4, 10);
    expect(questionnaire([heavy, scale], { pace: 'fast' }, answersB).value).toBe(1);
    expect(questionnaire([single, scale], {}, answersB).value).toBe(0);
  });

  it('leaves out questions of weight 0 and answers to questions it is not given', () => {
    expect(
      questionnaire([{ ...single, weight: 0 }, scale], { pace: 'a', energy: '3' }, { pace: 'b', energy: '3' }).value,
    ).toBe(1);
    expect(questionnaire([scale], { pace: 'a' }, { pace: 'a' }).value).toBe(0);
  });

  it('enters the score with the questionnaire weight, so a better fit raises the score', () => {
    const rules = defaultRules({ questions: [single] });
    const alike = scorePair(mentor({ pace: 'fast' }), mentee({ pace: 'fast' }), rules);
    const apart = scorePair(mentor({ pace: 'fast' }), mentee({ pace: 'slow' }), rules);
    if (isExcluded(alike) || isExcluded(apart)) throw new Error('excluded');
    const contribution = alike.factors.find((f) => f.name === 'questionnaire')!.contribution;
    expect(contribution).toBeGreaterThan(0);
    expect(alike.score - apart.score).toBeCloseTo(contribution, 5);
  });
});
