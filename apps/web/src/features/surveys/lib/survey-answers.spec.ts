import { describe, expect, it } from 'vitest';
import { type AnswerableQuestion, answerProblem, answerProblems, answersInput } from './survey-answers';

const q = (kind: AnswerableQuestion['kind'], required = true, id = kind): AnswerableQuestion => ({
  questionId: id,
  number: 1,
  kind,
  required,
  options: kind.endsWith('CHOICE') ? [{ optionId: 'a' }, { optionId: 'b' }, { optionId: 'c' }] : [],
});

describe('answerProblem', () => {
  it('asks for a required answer of every kind and lets an optional one stay blank', () => {
    for (const kind of ['SCALE', 'NPS', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SHORT_TEXT', 'LONG_TEXT'] as const) {
      expect(answerProblem(q(kind), undefined)).toEqual({ kind: 'required' });
      expect(answerProblem(q(kind, false), undefined)).toBeUndefined();
    }
    expect(answerProblem(q('SHORT_TEXT'), { text: '   ' })).toEqual({ kind: 'required' });
    expect(answerProblem(q('MULTIPLE_CHOICE'), { optionIds: [] })).toEqual({ kind: 'required' });
  });

  it('keeps a scale within 1–5 and a score within 0–10, whole numbers only', () => {
    expect(answerProblem(q('SCALE'), { value: 0 })).toEqual({ kind: 'range', min: 1, max: 5 });
    expect(answerProblem(q('SCALE'), { value: 5 })).toBeUndefined();
    expect(answerProblem(q('NPS'), { value: 0 })).toBeUndefined();
    expect(answerProblem(q('NPS'), { value: 11 })).toEqual({ kind: 'range', min: 0, max: 10 });
    expect(answerProblem(q('NPS'), { value: 2.5 })).toEqual({ kind: 'range', min: 0, max: 10 });
  });

  it('takes one option for a single choice and any number for a multiple choice', () => {
    expect(answerProblem(q('SINGLE_CHOICE'), { optionIds: ['a', 'b'] })).toEqual({ kind: 'chooseOne' });
    expect(answerProblem(q('SINGLE_CHOICE'), { optionIds: ['a'] })).toBeUndefined();
    expect(answerProblem(q('MULTIPLE_CHOICE'), { optionIds: ['a', 'b'] })).toBeUndefined();
  });

  it('refuses words longer than the API keeps', () => {
    expect(answerProblem(q('SHORT_TEXT'), { text: 'x'.repeat(301) })).toEqual({ kind: 'tooLong', max: 300 });
    expect(answerProblem(q('SHORT_TEXT'), { text: `  ${'x'.repeat(300)}  ` })).toBeUndefined();
    expect(answerProblem(q('LONG_TEXT'), { text: 'x'.repeat(4001) })).toEqual({ kind: 'tooLong', max: 4000 });
  });
});

describe('answerProblems', () => {
  it('lists the problem of each question by its id', () => {
    const problems = answerProblems([q('SCALE'), q('LONG_TEXT', false), q('NPS')], { NPS: { value: 9 } });
    expect([...problems]).toEqual([['SCALE', { kind: 'required' }]]);
  });
});

describe('answersInput', () => {
  it('sends only the field of each kind, options in the survey order, words trimmed, blanks left out', () => {
    const questions = [q('SCALE'), q('MULTIPLE_CHOICE'), q('SHORT_TEXT'), q('LONG_TEXT', false), q('NPS', false)];
    expect(
      answersInput(questions, {
        SCALE: { value: 4, text: 'stray' },
        MULTIPLE_CHOICE: { optionIds: ['c', 'a'] },
        SHORT_TEXT: { text: '  fine  ' },
        LONG_TEXT: { text: '  ' },
      }),
    ).toEqual([
      { questionId: 'SCALE', value: 4 },
      { questionId: 'MULTIPLE_CHOICE', optionIds: ['a', 'c'] },
      { questionId: 'SHORT_TEXT', text: 'fine' },
    ]);
  });
});
