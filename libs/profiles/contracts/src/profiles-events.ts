import { z } from 'zod';

/**
 * What the profiles service tells the rest of Trellis (docs/architecture.md §5, §7). Ids, tags, enums, numbers and
 * times only: names, emails, bios, goals text and free-text answers stay inside profiles, encrypted.
 */
export const PROFILES_TOPIC = 'profiles.events.v1';

export const participantRoleSchema = z.enum(['mentor', 'mentee']);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

export const programFormatSchema = z.enum(['one-on-one', 'group', 'both']);
export type ProgramFormat = z.infer<typeof programFormatSchema>;

export const matchingObjectiveSchema = z.enum(['best-total', 'most-matched', 'fairest', 'stable']);
export type MatchingObjective = z.infer<typeof matchingObjectiveSchema>;

export const meetingFormatSchema = z.enum(['virtual', 'in-person', 'group']);
export type MeetingFormat = z.infer<typeof meetingFormatSchema>;
export const communicationStyleSchema = z.enum(['structured', 'conversational', 'hands-on', 'reflective']);

export type CommunicationStyle = z.infer<typeof communicationStyleSchema>;

export const programSettingsSchema = z.object({
  format: programFormatSchema,
  meetingCadenceDays: z.number().int(),
  relationshipDurationWeeks: z.number().int(),
  defaultMentorCapacity: z.number().int(),
  maxOpenRequestsPerMentee: z.number().int(),
  requestExpiryDays: z.number().int(),
  offerNextBestOnDecline: z.boolean(),
  maxCircleSize: z.number().int(),
  /** How many mentors a mentee may mark preferred; programs created before it was a setting leave it out (3). */
  maxPreferredMentors: z.number().int().optional(),
  /** People who must answer a survey before a group's figures show; absent in older events (5). */
  surveyResultThreshold: z.number().int().optional(),
  /**
   * Days after a mentorship ends after which its conversation's messages are shredded; null or absent keeps them.
   */
  conversationRetentionDays: z.number().int().nullable().optional(),
});
export type ProgramSettings = z.infer<typeof programSettingsSchema>;

export const matchingFactorSchema = z.enum([
  'skills',
  'field',
  'languages',
  'availability',
  'communicationStyle',
  'seniority',
  'questionnaire',
  'interests',
]);
export type MatchingFactor = z.infer<typeof matchingFactorSchema>;

export const hardRulesSchema = z.object({
  sameDepartmentNotAllowed: z.boolean(),
  reportingLineExcluded: z.boolean(),
  sharedLanguageRequired: z.boolean(),
  maxTimezoneGapHours: z.number().nullable(),
  /** Mentor must be at least this many levels more senior than the mentee (null: no rule). */
  minSeniorityGap: z.number().int().nullable(),
});
export type HardRules = z.infer<typeof hardRulesSchema>;

export const matchingRulesSchema = z.object({
  weights: z.record(matchingFactorSchema, z.number()),
  hardRules: hardRulesSchema,
  objective: matchingObjectiveSchema,
});
export type MatchingRules = z.infer<typeof matchingRulesSchema>;

export const questionKindSchema = z.enum(['single-choice', 'multiple-choice', 'scale', 'short-text']);
/** Questions travel without their wording: consumers need ids, kinds, option ids and weights to match on. */
export type QuestionKind = z.infer<typeof questionKindSchema>;

/**
 * How matching compares two answers: `similar` rewards alike answers, `complementary` different ones. Optional in
 * the contract, so events published before it existed still parse; absent means `similar`.
 */
export const questionMatchingModeSchema = z.enum(['similar', 'complementary']);
export type QuestionMatchingMode = z.infer<typeof questionMatchingModeSchema>;

export const questionShapeSchema = z.object({
  questionId: z.string(),
  kind: questionKindSchema,
  optionIds: z.array(z.string()),
  scaleMin: z.number().int().optional(),
  scaleMax: z.number().int().optional(),
  usedForMatching: z.boolean(),
  weight: z.number(),
  matchingMode: questionMatchingModeSchema.optional(),
});
export type QuestionShape = z.infer<typeof questionShapeSchema>;

export const availabilityWindowSchema = z.object({
  /** ISO weekday, 1 = Monday … 7 = Sunday, in the participant's own timezone. */
  day: z.number().int(),
  startMinute: z.number().int(),
  endMinute: z.number().int(),
});
export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;

/** The matching-relevant part of a profile as tags and numbers. Free text never leaves profiles. */
export const matchingProfileSchema = z.object({
  department: z.string().nullable(),
  orgUnit: z.string().nullable(),
  seniority: z.number().int().nullable(),
  field: z.string().nullable(),
  skillsOffered: z.array(z.object({ skill: z.string(), level: z.number().int() })),
  skillsSought: z.array(z.string()),
  interests: z.array(z.string()),
  languages: z.array(z.string()),
  timezone: z.string(),
  availability: z.array(availabilityWindowSchema),
  formats: z.array(meetingFormatSchema),
  communicationStyle: communicationStyleSchema.nullable(),
  managerPersonId: z.string().nullable(),
  /** Choice and scale answers of questions used for matching: option ids or the scale value. */
  matchingAnswers: z.array(
    z.object({ questionId: z.string(), optionIds: z.array(z.string()).optional(), value: z.number().optional() }),
  ),
  /** Optional demographic tags, present only with the participant's consent. */
  consentedDemographics: z.record(z.string(), z.string()),
});
export type MatchingProfile = z.infer<typeof matchingProfileSchema>;

const programRef = { programId: z.string() };
const participantRef = { participantId: z.string(), personId: z.string(), programId: z.string() };

export const profilesEventSchemas = {
  OrganizationRegistered: z.object({ organizationId: z.string() }),
  OrganizationRenamed: z.object({ organizationId: z.string() }),
  ProgramCreated: z.object({
    ...programRef,
    copiedFromProgramId: z.string().nullable(),
    settings: programSettingsSchema,
    matchingRules: matchingRulesSchema,
    questions: z.array(questionShapeSchema),
  }),
  /** The wording changed; consumers learn only that it did, so per-stream revisions stay contiguous. */
  ProgramDetailsEdited: z.object(programRef),
  ProgramSettingsChanged: z.object({ ...programRef, settings: programSettingsSchema }),
  ProgramQuestionnaireChanged: z.object({ ...programRef, questions: z.array(questionShapeSchema) }),
  ProgramMatchingRulesChanged: z.object({ ...programRef, matchingRules: matchingRulesSchema }),
  ProgramEnrollmentOpened: z.object(programRef),
  ProgramEnrollmentClosed: z.object(programRef),
  ProgramArchived: z.object(programRef),
  ProgramCohortAdded: z.object({ ...programRef, cohortId: z.string(), startsOn: z.string(), endsOn: z.string() }),
  ProgramManagerAssigned: z.object({ ...programRef, personId: z.string() }),
  ProgramManagerUnassigned: z.object({ ...programRef, personId: z.string() }),
  ParticipantEnrolled: z.object({
    ...participantRef,
    cohortId: z.string().nullable(),
    roles: z.array(participantRoleSchema),
    mentorCapacity: z.number().int(),
    invited: z.boolean(),
    profile: matchingProfileSchema,
  }),
  ParticipantProfileUpdated: z.object({ ...participantRef, profile: matchingProfileSchema }),
  ParticipantRoleAdded: z.object({ ...participantRef, role: participantRoleSchema }),
  MentorCapacityChanged: z.object({ ...participantRef, capacity: z.number().int() }),
  ParticipantPaused: z.object({ ...participantRef, until: z.string().nullable() }),
  ParticipantResumed: z.object(participantRef),
  ParticipantWithdrew: z.object(participantRef),
  ParticipantDataErased: z.object(participantRef),
} as const;

export type ProfilesEventType = keyof typeof profilesEventSchemas;
export type ProfilesEventData<T extends ProfilesEventType> = z.infer<(typeof profilesEventSchemas)[T]>;
export type ProfilesIntegrationEvent = {
  [T in ProfilesEventType]: { type: T; data: ProfilesEventData<T> };
}[ProfilesEventType];

/** In the shape of `EventContract` (@trellis/shared/messaging), which consumers feed to their ContractRegistry. */
export const profilesContracts = Object.entries(profilesEventSchemas).map(([type, data]) => ({
  type,
  schemaVersion: 1,
  data: data as z.ZodType<Record<string, unknown>>,
}));

export function isProfilesEvent<T extends ProfilesEventType>(
  event: { type: string; data: unknown },
  type: T,
): event is { type: T; data: ProfilesEventData<T> } {
  return event.type === type;
}
