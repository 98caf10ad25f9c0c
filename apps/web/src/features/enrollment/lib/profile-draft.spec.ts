import { describe, expect, it } from 'vitest';
import { formFieldOfApiField, initialDraft, type QuestionShape, toProfileInput } from './profile-draft';

const questions: QuestionShape[] = [
  { questionId: 'focus', kind: 'SINGLE_CHOICE' },
  { questionId: 'pace', kind: 'SCALE' },
  { questionId: 'hope', kind: 'SHORT_TEXT' },
];

describe('the join form as the API profile', () => {
  it('starts from the person’s name, language and the browser’s time zone, with every question unanswered', () => {
    const draft = initialDraft({ name: 'Amara Okafor', email: 'amara@example.org' }, 'de-DE', questions);
    expect(draft.displayName).toBe('Amara Okafor');
    expect(draft.email).toBe('amara@example.org');
    expect(draft.languages).toEqual(['de']);
    expect(draft.timezone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(Object.keys(draft.answers)).toEqual(['focus', 'pace', 'hope']);
  });

  it('sends only the answered questions, each in the part its kind takes', () => {
    const draft = initialDraft({ name: 'Amara' }, 'en', questions);
    draft.answers['focus'] = { optionIds: ['career'], value: null, text: 'ignored' };
    draft.answers['pace'] = { optionIds: [], value: 4, text: '' };
    expect(toProfileInput(draft, questions).answers).toEqual([
      { questionId: 'focus', optionIds: ['career'] },
      { questionId: 'pace', value: 4 },
    ]);
  });

  it('gives a mentee sought skills and a mentor offered skills, blanks left out', () => {
    const draft = {
      ...initialDraft({ name: 'Amara' }, 'en', []),
      skillsSought: [' Public speaking ', ''],
      skillsOffered: ['SQL'],
    };
    expect(toProfileInput(draft, [])).toMatchObject({ skillsSought: ['Public speaking'] });
    expect(toProfileInput(draft, [])).not.toHaveProperty('skillsOffered');
    const mentor = toProfileInput({ ...draft, role: 'MENTOR' }, []);
    expect(mentor.skillsOffered).toEqual([{ skill: 'SQL', level: 3 }]);
    expect(mentor).not.toHaveProperty('skillsSought');
  });

  it('leaves out an empty headline and bio rather than sending blanks', () => {
    const input = toProfileInput({ ...initialDraft({ name: 'Amara' }, 'en', []), headline: '  ', bio: '' }, []);
    expect(input).not.toHaveProperty('headline');
    expect(input).not.toHaveProperty('bio');
  });
});

describe('which field an API refusal belongs to', () => {
  const shown = new Set(['languages', 'timezone', 'skillsSought', 'answers.focus']);
  it('names the field the API names, also for one entry of a list and for a question', () => {
    expect(formFieldOfApiField('languages', shown)).toBe('languages');
    expect(formFieldOfApiField('skillsSought[1]', shown)).toBe('skillsSought');
    expect(formFieldOfApiField('answers.focus', shown)).toBe('answers.focus');
  });
  it('answers null for a field the form does not show, so the message goes on the form itself', () => {
    expect(formFieldOfApiField('demographics', shown)).toBeNull();
    expect(formFieldOfApiField('answers.other', shown)).toBeNull();
    expect(formFieldOfApiField(undefined, shown)).toBeNull();
  });
});
