import { describe, expect, it } from 'vitest';
import { moved, newQuestionDraft, questionInput } from './question-draft';
import { scheduleDraftOf, scheduleInput } from './schedule-draft';

describe('questionInput', () => {
  it('sends options only for a choice, without empty rows', () => {
    const draft = { ...newQuestionDraft('SINGLE_CHOICE'), prompt: ' Which? ' };
    draft.options = [
      { optionId: 'a', label: ' Yes ' },
      { optionId: 'b', label: '' },
      { optionId: 'c', label: 'No' },
    ];
    expect(questionInput(draft)).toEqual({
      questionId: draft.questionId,
      kind: 'SINGLE_CHOICE',
      prompt: 'Which?',
      required: true,
      options: [
        { optionId: 'a', label: 'Yes' },
        { optionId: 'c', label: 'No' },
      ],
    });
  });

  it('sends end labels only for a scale, and neither for another kind kept from an earlier choice', () => {
    const scale = { ...newQuestionDraft('SCALE'), prompt: 'How?', lowLabel: 'Poor', highLabel: 'Great' };
    expect(questionInput(scale)).toMatchObject({ lowLabel: 'Poor', highLabel: 'Great' });
    expect(questionInput(scale)).not.toHaveProperty('options');
    const nps = questionInput({ ...scale, kind: 'NPS' });
    expect(nps).not.toHaveProperty('options');
    expect(nps).not.toHaveProperty('lowLabel');
  });
});

describe('moved', () => {
  it('swaps with the neighbour and stays put at either end', () => {
    expect(moved(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
    expect(moved(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moved(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('scheduleInput', () => {
  it('sends only the fields of the chosen trigger, the opening in UTC', () => {
    const draft = scheduleDraftOf(null, 'Europe/Berlin');
    expect(scheduleInput(draft, 'Europe/Berlin')).toEqual({
      trigger: 'AFTER_MENTORSHIP_START',
      weeks: 4,
      audience: 'BOTH',
      openDays: 14,
      reminderDaysBeforeClose: 3,
    });
    expect(
      scheduleInput(
        { ...draft, trigger: 'ON_DATE', opensAt: '2027-03-01T09:00', cohortId: 'c1', reminderDaysBeforeClose: '' },
        'Europe/Berlin',
      ),
    ).toEqual({
      trigger: 'ON_DATE',
      opensAt: '2027-03-01T08:00:00.000Z',
      cohortId: 'c1',
      audience: 'BOTH',
      openDays: 14,
      reminderDaysBeforeClose: null,
    });
  });

  it('reads a saved schedule back as the form shows it', () => {
    const draft = scheduleDraftOf(
      { trigger: 'ON_DATE', opensAt: '2027-03-01T08:00:00.000Z', audience: 'MENTEES', openDays: 7 },
      'Europe/Berlin',
    );
    expect(draft).toMatchObject({ opensAt: '2027-03-01T09:00', audience: 'MENTEES', reminderDaysBeforeClose: '' });
  });
});
