import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { calendarUidDomainFromEnv } from '@trellis/sessions/contracts';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import type { Actor } from '../core/actor';
import { EngagementCommandsService } from '../engagements/engagement-commands.service';
import { SchedulingService } from '../scheduling/scheduling.service';
import { SessionCommandsService } from '../scheduling/session-commands.service';
import { SessionsQueryService } from '../views/sessions-query.service';
import {
  AttendanceInput,
  ContactInput,
  GoalAbandonReasonEnum,
  MilestoneInput,
  ScheduleGroupSessionInput,
  SmartInput,
  AgreementInput,
  CancellationReasonEnum,
  Engagement,
  ResourceKindEnum,
  RsvpResponseEnum,
  ScheduleSessionInput,
  Session,
} from './sessions.types';

const commandIdArg = { name: 'commandId', type: () => ID, nullable: true, description: 'Idempotency key for retries' };
const viewerZoneArg = {
  name: 'viewerTimeZone',
  type: () => String,
  defaultValue: 'UTC',
  description: 'IANA zone in which `localStart` is shown',
};
const optionalZoneArg = {
  name: 'viewerTimeZone',
  type: () => String,
  nullable: true,
  description: 'IANA zone in which the returned local times are shown',
};
const actorOf = (principal: Principal, commandId?: string): Actor => ({
  tenantId: principal.tenantId,
  personId: principal.personId,
  orgAdmin: principal.orgAdmin === true,
  ...(commandId ? { commandId } : {}),
});

/**
 * The sessions subgraph. Who may do what is decided by the deciders (the pair of a mentorship, the attendees and host
 * of a session) and the tenant comes from the verified token, so ids of other organizations read as missing.
 */
@Resolver(() => Session)
export class SessionsResolver {
  constructor(
    private readonly scheduling: SchedulingService,
    private readonly sessionCommands: SessionCommandsService,
    private readonly engagements: EngagementCommandsService,
    private readonly queries: SessionsQueryService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Mutation(() => String, {
    description:
      'A new private calendar feed URL path (/calendar/feeds/<token>.ics) with all your sessions; shown once',
  })
  async createCalendarFeed(
    @CurrentPrincipal() principal: Principal,
    @Args(commandIdArg) commandId?: string,
  ): Promise<string> {
    return `/calendar/feeds/${await this.feeds.create(principal.tenantId, principal.personId, commandId)}.ics`;
  }

  @Mutation(() => Int, { description: 'Retires every calendar feed URL you created; returns how many' })
  revokeCalendarFeeds(
    @CurrentPrincipal() principal: Principal,
    @Args(commandIdArg) commandId?: string,
  ): Promise<number> {
    return this.feeds.revokeAll(principal.tenantId, principal.personId, commandId);
  }

  @Query(() => Engagement, {
    description: 'The engagement of a mentorship you are part of, or of a program you manage (no private entries)',
  })
  engagement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args(viewerZoneArg) viewerTimeZone: string,
  ) {
    return this.queries.engagementView(actorOf(principal), mentorshipId, viewerTimeZone);
  }

  @Query(() => [Engagement], { description: 'Every engagement of a program you manage (no private entries)' })
  programEngagements(
    @CurrentPrincipal() principal: Principal,
    @Args('programId', { type: () => ID }) programId: string,
    @Args(viewerZoneArg) viewerTimeZone: string,
  ) {
    return this.queries.programEngagements(actorOf(principal), programId, viewerTimeZone);
  }

  @Query(() => Session, { description: 'A session you host or are invited to, or one of a program you manage' })
  async session(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args(viewerZoneArg) viewerTimeZone: string,
  ) {
    const actor = actorOf(principal);
    const { session, manager } = await this.queries.sessionForReader(actor, id);
    return this.queries.sessionView(actor, session, viewerTimeZone, { manager });
  }

  @Query(() => String, { description: 'The session as an iCalendar (RFC 5545) invitation' })
  sessionCalendar(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.queries.calendar(actorOf(principal), id, calendarUidDomainFromEnv(process.env));
  }

  @Mutation(() => Engagement)
  async proposeAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('agreement') agreement: AgreementInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.proposeAgreement(actor, mentorshipId, agreement);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async signAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('version', { type: () => Int }) version: number,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.signAgreement(actor, mentorshipId, version);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async setGoal(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('title') title: string,
    @Args('targetDate', { description: 'YYYY-MM-DD' }) targetDate: string,
    @Args('timezone', { description: 'Your IANA zone: decides what "today" is' }) timezone: string,
    @Args('ownerPersonId', { type: () => ID, nullable: true, description: 'The mentee unless said otherwise' })
    ownerPersonId?: string,
    @Args('smart', { type: () => SmartInput, nullable: true }) smart?: SmartInput,
    @Args('milestones', { type: () => [MilestoneInput], nullable: true }) milestones?: MilestoneInput[],
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.setGoal(actor, mentorshipId, {
      title,
      targetDate,
      timezone,
      ownerPersonId: ownerPersonId ?? undefined,
      smart: smart ? definedStrings(smart) : undefined,
      milestones: milestones?.map((m) => ({ title: m.title, targetDate: m.targetDate ?? undefined })),
    });
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async amendAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('agreement') agreement: AgreementInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.amendAgreement(actor, mentorshipId, agreement);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async updateGoalProgress(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('progressPercent', { type: () => Int }) progressPercent: number,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.updateGoalProgress(actor, mentorshipId, goalId, progressPercent, note ?? undefined);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async achieveGoal(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.achieveGoal(actor, mentorshipId, goalId);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async addActionItem(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('title') title: string,
    @Args('ownerPersonId', { type: () => ID }) ownerPersonId: string,
    @Args('dueDate', { description: 'YYYY-MM-DD' }) dueDate: string,
    @Args('timezone', { description: 'Your IANA zone: decides what "today" is' }) timezone: string,
    @Args('goalId', { type: () => ID, nullable: true }) goalId?: string,
    @Args('sessionId', { type: () => ID, nullable: true }) sessionId?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.addActionItem(actor, mentorshipId, {
      title,
      ownerPersonId,
      dueDate,
      timezone,
      goalId: goalId ?? undefined,
      sessionId: sessionId ?? undefined,
    });
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async completeActionItem(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('actionItemId', { type: () => ID }) actionItemId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.completeActionItem(actor, mentorshipId, actionItemId);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement, { description: 'Mentors recommend a workshop, course, article, event…' })
  async recommendResource(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('kind', { type: () => ResourceKindEnum }) kind: (typeof ResourceKindEnum)[keyof typeof ResourceKindEnum],
    @Args('title') title: string,
    @Args('link', { type: () => String, nullable: true }) link?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.recommendResource(actor, mentorshipId, { kind, title, ...(link ? { link } : {}) });
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement, { description: 'A private reflection (encrypted; only you read it)' })
  async writeReflection(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('text') text: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.writeReflection(actor, mentorshipId, text);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Session)
  async scheduleSession(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ScheduleSessionInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal);
    const state = await this.scheduling.scheduleOneOnOne(actor, input, commandId ? { commandId } : {});
    return this.queries.sessionView(actor, state, input.timezone);
  }

  @Mutation(() => Session)
  async rescheduleSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('startsAt') startsAt: string,
    @Args('endsAt') endsAt: string,
    @Args('timezone', { type: () => String, nullable: true }) timezone?: string,
    @Args('overrideAvailability', { defaultValue: false }) overrideAvailability?: boolean,
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.scheduling.reschedule(actor, id, {
      startsAt,
      endsAt,
      ...(timezone ? { timezone } : {}),
      overrideAvailability: overrideAvailability === true,
    });
    return this.queries.sessionView(actor, state, viewerTimeZone ?? state.timezone);
  }

  @Mutation(() => Session)
  async cancelSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => CancellationReasonEnum })
    reason: (typeof CancellationReasonEnum)[keyof typeof CancellationReasonEnum],
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    return this.queries.sessionView(actor, await this.scheduling.cancel(actor, id, reason), viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Session)
  async respondToSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('response', { type: () => RsvpResponseEnum })
    response: (typeof RsvpResponseEnum)[keyof typeof RsvpResponseEnum],
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    return this.queries.sessionView(
      actor,
      await this.sessionCommands.respond(actor, id, response),
      viewerTimeZone ?? 'UTC',
    );
  }

  @Mutation(() => Session)
  async completeSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('sharedNotes', { type: () => String, nullable: true }) sharedNotes?: string,
    @Args('attendance', {
      type: () => [AttendanceInput],
      nullable: true,
      description: 'Unmarked attendees count as present unless they declined',
    })
    attendance?: AttendanceInput[],
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.sessionCommands.complete(actor, id, {
      ...(sharedNotes ? { sharedNotes } : {}),
      ...(attendance ? { attendance: attendance.map((a) => ({ personId: a.personId, status: a.status })) } : {}),
    });
    return this.queries.sessionView(actor, state, viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Session)
  async submitSessionFeedback(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('wentWell', { type: () => String, nullable: true }) wentWell?: string,
    @Args('toImprove', { type: () => String, nullable: true }) toImprove?: string,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.sessionCommands.submitFeedback(actor, id, {
      rating,
      ...(wentWell ? { wentWell } : {}),
      ...(toImprove ? { toImprove } : {}),
      ...(comment ? { comment } : {}),
    });
    return this.queries.sessionView(actor, state, viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Session, {
    description: 'A group session you host: invited participants of the program, a size limit',
  })
  async scheduleGroupSession(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ScheduleGroupSessionInput,
    @Args(commandIdArg) commandId?: string,
    @Args(optionalZoneArg) viewerTimeZone?: string,
  ) {
    const actor = actorOf(principal);
    const state = await this.scheduling.scheduleGroup(
      actor,
      {
        programId: input.programId,
        circleId: input.circleId ?? undefined,
        mentorshipId: input.mentorshipId ?? undefined,
        inviteePersonIds: input.inviteePersonIds,
        capacity: input.capacity,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timezone: input.timezone,
        overrideAvailability: input.overrideAvailability === true,
        mode: input.mode,
        ...(input.meetingLink ? { meetingLink: input.meetingLink } : {}),
        ...(input.location ? { location: input.location } : {}),
        ...(input.title ? { title: input.title } : {}),
      },
      commandId ? { commandId } : {},
    );
    return this.queries.sessionView(actor, state, viewerTimeZone ?? input.timezone);
  }

  @Mutation(() => Session, { description: 'Who came (host of a group session, either side of a one-on-one)' })
  async recordAttendance(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('attendance', { type: () => [AttendanceInput] }) attendance: AttendanceInput[],
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.sessionCommands.recordAttendance(
      actor,
      id,
      attendance.map((a) => ({ personId: a.personId, status: a.status })),
    );
    return this.queries.sessionView(actor, state, viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Session, { description: 'Shared notes of a completed session (editable by their author only)' })
  async writeSharedNotes(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.sessionCommands.writeSharedNotes(actor, id, text);
    return this.queries.sessionView(actor, state, viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Session, { description: 'A private note on a session (encrypted; only you read it)' })
  async writePrivateNote(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
    @Args('noteId', { type: () => ID, nullable: true, description: 'Edit this note of yours instead of adding one' })
    noteId?: string,
    @Args(optionalZoneArg) viewerTimeZone?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    const state = await this.sessionCommands.writePrivateNote(actor, id, text, noteId ?? undefined);
    return this.queries.sessionView(actor, state, viewerTimeZone ?? 'UTC');
  }

  @Mutation(() => Engagement)
  async addMilestone(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('title') title: string,
    @Args('timezone', { description: 'Your IANA zone: decides what "today" is' }) timezone: string,
    @Args('targetDate', { type: () => String, nullable: true, description: 'YYYY-MM-DD' }) targetDate?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.addMilestone(actor, mentorshipId, goalId, {
      title,
      timezone,
      targetDate: targetDate ?? undefined,
    });
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async reachMilestone(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('milestoneId', { type: () => ID }) milestoneId: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.reachMilestone(actor, mentorshipId, goalId, milestoneId);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async abandonGoal(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('reason', { type: () => GoalAbandonReasonEnum })
    reason: (typeof GoalAbandonReasonEnum)[keyof typeof GoalAbandonReasonEnum],
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.abandonGoal(actor, mentorshipId, goalId, reason, note ?? undefined);
    return this.queries.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement, {
    description: 'The mentor introduces the mentee to another participant or to a contact (details encrypted)',
  })
  async makeIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('toPersonId', { type: () => ID, nullable: true }) toPersonId?: string,
    @Args('contact', { type: () => ContactInput, nullable: true }) contact?: ContactInput,
    @Args('note', { type: () => String, nullable: true }) note?: string,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal, commandId);
    await this.engagements.makeIntroduction(actor, mentorshipId, {
      toPersonId: toPersonId ?? undefined,
      contact: contact
        ? {
            name: contact.name,
            email: contact.email ?? undefined,
            phone: contact.phone ?? undefined,
            organization: contact.organization ?? undefined,
          }
        : undefined,
      note: note ?? undefined,
    });
    return this.queries.engagementView(actor, mentorshipId);
  }
}

/** GraphQL hands absent optional fields over as null or undefined; the service wants strings or nothing. */
function definedStrings<T extends object>(input: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => typeof v === 'string' && v.length > 0)) as Partial<
    Record<keyof T, string>
  >;
}
