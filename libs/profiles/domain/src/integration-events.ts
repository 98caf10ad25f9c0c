import {
  profilesEventSchemas,
  type MatchingProfile,
  type ProfilesIntegrationEvent,
  type QuestionShape,
} from '@trellis/profiles/contracts';
import { projectEvent } from '@trellis/shared/kernel';
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
 * The public face of a stored profiles event: ids, tags, enums, numbers and times (docs/architecture.md §5, §7), the
 * fields its contract names, projected and checked by `projectOntoContract`, so that names, descriptions and any
 * sealed text stay home even when a domain event gains one. Every stored event has one, even when only its ids are
 * public, because consumers apply a stream's revisions without gaps
 * (docs/adr/0006-kernel-memberships-and-contiguous-topics.md). Questions and profiles travel in the contract's own
 * shapes, without their wording and free text.
 */
export function toProfilesIntegrationEvent(
  event: OrganizationEvent | ProgramEvent | ParticipantEvent,
): ProfilesIntegrationEvent {
  switch (event.type) {
    case 'ProgramCreated':
    case 'ProgramQuestionnaireChanged':
      return projectEvent(profilesEventSchemas, event.type, {
        ...event,
        questions: event.questions.map(questionShape),
      });
    case 'ParticipantEnrolled':
    case 'ParticipantProfileUpdated':
      return projectEvent(profilesEventSchemas, event.type, { ...event, profile: matchingProfileOf(event.profile) });
    default:
      return projectEvent(profilesEventSchemas, event.type, event);
  }
}
