import type { DescribedError } from '../../../lib/graphql-errors';

/** The engine's own floor: a circle of one is a one-on-one mentorship. */
export const MIN_CIRCLE_SIZE = 2;

export interface CircleDraft {
  mentorPersonId: string | null;
  maxSize: number | string;
  selfJoin: boolean;
}

export type CircleField = 'mentor' | 'maxSize';

export type CircleDraftProblem =
  | { field: 'mentor'; key: 'console.circles.create.mentorRequired' }
  | { field: 'maxSize'; key: 'console.circles.create.sizeRange'; min: number; max: number };

export const emptyCircleDraft = (limit: number): CircleDraft => ({
  mentorPersonId: null,
  maxSize: Math.max(MIN_CIRCLE_SIZE, limit),
  selfJoin: true,
});

/** What keeps the draft from being sent: no lead, or a size outside 2 to the program's circle size. */
export function circleDraftProblems(draft: CircleDraft, limit: number): CircleDraftProblem[] {
  const problems: CircleDraftProblem[] = [];
  if (!draft.mentorPersonId) problems.push({ field: 'mentor', key: 'console.circles.create.mentorRequired' });
  const size = Number(draft.maxSize);
  const max = Math.max(MIN_CIRCLE_SIZE, limit);
  if (draft.maxSize === '' || !Number.isInteger(size) || size < MIN_CIRCLE_SIZE || size > max)
    problems.push({ field: 'maxSize', key: 'console.circles.create.sizeRange', min: MIN_CIRCLE_SIZE, max });
  return problems;
}

/**
 * The field a refusal of createCircle concerns. The API names no field: its only refused input is the size (too big
 * for the program, or outside what a circle holds); a lead it does not know, or one paused or gone, is the mentor's.
 */
export function circleRefusalField(failure: DescribedError | null): CircleField | undefined {
  if (!failure?.detail) return undefined;
  if (failure.kind === 'badUserInput') return 'maxSize';
  if (failure.kind === 'conflict' && /mentor/i.test(failure.detail)) return 'mentor';
  return undefined;
}
