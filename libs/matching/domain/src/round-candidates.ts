import type { ComputedPair } from './matching-round.decider';

/**
 * Who a matching round may still pair: the program's pool minus what earlier rounds, requests and the manager's
 * locks already settled. The app loads the rows; these rules decide which of them the engine sees.
 */

/** A mentorship the program already has, ended ones included (they still count as history). */
export interface ExistingMentorship {
  mentorPersonId: string;
  menteePersonId: string;
  status: string;
}

export interface MentorSeats {
  personId: string;
  mentorCapacity: number;
}

export interface MenteeCandidate {
  personId: string;
  cohortId: string | null;
}

type PairOf = Pick<ComputedPair, 'mentorPersonId' | 'menteePersonId'>;

const isActive = (mentorship: ExistingMentorship): boolean => mentorship.status !== 'ended';

/**
 * The seats each mentor has left for this round: capacity minus active mentorships minus the pairs the manager locked.
 * Mentors without a seat left are not offered to the engine at all.
 */
export function remainingCapacity<Mentor extends MentorSeats>(
  mentors: readonly Mentor[],
  mentorships: readonly ExistingMentorship[],
  locked: readonly PairOf[],
): { mentor: Mentor; capacity: number }[] {
  const load = new Map<string, number>();
  for (const taken of [...mentorships.filter(isActive), ...locked]) {
    load.set(taken.mentorPersonId, (load.get(taken.mentorPersonId) ?? 0) + 1);
  }
  return mentors
    .map((mentor) => ({ mentor, capacity: Math.max(0, mentor.mentorCapacity - (load.get(mentor.personId) ?? 0)) }))
    .filter((seats) => seats.capacity > 0);
}

/**
 * Mentees the engine may pair: not in an active mentorship, not already locked to a mentor in this round, and in the
 * round's cohort when it has one.
 */
export function eligibleMentees<Mentee extends MenteeCandidate>(
  mentees: readonly Mentee[],
  mentorships: readonly ExistingMentorship[],
  locked: readonly PairOf[],
  cohortId: string | null,
): Mentee[] {
  const settled = new Set([
    ...mentorships.filter(isActive).map((m) => m.menteePersonId),
    ...locked.map((l) => l.menteePersonId),
  ]);
  return mentees.filter((m) => !settled.has(m.personId) && (cohortId === null || m.cohortId === cohortId));
}

/** Each mentee's mentors so far, ended mentorships included, so the engine can prefer someone new. */
export function previousMentors(mentorships: readonly ExistingMentorship[]): Map<string, string[]> {
  return mentorsByMentee(mentorships);
}

/** The mentors each mentee must not get in this round: the pairs the manager removed. */
export function blockedPairs(excluded: readonly PairOf[]): Map<string, string[]> {
  return mentorsByMentee(excluded);
}

function mentorsByMentee(pairs: readonly PairOf[]): Map<string, string[]> {
  const mentors = new Map<string, string[]>();
  for (const p of pairs) mentors.set(p.menteePersonId, [...(mentors.get(p.menteePersonId) ?? []), p.mentorPersonId]);
  return mentors;
}
