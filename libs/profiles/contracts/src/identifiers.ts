import { createHash } from 'node:crypto';

/** Stream names of the profiles aggregates (docs/architecture.md §3); consumers key their rows by them. */
export const programStreamId = (programId: string): string => `program-${programId}`;
export const participantStreamId = (participantId: string): string => `participant-${participantId}`;

/**
 * One participant per person and program, so enrolling twice lands on the same stream (the event store turns a
 * race between two enrollments into one success and one CONFLICT), and any service can find a person's
 * participant row by id without a query.
 */
export function participantIdFor(programId: string, personId: string): string {
  const hex = createHash('sha256').update(`participant:${programId}:${personId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
