import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

// GraphQL enum names cannot hold '-', so each enum maps a GraphQL name to the domain's value.
export const SessionKindEnum = { ONE_ON_ONE: 'one-on-one', GROUP: 'group' } as const;
export const SessionModeEnum = { VIRTUAL: 'virtual', IN_PERSON: 'in-person' } as const;
export const SessionStatusEnum = { SCHEDULED: 'scheduled', CANCELLED: 'cancelled', COMPLETED: 'completed' } as const;
export const RsvpResponseEnum = { ACCEPTED: 'accepted', TENTATIVE: 'tentative', DECLINED: 'declined' } as const;
export const CancellationReasonEnum = {
  SCHEDULE_CONFLICT: 'schedule-conflict',
  ILLNESS: 'illness',
  EMERGENCY: 'emergency',
  NO_LONGER_NEEDED: 'no-longer-needed',
  HOST_UNAVAILABLE: 'host-unavailable',
  MENTORSHIP_ENDED: 'mentorship-ended',
  OTHER: 'other',
} as const;
export const MeetingCadenceEnum = { WEEKLY: 'weekly', FORTNIGHTLY: 'fortnightly', MONTHLY: 'monthly' } as const;
export const ChannelEnum = {
  VIDEO: 'video',
  PHONE: 'phone',
  IN_PERSON: 'in-person',
  CHAT: 'chat',
  EMAIL: 'email',
} as const;
export const HealthStatusEnum = { HEALTHY: 'healthy', AT_RISK: 'at-risk', STALLED: 'stalled' } as const;

registerEnumType(SessionKindEnum, { name: 'SessionKind' });
registerEnumType(SessionModeEnum, { name: 'SessionMode' });
registerEnumType(SessionStatusEnum, { name: 'SessionStatus' });
registerEnumType(RsvpResponseEnum, { name: 'RsvpResponse' });
registerEnumType(CancellationReasonEnum, { name: 'CancellationReason' });
registerEnumType(MeetingCadenceEnum, { name: 'MeetingCadence' });
registerEnumType(ChannelEnum, { name: 'CommunicationChannel' });
registerEnumType(HealthStatusEnum, { name: 'EngagementHealth' });

@ObjectType({ description: "An instant as it reads in the viewer's own time zone" })
export class LocalTime {
  @Field() timeZone!: string;
  @Field() date!: string;
  @Field() time!: string;
  @Field({ description: 'UTC offset at that instant, e.g. +02:00' }) offset!: string;
  @Field() text!: string;
}

export const AttendanceStatusEnum = {
  ATTENDED: 'attended',
  LATE: 'late',
  LEFT_EARLY: 'left-early',
  ABSENT: 'absent',
} as const;
export const GoalAbandonReasonEnum = {
  NO_LONGER_RELEVANT: 'no-longer-relevant',
  REPLACED_BY_ANOTHER_GOAL: 'replaced-by-another-goal',
  OUT_OF_REACH: 'out-of-reach',
  MENTORSHIP_ENDED: 'mentorship-ended',
  OTHER: 'other',
} as const;
export const IntroductionKindEnum = { PARTICIPANT: 'participant', EXTERNAL_CONTACT: 'external-contact' } as const;
export const EngagementStatusEnum = { OPEN: 'open', CLOSED: 'closed' } as const;
export const AgreementStatusEnum = {
  PROPOSED: 'proposed',
  SUPERSEDED: 'superseded',
  IN_EFFECT: 'in-effect',
  REPLACED: 'replaced',
} as const;
export const GoalStatusEnum = { ACTIVE: 'active', ACHIEVED: 'achieved', ABANDONED: 'abandoned' } as const;
export const ViewerRoleEnum = { MENTOR: 'MENTOR', MENTEE: 'MENTEE', MANAGER: 'MANAGER' } as const;
registerEnumType(AttendanceStatusEnum, { name: 'AttendanceStatus' });
registerEnumType(GoalAbandonReasonEnum, { name: 'GoalAbandonReason' });
registerEnumType(IntroductionKindEnum, { name: 'IntroductionKind' });
registerEnumType(EngagementStatusEnum, { name: 'EngagementStatus' });
registerEnumType(AgreementStatusEnum, {
  name: 'AgreementStatus',
  description: 'PROPOSED until both sign; SUPERSEDED by a newer proposal; REPLACED by a later version in effect',
});
registerEnumType(GoalStatusEnum, { name: 'GoalStatus' });
registerEnumType(ViewerRoleEnum, { name: 'EngagementViewerRole' });

/** The profiles subgraph owns Participant; sessions only names participants (attendees, the pair). */
@ObjectType()
@Directive('@key(fields: "id", resolvable: false)')
export class Participant {
  @Field(() => ID) id!: string;
}

@ObjectType({ description: 'One person of a session: their reply and whether they came' })
export class SessionAttendee {
  @Field(() => ID) personId!: string;
  @Field(() => ID, { description: 'The person in the session’s program' }) participantId!: string;
  @Field(() => Participant, {
    nullable: true,
    description: 'Their profile (profiles subgraph); null once erased or if you may not see it',
  })
  participant!: Participant;
  @Field() host!: boolean;
  @Field(() => RsvpResponseEnum, { nullable: true }) rsvp!: string | null;
  @Field(() => AttendanceStatusEnum, { nullable: true }) attendance!: string | null;
}

@ObjectType()
export class SessionNote {
  @Field(() => ID, { nullable: true }) id!: string | null;
  @Field(() => ID) authorPersonId!: string;
  @Field() text!: string;
  @Field({ description: 'UTC' }) writtenAt!: string;
}

@ObjectType({ description: 'Feedback of one attendee, shown only where the program’s visibility policy allows' })
export class FeedbackEntry {
  @Field(() => ID) personId!: string;
  @Field(() => Int) rating!: number;
  @Field(() => String, { nullable: true }) wentWell!: string | null;
  @Field(() => String, { nullable: true }) toImprove!: string | null;
  @Field(() => String, { nullable: true }) comment!: string | null;
  @Field({ description: 'UTC' }) submittedAt!: string;
}

@ObjectType({ description: 'Ratings only: what program managers see of feedback' })
export class FeedbackSummary {
  @Field(() => Int) count!: number;
  @Field(() => Number, { nullable: true }) averageRating!: number | null;
}

@ObjectType()
export class MilestoneView {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) targetDate!: string | null;
  @Field(() => String, { nullable: true, description: 'UTC' }) reachedAt!: string | null;
}

@ObjectType()
export class ProgressUpdate {
  @Field(() => Int) progressPercent!: number;
  @Field(() => ID) updatedByPersonId!: string;
  @Field({ description: 'UTC' }) at!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType()
export class SmartFieldsView {
  @Field(() => String, { nullable: true }) specific!: string | null;
  @Field(() => String, { nullable: true }) measurable!: string | null;
  @Field(() => String, { nullable: true }) achievable!: string | null;
  @Field(() => String, { nullable: true }) relevant!: string | null;
  @Field(() => String, { nullable: true }) timeBound!: string | null;
}

@ObjectType({ description: 'Contact details of someone in the mentor’s network (encrypted at rest; the pair only)' })
export class ContactDetails {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) organization!: string | null;
}

@ObjectType()
export class Introduction {
  @Field(() => ID) id!: string;
  @Field(() => IntroductionKindEnum) kind!: string;
  @Field(() => ID, { nullable: true }) personId!: string | null;
  @Field(() => ContactDetails, { nullable: true, description: 'Null for program managers and once erased' })
  contact!: ContactDetails | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => ID) introducedByPersonId!: string;
  @Field({ description: 'UTC' }) madeAt!: string;
}

@InputType()
export class AttendanceInput {
  @Field(() => ID) personId!: string;
  @Field(() => AttendanceStatusEnum) status!: 'attended' | 'late' | 'left-early' | 'absent';
}

@InputType()
export class ScheduleGroupSessionInput {
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true }) circleId?: string;
  @Field(() => ID, { nullable: true, description: 'A group session may belong to a mentorship (e.g. a circle)' })
  mentorshipId?: string;
  @Field(() => [ID]) inviteePersonIds!: string[];
  @Field(() => Int, { description: 'Most people (host included) who may accept' }) capacity!: number;
  @Field({ description: 'UTC, e.g. 2026-03-30T16:00:00Z' }) startsAt!: string;
  @Field() endsAt!: string;
  @Field({ description: "The organizer's IANA time zone" }) timezone!: string;
  @Field(() => SessionModeEnum) mode!: 'virtual' | 'in-person';
  @Field(() => String, { nullable: true }) meetingLink?: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field({ defaultValue: false, description: "Schedule even outside someone's stated availability" })
  overrideAvailability!: boolean;
}

@InputType()
export class SmartInput {
  @Field(() => String, { nullable: true }) specific?: string;
  @Field(() => String, { nullable: true }) measurable?: string;
  @Field(() => String, { nullable: true }) achievable?: string;
  @Field(() => String, { nullable: true }) relevant?: string;
  @Field(() => String, { nullable: true }) timeBound?: string;
}

@InputType()
export class MilestoneInput {
  @Field() title!: string;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not after the goal’s target' }) targetDate?: string;
}

@InputType()
export class ContactInput {
  @Field() name!: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) phone?: string;
  @Field(() => String, { nullable: true }) organization?: string;
}

@ObjectType()
export class Session {
  @Field(() => ID) id!: string;
  @Field(() => SessionKindEnum) kind!: string;
  @Field(() => SessionStatusEnum) status!: string;
  @Field(() => ID, { nullable: true }) mentorshipId!: string | null;
  @Field(() => ID) hostPersonId!: string;
  @Field(() => [ID]) inviteePersonIds!: string[];
  @Field(() => Int) capacity!: number;
  @Field(() => SessionModeEnum) mode!: string;
  @Field(() => String, { nullable: true, description: 'Meeting link or location (attendees only)' })
  place!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field({ description: 'UTC' }) startsAt!: string;
  @Field({ description: 'UTC' }) endsAt!: string;
  @Field({ description: "The organizer's IANA time zone" }) timezone!: string;
  @Field(() => LocalTime, { description: 'startsAt in the time zone asked for (the viewer’s)' }) localStart!: LocalTime;
  @Field(() => Int, { description: 'iCalendar SEQUENCE: raised by every reschedule and cancellation' })
  sequence!: number;
  @Field(() => RsvpResponseEnum, { nullable: true }) myRsvp!: string | null;
  @Field(() => ID) programId!: string;
  @Field(() => ID, { nullable: true }) circleId!: string | null;
  @Field(() => LocalTime, { description: 'endsAt in the time zone asked for (the viewer’s)' }) localEnd!: LocalTime;
  @Field(() => [SessionAttendee], { description: 'Host first, then invitees, with RSVP and attendance' })
  attendees!: SessionAttendee[];
  @Field(() => SessionNote, { nullable: true, description: 'Shared notes of the completed session' })
  sharedNotes!: SessionNote | null;
  @Field(() => [SessionNote], { description: 'Your own private notes on this session (nobody else reads them)' })
  myPrivateNotes!: SessionNote[];
  @Field(() => [FeedbackEntry], { description: 'The feedback you may read under the program’s visibility policy' })
  feedback!: FeedbackEntry[];
  @Field(() => FeedbackSummary) feedbackSummary!: FeedbackSummary;
  @Field(() => String, { nullable: true, description: 'UTC' }) completedAt!: string | null;
  @Field(() => CancellationReasonEnum, { nullable: true }) cancellationReason!: string | null;
}

@ObjectType()
export class AgreementVersion {
  @Field(() => Int) version!: number;
  @Field(() => AgreementStatusEnum) status!: string;
  @Field(() => Int, { nullable: true }) amendsVersion!: number | null;
  @Field(() => ID) proposedByPersonId!: string;
  @Field(() => [ID]) signedBy!: string[];
  @Field(() => MeetingCadenceEnum) cadence!: string;
  @Field(() => Int) sessionMinutes!: number;
  @Field(() => Int) durationMonths!: number;
  @Field(() => [ChannelEnum]) channels!: string[];
  @Field(() => String, { nullable: true }) expectations!: string | null;
  @Field(() => String, { nullable: true }) boundaries!: string | null;
  @Field(() => String, { nullable: true }) confidentiality!: string | null;
  @Field({ description: 'UTC' }) proposedAt!: string;
  @Field(() => String, { nullable: true, description: 'UTC' }) inEffectSince!: string | null;
}

@ObjectType()
export class Goal {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => GoalStatusEnum) status!: string;
  @Field(() => Int) progressPercent!: number;
  @Field() targetDate!: string;
  @Field(() => ID) ownerPersonId!: string;
  @Field(() => ID) setByPersonId!: string;
  @Field(() => SmartFieldsView) smart!: SmartFieldsView;
  @Field(() => [MilestoneView]) milestones!: MilestoneView[];
  @Field(() => [ProgressUpdate]) progress!: ProgressUpdate[];
  @Field(() => String, { nullable: true, description: 'UTC' }) achievedAt!: string | null;
  @Field(() => GoalAbandonReasonEnum, { nullable: true }) abandonReason!: string | null;
}

export const ResourceKindEnum = {
  WORKSHOP: 'workshop',
  COURSE: 'course',
  ARTICLE: 'article',
  EVENT: 'event',
  BOOK: 'book',
  VIDEO: 'video',
  OTHER: 'other',
} as const;
registerEnumType(ResourceKindEnum, { name: 'ResourceKind' });

@ObjectType()
export class ActionItem {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => ID) ownerPersonId!: string;
  @Field() dueDate!: string;
  @Field() done!: boolean;
  @Field(() => ID, { nullable: true }) goalId!: string | null;
  @Field(() => ID, { nullable: true }) sessionId!: string | null;
  @Field(() => String, { nullable: true, description: 'UTC' }) completedAt!: string | null;
}

@ObjectType()
export class Resource {
  @Field(() => ID) id!: string;
  @Field(() => ResourceKindEnum) kind!: string;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) link!: string | null;
}

@ObjectType({ description: 'A private reflection: only its author ever reads it' })
export class Reflection {
  @Field(() => ID) id!: string;
  @Field() text!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class Engagement {
  @Field(() => ID) mentorshipId!: string;
  @Field(() => ID) programId!: string;
  @Field(() => EngagementStatusEnum) status!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => Participant, {
    nullable: true,
    description: "The mentor's profile (profiles subgraph); null once erased or if you may not see it",
  })
  mentor!: Participant;
  @Field(() => Participant, {
    nullable: true,
    description: "The mentee's profile (profiles subgraph); null once erased or if you may not see it",
  })
  mentee!: Participant;
  @Field(() => HealthStatusEnum) health!: string;
  @Field(() => [AgreementVersion]) agreements!: AgreementVersion[];
  @Field(() => [Goal]) goals!: Goal[];
  @Field(() => [ActionItem]) actionItems!: ActionItem[];
  @Field(() => [Resource]) resources!: Resource[];
  @Field(() => [Reflection]) myReflections!: Reflection[];
  @Field(() => [Introduction]) introductions!: Introduction[];
  @Field(() => [Session], { description: 'Sessions of this mentorship, earliest first, times in the viewer’s zone' })
  sessions!: Session[];
  @Field(() => FeedbackSummary, { description: 'Ratings of the pair’s sessions' }) feedbackSummary!: FeedbackSummary;
  @Field(() => ViewerRoleEnum, {
    description: 'How you see it: MENTOR, MENTEE or MANAGER (managers see no reflections or contacts)',
  })
  viewerRole!: string;
}

@InputType()
export class ScheduleSessionInput {
  @Field(() => ID) mentorshipId!: string;
  @Field({ description: 'UTC, e.g. 2026-03-30T16:00:00Z' }) startsAt!: string;
  @Field() endsAt!: string;
  @Field({ description: "The organizer's IANA time zone" }) timezone!: string;
  @Field(() => SessionModeEnum) mode!: 'virtual' | 'in-person';
  @Field(() => String, { nullable: true }) meetingLink?: string;
  @Field(() => String, { nullable: true }) location?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field({ defaultValue: false, description: "Schedule even outside someone's stated availability" })
  overrideAvailability!: boolean;
}

@InputType()
export class AgreementInput {
  @Field(() => MeetingCadenceEnum) cadence!: 'weekly' | 'fortnightly' | 'monthly';
  @Field(() => Int) sessionMinutes!: number;
  @Field(() => Int) durationMonths!: number;
  @Field(() => [ChannelEnum]) channels!: Array<'video' | 'phone' | 'in-person' | 'chat' | 'email'>;
  @Field(() => String, { nullable: true }) expectations?: string;
  @Field(() => String, { nullable: true }) boundaries?: string;
  @Field(() => String, { nullable: true }) confidentiality?: string;
}
