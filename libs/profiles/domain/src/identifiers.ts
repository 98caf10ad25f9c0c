import { createHash } from 'node:crypto';

/** Stream names of the profiles aggregates (ARCHITECTURE §4). */
export const programStreamId = (programId: string): string => `program-${programId}`;
export const participantStreamId = (participantId: string): string => `participant-${participantId}`;
export const organizationStreamId = (organizationId: string): string => `organization-${organizationId}`;

/**
 * One participant per person and program, so enrolling twice lands on the same stream and the event store's
 * "stream must not exist" check turns a race between two enrollments into one success and one CONFLICT.
 */
export function participantIdFor(programId: string, personId: string): string {
  const hex = createHash('sha256').update(`participant:${programId}:${personId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
