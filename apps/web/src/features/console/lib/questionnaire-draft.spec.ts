import { describe, expect, it } from 'vitest';
import {
  draftsOf,
  moved,
  newQuestion,
  questionProblems,
  refusedQuestion,
  toQuestionInputs,
  withKind,
  withNewOption,
} from './questionnaire-draft';

const saved = draftsOf([
  {
    questionId: 'q1',
    kind: 'SINGLE_CHOICE',
    text: 'Your focus?',
    options: [
      { optionId: 'o1', label: 'Career' },
      { optionId: 'o2', label: 'Craft' },
    ],
    usedForMatching: true,
    weight: 2,
  },
  {
    questionId: 'q3',
    kind: 'SCALE',
    text: 'How senior?',
    options: [],
    scaleMin: 1,
    scaleMax: 7,
    usedForMatching: true,
    weight: 1,
  },
]);

describe('questionnaire builder drafts', () => {
  it('gives a new question an id no existing question has, so saved answers never point at the wrong question', () => {
    expect(newQuestion('SHORT_TEXT', saved).questionId).toBe('q2');
    expect(newQuestion('SHORT_TEXT', [...saved, newQuestion('SHORT_TEXT', saved)]).questionId).toBe('q4');
    expect(withNewOption(saved[0]!).options.map((o) => o.optionId)).toEqual(['o1', 'o2', 'o3']);
  });

  it('starts choice questions with two empty options and never uses free text for matching', () => {
    expect(newQuestion('MULTIPLE_CHOICE', []).options).toHaveLength(2);
    expect(newQuestion('SHORT_TEXT', []).usedForMatching).toBe(false);
    const asText = withKind(saved[0]!, 'SHORT_TEXT');
    expect({ options: asText.options, usedForMatching: asText.usedForMatching }).toEqual({
      options: [],
      usedForMatching: false,
    });
    expect(withKind(saved[0]!, 'MULTIPLE_CHOICE').options).toEqual(saved[0]!.options);
  });

  it('moves a question up or down and leaves the list as it was at either end', () => {
    expect(moved(saved, 1, -1).map((q) => q.questionId)).toEqual(['q3', 'q1']);
    expect(moved(saved, 0, -1).map((q) => q.questionId)).toEqual(['q1', 'q3']);
    expect(moved(saved, 1, 1).map((q) => q.questionId)).toEqual(['q1', 'q3']);
  });

  it('sends trimmed words, scale bounds only for scales and no options for free text', () => {
    const text = { ...newQuestion('SHORT_TEXT', saved), text: '  Anything else?  ' };
    const inputs = toQuestionInputs([...saved, text]);
    expect(inputs[1]).toMatchObject({ kind: 'SCALE', scaleMin: 1, scaleMax: 7, options: [] });
    expect(inputs[0]).not.toHaveProperty('scaleMin');
    expect(inputs[2]).toEqual({
      questionId: 'q2',
      kind: 'SHORT_TEXT',
      text: 'Anything else?',
      options: [],
      usedForMatching: false,
      weight: 1,
    });
  });

  it('names the field of a question a person has to fix', () => {
    expect(questionProblems(saved[0]!)).toEqual({});
    expect(questionProblems(newQuestion('SINGLE_CHOICE', []))).toEqual({ text: 'textLength', options: 'optionLabel' });
    expect(questionProblems({ ...saved[1]!, scaleMin: 5, scaleMax: 5, weight: 11 })).toEqual({
      scale: 'scaleRange',
      weight: 'weightRange',
    });
    expect(questionProblems({ ...saved[0]!, options: saved[0]!.options.slice(0, 1) }).options).toBe('optionsCount');
  });

  it('finds the question and field an API refusal names', () => {
    expect(refusedQuestion('questions[2].options')).toEqual({ index: 2, field: 'options' });
    expect(refusedQuestion('questions[0]')).toEqual({ index: 0, field: null });
    expect(refusedQuestion('questions')).toBeNull();
    expect(refusedQuestion(undefined)).toBeNull();
  });
});
