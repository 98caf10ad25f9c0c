import { DEFAULT_PROGRAM_SETTINGS } from '@trellis/profiles/domain';
import type { ProgramRow } from '../core/read-models';
import { initialsOf } from '../profiles/initials';
import type { ParticipantView } from '../profiles/profiles.service';
import type { MatchingFactorEnum, Participant, Program } from './profiles.types';

export function toProgram(row: ProgramRow): Program {
  return {
    id: row.programId,
    name: row.name,
    description: row.description,
    status: row.status,
    settings: { ...DEFAULT_PROGRAM_SETTINGS, ...row.settings },
    matchingRules: {
      weights: Object.entries(row.matchingRules.weights).map(([factor, weight]) => ({
        factor: factor as (typeof MatchingFactorEnum)[keyof typeof MatchingFactorEnum],
        weight: weight ?? 0,
      })),
      hardRules: row.matchingRules.hardRules,
      objective: row.matchingRules.objective,
    },
    // Questions written before the mode existed compare alike answers.
    questionnaire: row.questions.map((q) => ({ ...q, matchingMode: q.matchingMode ?? 'similar' })),
    cohorts: row.cohorts,
    managerPersonIds: row.managerPersonIds,
    copiedFromProgramId: row.copiedFromProgramId,
  };
}

/** The public profile for everyone allowed to see the participant; contact details only for the privileged. */
export function toParticipant(view: ParticipantView): Participant {
  const p = view.profile;
  return {
    id: view.participantId,
    programId: view.programId,
    personId: view.personId,
    roles: view.roles,
    status: view.status,
    cohortId: view.cohortId,
    mentorCapacity: view.mentorCapacity,
    pausedUntil: view.pausedUntil,
    displayName: p.displayName,
    initials: initialsOf(p.displayName),
    email: view.privileged ? p.email : null,
    headline: p.headline,
    bio: p.bio,
    goals: p.goals,
    department: p.department,
    orgUnit: p.orgUnit,
    seniority: p.seniority,
    field: p.field,
    skillsOffered: p.skillsOffered,
    skillsSought: p.skillsSought,
    interests: p.interests,
    languages: p.languages,
    timezone: p.timezone,
    availability: p.availability,
    formats: p.formats,
    communicationStyle: p.communicationStyle,
    managerPersonId: view.privileged ? p.managerPersonId : null,
    answers: view.privileged ? p.answers : null,
    demographics: view.self
      ? Object.entries(p.demographics).map(([field, d]) => ({ field, consent: d.consent, value: d.value }))
      : null,
    enrolledAt: view.enrolledAt,
  };
}
