import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

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
}

@ObjectType()
export class AgreementVersion {
  @Field(() => Int) version!: number;
  @Field() status!: string;
  @Field(() => Int, { nullable: true }) amendsVersion!: number | null;
  @Field(() => ID) proposedByPersonId!: string;
  @Field(() => [ID]) signedBy!: string[];
  @Field(() => MeetingCadenceEnum) cadence!: string;
  @Field(() => Int) sessionMinutes!: number;
  @Field(() => Int) durationMonths!: number;
  @Field(() => [ChannelEnum]) channels!: string[];
  @Field(() => String, { nullable: true }) expectations!: string | null;
}

@ObjectType()
export class Goal {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() status!: string;
  @Field(() => Int) progressPercent!: number;
  @Field() targetDate!: string;
  @Field(() => ID) ownerPersonId!: string;
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
  @Field() status!: string;
  @Field(() => ID) mentorPersonId!: string;
  @Field(() => ID) menteePersonId!: string;
  @Field(() => HealthStatusEnum) health!: string;
  @Field(() => [AgreementVersion]) agreements!: AgreementVersion[];
  @Field(() => [Goal]) goals!: Goal[];
  @Field(() => [ActionItem]) actionItems!: ActionItem[];
  @Field(() => [Resource]) resources!: Resource[];
  @Field(() => [Reflection]) myReflections!: Reflection[];
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
