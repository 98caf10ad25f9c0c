import type { MatchingProfile, ProfilesIntegrationEvent, QuestionShape } from '@trellis/profiles/contracts';
import type { ParticipantEvent, Profile } from './participant.decider';
import type { OrganizationEvent } from './organization.decider';
import type { ProgramEvent, Question } from './program.decider';

const questionShape = ({ text: _text, options: _options, ...shape }: Question): QuestionShape => shape;

/** Only what matching needs, as tags and numbers; the sealed free text (name, email, bio, goals) stays home. */
export function matchingProfileOf(profile: Profile): MatchingProfile {
  return {
    department: profile.department,
    orgUnit: profile.orgUnit,
    seniority: profile.seniority,
    field: profile.field,
    skillsOffered: profile.skillsOffered,
    skillsSought: profile.skillsSought,
    interests: profile.interests,
    languages: profile.languages,
    timezone: profile.timezone,
    availability: profile.availability,
    formats: profile.formats,
    communicationStyle: profile.communicationStyle,
    managerPersonId: profile.managerPersonId,
    matchingAnswers: profile.answers
      .filter((a) => a.text === undefined)
      .map((a) => ({
        questionId: a.questionId,
        ...(a.optionIds ? { optionIds: a.optionIds } : {}),
        ...(a.value !== undefined ? { value: a.value } : {}),
      })),
    consentedDemographics: Object.fromEntries(
      Object.entries(profile.demographics).flatMap(([key, entry]) =>
        entry.consent && entry.value !== null ? [[key, entry.value]] : [],
      ),
    ),
  };
}

/**
 * The public face of a stored profiles event: ids, tags, enums, numbers and times (docs/architecture.md §5, §7).
 * Every stored event has one, even when only its ids are public, because consumers apply a stream's revisions without
 * gaps (docs/adr/0006-kernel-memberships-and-contiguous-topics.md).
 */
export function toProfilesIntegrationEvent(
  event: OrganizationEvent | ProgramEvent | ParticipantEvent,
): ProfilesIntegrationEvent {
  switch (event.type) {
    case 'OrganizationRegistered':
    case 'OrganizationRenamed':
      return { type: event.type, data: { organizationId: event.organizationId } };
    case 'ProgramCreated':
      return {
        type: 'ProgramCreated',
        data: {
          programId: event.programId,
          copiedFromProgramId: event.copiedFromProgramId,
          settings: event.settings,
          matchingRules: event.matchingRules,
          questions: event.questions.map(questionShape),
        },
      };
    case 'ProgramDetailsEdited':
      return { type: 'ProgramDetailsEdited', data: { programId: event.programId } };
    case 'ProgramQuestionnaireChanged':
      return {
        type: 'ProgramQuestionnaireChanged',
        data: { programId: event.programId, questions: event.questions.map(questionShape) },
      };
    case 'ProgramCohortAdded':
      return {
        type: 'ProgramCohortAdded',
        data: { programId: event.programId, cohortId: event.cohortId, startsOn: event.startsOn, endsOn: event.endsOn },
      };
    case 'ParticipantEnrolled': {
      const { type, profile, ...rest } = event;
      return { type, data: { ...rest, profile: matchingProfileOf(profile) } };
    }
    case 'ParticipantProfileUpdated': {
      const { type, profile, ...rest } = event;
      return { type, data: { ...rest, profile: matchingProfileOf(profile) } };
    }
    default: {
      const { type, ...data } = event;
      return { type, data } as ProfilesIntegrationEvent;
    }
  }
}
