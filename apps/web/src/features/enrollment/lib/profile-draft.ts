import type { AnswerInput, ProfileInput, QuestionKind } from '../../../gql/graphql';
import { type AnswerDraft, emptyAnswer } from '../../../lib/answer-draft';
import { detectedTimeZone } from '../../../lib/detected-time-zone';

export type EnrollRole = 'MENTEE' | 'MENTOR';

/** The join form's values: what the person types, before it becomes the API's ProfileInput. */
export interface ProfileDraft {
  role: EnrollRole;
  displayName: string;
  email: string;
  headline: string;
  bio: string;
  languages: string[];
  timezone: string;
  skillsSought: string[];
  skillsOffered: string[];
  formats: string[];
  answers: Record<string, AnswerDraft>;
}

export interface QuestionShape {
  questionId: string;
  kind: QuestionKind;
}

export function initialDraft(
  person: { name: string; email?: string | undefined },
  language: string,
  questions: readonly QuestionShape[],
): ProfileDraft {
  return {
    role: 'MENTEE',
    displayName: person.name,
    email: person.email ?? '',
    headline: '',
    bio: '',
    languages: [language.slice(0, 2).toLowerCase()],
    timezone: detectedTimeZone(),
    skillsSought: [],
    skillsOffered: [],
    formats: ['VIRTUAL'],
    answers: Object.fromEntries(questions.map((q) => [q.questionId, emptyAnswer()])),
  };
}

// A mentor's offered skill gets a middle level from the join form; the profile page refines it.
const DEFAULT_SKILL_LEVEL = 3;

function toAnswer(question: QuestionShape, draft: AnswerDraft | undefined): AnswerInput | null {
  if (!draft) return null;
  switch (question.kind) {
    case 'SINGLE_CHOICE':
    case 'MULTIPLE_CHOICE':
      return draft.optionIds.length ? { questionId: question.questionId, optionIds: draft.optionIds } : null;
    case 'SCALE':
      return draft.value === null ? null : { questionId: question.questionId, value: draft.value };
    case 'SHORT_TEXT':
      return draft.text.trim() ? { questionId: question.questionId, text: draft.text.trim() } : null;
  }
}

const trimmed = (values: readonly string[]) => values.map((v) => v.trim()).filter((v) => v !== '');

/** The API's profile from the form: blanks left out, unanswered questions not sent, skills by role. */
export function toProfileInput(draft: ProfileDraft, questions: readonly QuestionShape[]): ProfileInput {
  const answers = questions
    .map((q) => toAnswer(q, draft.answers[q.questionId]))
    .filter((a): a is AnswerInput => a !== null);
  return {
    displayName: draft.displayName.trim(),
    email: draft.email.trim(),
    ...(draft.headline.trim() && { headline: draft.headline.trim() }),
    ...(draft.bio.trim() && { bio: draft.bio.trim() }),
    languages: draft.languages,
    timezone: draft.timezone,
    formats: draft.formats as ProfileInput['formats'],
    ...(draft.role === 'MENTEE'
      ? { skillsSought: trimmed(draft.skillsSought) }
      : { skillsOffered: trimmed(draft.skillsOffered).map((skill) => ({ skill, level: DEFAULT_SKILL_LEVEL })) }),
    answers,
  };
}

/**
 * The form field an API refusal concerns: the API names profile fields as ProfileInput does (`languages`,
 * `answers.<questionId>`, `availability[2]`); anything it names that the form does not show lands on the form.
 */
export function formFieldOfApiField(field: string | undefined, shown: ReadonlySet<string>): string | null {
  if (!field) return null;
  const base = field.replace(/\[\d+\]$/, '');
  if (base.startsWith('answers.')) return shown.has(base) ? base : null;
  const mapped = base === 'skillsOffered' || base === 'skillsSought' ? base : (base.split('.')[0] ?? base);
  return shown.has(mapped) ? mapped : null;
}
