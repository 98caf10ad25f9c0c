import { describe, expect, it } from 'vitest';
import type { SurveyQuestion_FieldsFragment } from '../../../gql/graphql';
import { changeRows } from './term-change-rows';

const question = (
  questionId: string,
  number: number,
  kind: SurveyQuestion_FieldsFragment['kind'],
  prompt: string,
): SurveyQuestion_FieldsFragment => ({
  questionId,
  number,
  kind,
  prompt,
  required: true,
  options: [],
  lowLabel: null,
  highLabel: null,
});
const none = { hiddenSides: [], current: null, previous: null, delta: null, options: null };

describe('the lines of a term comparison', () => {
  const questions = [
    question('recommend', 1, 'NPS', 'Would you recommend it?'),
    question('format', 2, 'SINGLE_CHOICE', 'Which format helped most?'),
    question('better', 3, 'SHORT_TEXT', 'What would make it better?'),
    question('useful', 4, 'SCALE', 'How useful was it?'),
  ];

  it('shows a figure per scale and NPS question and a share per option, in the survey’s order, without free text', () => {
    const rows = changeRows(questions, [
      { ...none, questionId: 'useful', status: 'HIDDEN', hiddenSides: ['PREVIOUS'] },
      { ...none, questionId: 'better', status: 'NOT_COMPARABLE' },
      {
        ...none,
        questionId: 'format',
        status: 'SHOWN',
        options: [
          { optionId: 'video', label: 'Video calls', current: 20, previous: 60, delta: -40 },
          { optionId: 'walk', label: 'Walking meetings', current: 80, previous: null, delta: null },
        ],
      },
      { ...none, questionId: 'recommend', status: 'SHOWN', current: 40, previous: 0, delta: 40 },
    ]);
    expect(rows.map((r) => [r.label, r.unit, r.status, r.current, r.previous, r.delta])).toEqual([
      ['1. Would you recommend it?', 'nps', 'SHOWN', 40, 0, 40],
      ['2. Which format helped most? — Video calls', 'percent', 'SHOWN', 20, 60, -40],
      ['2. Which format helped most? — Walking meetings', 'percent', 'SHOWN', 80, null, null],
      ['4. How useful was it?', 'mean', 'HIDDEN', null, null, null],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('leaves out a question the comparison does not know (added after the figures were asked for)', () => {
    expect(changeRows(questions, [])).toEqual([]);
  });
});
