import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

// GraphQL enum names cannot hold '-', so each enum maps a GraphQL name to the domain's value.
export const ProgramStatusEnum = {
  DRAFT: 'draft',
  ENROLLMENT_OPEN: 'enrollment-open',
  ENROLLMENT_CLOSED: 'enrollment-closed',
  ARCHIVED: 'archived',
} as const;
export const ProgramFormatEnum = { ONE_ON_ONE: 'one-on-one', GROUP: 'group', BOTH: 'both' } as const;
export const ParticipantRoleEnum = { MENTOR: 'mentor', MENTEE: 'mentee' } as const;
export const ParticipantStatusEnum = { ACTIVE: 'active', PAUSED: 'paused', WITHDRAWN: 'withdrawn' } as const;
export const MatchingObjectiveEnum = {
  BEST_TOTAL: 'best-total',
  MOST_MATCHED: 'most-matched',
  FAIREST: 'fairest',
  STABLE: 'stable',
} as const;
export const QuestionKindEnum = {
  SINGLE_CHOICE: 'single-choice',
  MULTIPLE_CHOICE: 'multiple-choice',
  SCALE: 'scale',
  SHORT_TEXT: 'short-text',
} as const;
export const QuestionMatchingModeEnum = { SIMILAR: 'similar', COMPLEMENTARY: 'complementary' } as const;
export const MeetingFormatEnum = { VIRTUAL: 'virtual', IN_PERSON: 'in-person', GROUP: 'group' } as const;
export const CommunicationStyleEnum = {
  STRUCTURED: 'structured',
  CONVERSATIONAL: 'conversational',
  HANDS_ON: 'hands-on',
  REFLECTIVE: 'reflective',
} as const;
export const MatchingFactorEnum = {
  SKILLS: 'skills',
  FIELD: 'field',
  LANGUAGES: 'languages',
  AVAILABILITY: 'availability',
  COMMUNICATION_STYLE: 'communicationStyle',
  SENIORITY: 'seniority',
  QUESTIONNAIRE: 'questionnaire',
  INTERESTS: 'interests',
} as const;

registerEnumType(ProgramStatusEnum, { name: 'ProgramStatus' });
registerEnumType(ProgramFormatEnum, { name: 'ProgramFormat' });
registerEnumType(ParticipantRoleEnum, { name: 'ParticipantRole' });
registerEnumType(ParticipantStatusEnum, { name: 'ParticipantStatus' });
registerEnumType(MatchingObjectiveEnum, { name: 'MatchingObjective' });
registerEnumType(QuestionKindEnum, { name: 'QuestionKind' });
registerEnumType(QuestionMatchingModeEnum, { name: 'QuestionMatchingMode' });
registerEnumType(MeetingFormatEnum, { name: 'MeetingFormat' });
registerEnumType(CommunicationStyleEnum, { name: 'CommunicationStyle' });
registerEnumType(MatchingFactorEnum, { name: 'MatchingFactor' });

type ValueOf<T> = T[keyof T];

@ObjectType()
export class ProgramSettings {
  @Field(() => ProgramFormatEnum) format!: ValueOf<typeof ProgramFormatEnum>;
  @Field(() => Int) meetingCadenceDays!: number;
  @Field(() => Int) relationshipDurationWeeks!: number;
  @Field(() => Int) defaultMentorCapacity!: number;
  @Field(() => Int) maxOpenRequestsPerMentee!: number;
  @Field(() => Int) requestExpiryDays!: number;
  @Field() offerNextBestOnDecline!: boolean;
  @Field(() => Int) maxCircleSize!: number;
  @Field(() => Int, { description: 'How many mentors a mentee may mark preferred (1 to 10)' })
  maxPreferredMentors!: number;
  @Field(() => Int, { description: 'People who must answer a survey before a group’s figures show (3 to 100)' })
  surveyResultThreshold!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Days after a mentorship ends after which its conversation’s messages are shredded; null keeps them',
  })
  conversationRetentionDays!: number | null;
}

@InputType()
export class ProgramSettingsInput {
  @Field(() => ProgramFormatEnum, { nullable: true }) format?: ValueOf<typeof ProgramFormatEnum>;
  @Field(() => Int, { nullable: true }) meetingCadenceDays?: number;
  @Field(() => Int, { nullable: true }) relationshipDurationWeeks?: number;
  @Field(() => Int, { nullable: true }) defaultMentorCapacity?: number;
  @Field(() => Int, { nullable: true }) maxOpenRequestsPerMentee?: number;
  @Field(() => Int, { nullable: true }) requestExpiryDays?: number;
  @Field({ nullable: true }) offerNextBestOnDecline?: boolean;
  @Field(() => Int, { nullable: true }) maxCircleSize?: number;
  @Field(() => Int, { nullable: true }) maxPreferredMentors?: number;
  @Field(() => Int, { nullable: true }) surveyResultThreshold?: number;
  @Field(() => Int, {
    nullable: true,
    description: '30 to 3650 days; null keeps messages without limit, leaving it out keeps the current setting',
  })
  conversationRetentionDays?: number | null;
}

@ObjectType()
export class FactorWeight {
  @Field(() => MatchingFactorEnum) factor!: ValueOf<typeof MatchingFactorEnum>;
  @Field(() => Float) weight!: number;
}

@InputType()
export class FactorWeightInput {
  @Field(() => MatchingFactorEnum) factor!: ValueOf<typeof MatchingFactorEnum>;
  @Field(() => Float) weight!: number;
}

@ObjectType()
export class HardRules {
  @Field() sameDepartmentNotAllowed!: boolean;
  @Field() reportingLineExcluded!: boolean;
  @Field() sharedLanguageRequired!: boolean;
  @Field(() => Float, { nullable: true }) maxTimezoneGapHours!: number | null;
  @Field(() => Int, { nullable: true }) minSeniorityGap!: number | null;
}

@InputType()
export class HardRulesInput {
  @Field() sameDepartmentNotAllowed!: boolean;
  @Field() reportingLineExcluded!: boolean;
  @Field() sharedLanguageRequired!: boolean;
  @Field(() => Float, { nullable: true }) maxTimezoneGapHours?: number | null;
  @Field(() => Int, { nullable: true }) minSeniorityGap?: number | null;
}

@ObjectType()
export class MatchingRules {
  @Field(() => [FactorWeight]) weights!: FactorWeight[];
  @Field(() => HardRules) hardRules!: HardRules;
  @Field(() => MatchingObjectiveEnum) objective!: ValueOf<typeof MatchingObjectiveEnum>;
}

@InputType()
export class MatchingRulesInput {
  @Field(() => [FactorWeightInput]) weights!: FactorWeightInput[];
  @Field(() => HardRulesInput) hardRules!: HardRulesInput;
  @Field(() => MatchingObjectiveEnum) objective!: ValueOf<typeof MatchingObjectiveEnum>;
}

@ObjectType()
export class QuestionOption {
  @Field() optionId!: string;
  @Field() label!: string;
}

@InputType()
export class QuestionOptionInput {
  @Field() optionId!: string;
  @Field() label!: string;
}

@ObjectType()
export class Question {
  @Field() questionId!: string;
  @Field(() => QuestionKindEnum) kind!: ValueOf<typeof QuestionKindEnum>;
  @Field() text!: string;
  @Field(() => [QuestionOption]) options!: QuestionOption[];
  @Field(() => Int, { nullable: true }) scaleMin?: number;
  @Field(() => Int, { nullable: true }) scaleMax?: number;
  @Field() usedForMatching!: boolean;
  @Field(() => Float) weight!: number;
  @Field(() => QuestionMatchingModeEnum) matchingMode!: ValueOf<typeof QuestionMatchingModeEnum>;
}

@InputType()
export class QuestionInput {
  @Field() questionId!: string;
  @Field(() => QuestionKindEnum) kind!: ValueOf<typeof QuestionKindEnum>;
  @Field() text!: string;
  @Field(() => [QuestionOptionInput], { nullable: true }) options?: QuestionOptionInput[];
  @Field(() => Int, { nullable: true }) scaleMin?: number;
  @Field(() => Int, { nullable: true }) scaleMax?: number;
  @Field() usedForMatching!: boolean;
  @Field(() => Float, { defaultValue: 1 }) weight!: number;
  // No schema default: a subgraph schema rebuilt from its SDL turns an enum default back into the value's NAME
  // ('SIMILAR'), which the event contract refuses and which then held up the outbox. Absent means similar, below.
  @Field(() => QuestionMatchingModeEnum, { nullable: true, description: 'Absent: SIMILAR' })
  matchingMode?: ValueOf<typeof QuestionMatchingModeEnum> | null;
}

@ObjectType()
export class Cohort {
  @Field(() => ID) cohortId!: string;
  @Field() name!: string;
  @Field() startsOn!: string;
  @Field() endsOn!: string;
}

@ObjectType({ description: 'A person of the organization by the name of their most recent participant profile' })
export class PersonName {
  @Field(() => ID) personId!: string;
  @Field(() => String, { nullable: true, description: 'null without a profile in the organization, or once erased' })
  displayName!: string | null;
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Program {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => ProgramStatusEnum) status!: ValueOf<typeof ProgramStatusEnum>;
  @Field(() => ProgramSettings) settings!: ProgramSettings;
  @Field(() => MatchingRules) matchingRules!: MatchingRules;
  @Field(() => [Question]) questionnaire!: Question[];
  @Field(() => [Cohort]) cohorts!: Cohort[];
  @Field(() => [ID]) managerPersonIds!: string[];
  @Field(() => ID, { nullable: true }) copiedFromProgramId!: string | null;
}

@ObjectType()
export class SkillLevel {
  @Field() skill!: string;
  @Field(() => Int) level!: number;
}

@InputType()
export class SkillLevelInput {
  @Field() skill!: string;
  @Field(() => Int) level!: number;
}

@ObjectType()
export class AvailabilityWindow {
  @Field(() => Int, { description: '1 = Monday … 7 = Sunday, in the participant’s time zone' }) day!: number;
  @Field(() => Int, { description: 'minutes after midnight' }) startMinute!: number;
  @Field(() => Int) endMinute!: number;
}

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Int) day!: number;
  @Field(() => Int) startMinute!: number;
  @Field(() => Int) endMinute!: number;
}

@ObjectType()
export class Answer {
  @Field() questionId!: string;
  @Field(() => [String], { nullable: true }) optionIds?: string[];
  @Field(() => Int, { nullable: true }) value?: number;
  @Field({ nullable: true }) text?: string;
}

@InputType()
export class AnswerInput {
  @Field() questionId!: string;
  @Field(() => [String], { nullable: true }) optionIds?: string[];
  @Field(() => Int, { nullable: true }) value?: number;
  @Field({ nullable: true }) text?: string;
}

@ObjectType()
export class Demographic {
  @Field() field!: string;
  @Field() consent!: boolean;
  @Field(() => String, { nullable: true }) value!: string | null;
}

@InputType()
export class DemographicInput {
  @Field() field!: string;
  @Field() consent!: boolean;
  @Field(() => String, { nullable: true }) value?: string | null;
}

@InputType({ description: 'A profile. On update, omitted fields keep their current value.' })
export class ProfileInput {
  @Field({ nullable: true }) displayName?: string;
  @Field({ nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) headline?: string | null;
  @Field(() => String, { nullable: true }) bio?: string | null;
  @Field(() => String, { nullable: true }) goals?: string | null;
  @Field(() => String, { nullable: true }) department?: string | null;
  @Field(() => String, { nullable: true }) orgUnit?: string | null;
  @Field(() => Int, { nullable: true }) seniority?: number | null;
  @Field(() => String, { nullable: true }) field?: string | null;
  @Field(() => [SkillLevelInput], { nullable: true }) skillsOffered?: SkillLevelInput[];
  @Field(() => [String], { nullable: true }) skillsSought?: string[];
  @Field(() => [String], { nullable: true }) interests?: string[];
  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' }) languages?: string[];
  @Field({ nullable: true, description: 'IANA time zone, e.g. Europe/Berlin' }) timezone?: string;
  @Field(() => [AvailabilityWindowInput], { nullable: true }) availability?: AvailabilityWindowInput[];
  @Field(() => [MeetingFormatEnum], { nullable: true }) formats?: Array<ValueOf<typeof MeetingFormatEnum>>;
  @Field(() => CommunicationStyleEnum, { nullable: true })
  communicationStyle?: ValueOf<typeof CommunicationStyleEnum> | null;
  @Field(() => ID, { nullable: true }) managerPersonId?: string | null;
  @Field(() => [AnswerInput], { nullable: true }) answers?: AnswerInput[];
  @Field(() => [DemographicInput], { nullable: true }) demographics?: DemographicInput[];
}

@ObjectType()
@Directive('@key(fields: "id")')
export class Participant {
  @Field(() => ID) id!: string;
  @Field(() => ID) programId!: string;
  @Field(() => ID) personId!: string;
  @Field(() => [ParticipantRoleEnum]) roles!: Array<ValueOf<typeof ParticipantRoleEnum>>;
  @Field(() => ParticipantStatusEnum) status!: ValueOf<typeof ParticipantStatusEnum>;
  @Field(() => ID, { nullable: true }) cohortId!: string | null;
  @Field(() => Int) mentorCapacity!: number;
  @Field(() => String, { nullable: true }) pausedUntil!: string | null;
  @Field() displayName!: string;
  @Field({ description: 'Shown in place of a photo: the first letters of the first and last word of displayName' })
  initials!: string;
  @Field(() => String, { nullable: true, description: 'Only for the person, their program managers and org admins' })
  email!: string | null;
  @Field(() => String, { nullable: true }) headline!: string | null;
  @Field(() => String, { nullable: true }) bio!: string | null;
  @Field(() => String, { nullable: true }) goals!: string | null;
  @Field(() => String, { nullable: true }) department!: string | null;
  @Field(() => String, { nullable: true }) orgUnit!: string | null;
  @Field(() => Int, { nullable: true }) seniority!: number | null;
  @Field(() => String, { nullable: true }) field!: string | null;
  @Field(() => [SkillLevel]) skillsOffered!: SkillLevel[];
  @Field(() => [String]) skillsSought!: string[];
  @Field(() => [String]) interests!: string[];
  @Field(() => [String]) languages!: string[];
  @Field() timezone!: string;
  @Field(() => [AvailabilityWindow]) availability!: AvailabilityWindow[];
  @Field(() => [MeetingFormatEnum]) formats!: Array<ValueOf<typeof MeetingFormatEnum>>;
  @Field(() => CommunicationStyleEnum, { nullable: true })
  communicationStyle!: ValueOf<typeof CommunicationStyleEnum> | null;
  @Field(() => ID, { nullable: true, description: 'Only for the person, their program managers and org admins' })
  managerPersonId!: string | null;
  @Field(() => [Answer], { nullable: true, description: 'Only for the person, their program managers and org admins' })
  answers!: Answer[] | null;
  @Field(() => [Demographic], { nullable: true, description: 'Only for the person' })
  demographics!: Demographic[] | null;
  @Field() enrolledAt!: Date;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class ParticipantEdge {
  @Field() cursor!: string;
  @Field(() => Participant) node!: Participant;
}

@ObjectType()
export class ParticipantConnection {
  @Field(() => [ParticipantEdge]) edges!: ParticipantEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) totalCount!: number;
}

@InputType()
export class ParticipantFilter {
  @Field(() => ParticipantRoleEnum, { nullable: true }) role?: ValueOf<typeof ParticipantRoleEnum>;
  @Field(() => ParticipantStatusEnum, { nullable: true }) status?: ValueOf<typeof ParticipantStatusEnum>;
  @Field(() => ID, { nullable: true }) cohortId?: string;
  @Field({ nullable: true }) department?: string;
  @Field({ nullable: true, description: 'Mentors offering or mentees seeking this skill' }) skill?: string;
  @Field({ nullable: true }) language?: string;
  @Field({
    nullable: true,
    description: 'Words of the display name, each anywhere in it, in any order, ignoring case and accents',
  })
  name?: string;
}

@ObjectType()
export class Me {
  @Field(() => ID) personId!: string;
  @Field(() => ID) tenantId!: string;
  @Field() orgAdmin!: boolean;
  @Field(() => [Participant]) participations!: Participant[];
  @Field(() => [Program]) managedPrograms!: Program[];
}

@ObjectType()
export class ImportRowError {
  @Field(() => Int, { description: 'Line number in the uploaded file (the header is line 1)' }) line!: number;
  @Field() message!: string;
}

@ObjectType()
export class ImportReport {
  @Field(() => Int, { description: 'Enrolled; on a dry run, the lines an import would enroll' }) imported!: number;
  @Field(() => Int) alreadyEnrolled!: number;
  @Field(() => Int) failed!: number;
  @Field(() => [ImportRowError]) errors!: ImportRowError[];
}

@ObjectType()
export class ErasureReport {
  @Field(() => ID) personId!: string;
  @Field(() => Int) participationsErased!: number;
}

@ObjectType()
export class Organization {
  @Field(() => ID, { description: 'The tenant id, as in the identity provider’s `org` claim' }) id!: string;
  @Field(() => String, { nullable: true, description: 'Null until an org admin registers the organization' })
  name!: string | null;
}
