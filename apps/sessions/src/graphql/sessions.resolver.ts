import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@trellis/shared/auth';
import { CurrentPrincipal } from '@trellis/shared/graphql';
import { CalendarFeeds } from '../calendar/calendar-feeds';
import { type Actor, SessionsService } from '../sessions/sessions.service';
import {
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
const actorOf = (principal: Principal): Actor => ({ tenantId: principal.tenantId, personId: principal.personId });

/**
 * The sessions subgraph. Who may do what is decided by the deciders (the pair of a mentorship, the attendees and host
 * of a session) and the tenant comes from the verified token, so ids of other organizations read as missing.
 */
@Resolver(() => Session)
export class SessionsResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly feeds: CalendarFeeds,
  ) {}

  @Mutation(() => String, {
    description:
      'A new private calendar feed URL path (/calendar/feeds/<token>.ics) with all your sessions; shown once',
  })
  async createCalendarFeed(@CurrentPrincipal() principal: Principal): Promise<string> {
    return `/calendar/feeds/${await this.feeds.create(principal.tenantId, principal.personId)}.ics`;
  }

  @Mutation(() => Int, { description: 'Retires every calendar feed URL you created; returns how many' })
  revokeCalendarFeeds(@CurrentPrincipal() principal: Principal): Promise<number> {
    return this.feeds.revokeAll(principal.tenantId, principal.personId);
  }

  @Query(() => Engagement, { description: 'The engagement of a mentorship you are part of' })
  engagement(@CurrentPrincipal() principal: Principal, @Args('mentorshipId', { type: () => ID }) mentorshipId: string) {
    return this.sessions.engagementView(actorOf(principal), mentorshipId);
  }

  @Query(() => Session, { description: 'A session you host or are invited to' })
  async session(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args(viewerZoneArg) viewerTimeZone: string,
  ) {
    const actor = actorOf(principal);
    return this.sessions.sessionView(actor, await this.sessions.sessionFor(actor, id), viewerTimeZone);
  }

  @Query(() => String, { description: 'The session as an iCalendar (RFC 5545) invitation' })
  sessionCalendar(@CurrentPrincipal() principal: Principal, @Args('id', { type: () => ID }) id: string) {
    return this.sessions.calendar(
      actorOf(principal),
      id,
      process.env['TRELLIS_CALENDAR_UID_DOMAIN'] ?? 'trellis.local',
    );
  }

  @Mutation(() => Engagement)
  async proposeAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('agreement') agreement: AgreementInput,
  ) {
    const actor = actorOf(principal);
    await this.sessions.proposeAgreement(actor, mentorshipId, agreement);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async signAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('version', { type: () => Int }) version: number,
  ) {
    const actor = actorOf(principal);
    await this.sessions.signAgreement(actor, mentorshipId, version);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async setGoal(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('title') title: string,
    @Args('targetDate', { description: 'YYYY-MM-DD' }) targetDate: string,
    @Args('timezone', { description: 'Your IANA zone: decides what "today" is' }) timezone: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.setGoal(actor, mentorshipId, { title, targetDate, timezone });
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async amendAgreement(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('agreement') agreement: AgreementInput,
  ) {
    const actor = actorOf(principal);
    await this.sessions.amendAgreement(actor, mentorshipId, agreement);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async updateGoalProgress(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
    @Args('progressPercent', { type: () => Int }) progressPercent: number,
    @Args('note', { type: () => String, nullable: true }) note?: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.updateGoalProgress(actor, mentorshipId, goalId, progressPercent, note ?? undefined);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async achieveGoal(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.achieveGoal(actor, mentorshipId, goalId);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async addActionItem(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('title') title: string,
    @Args('ownerPersonId', { type: () => ID }) ownerPersonId: string,
    @Args('dueDate', { description: 'YYYY-MM-DD' }) dueDate: string,
    @Args('timezone', { description: 'Your IANA zone: decides what "today" is' }) timezone: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.addActionItem(actor, mentorshipId, { title, ownerPersonId, dueDate, timezone });
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement)
  async completeActionItem(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('actionItemId', { type: () => ID }) actionItemId: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.completeActionItem(actor, mentorshipId, actionItemId);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement, { description: 'Mentors recommend a workshop, course, article, event…' })
  async recommendResource(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('kind', { type: () => ResourceKindEnum }) kind: (typeof ResourceKindEnum)[keyof typeof ResourceKindEnum],
    @Args('title') title: string,
    @Args('link', { type: () => String, nullable: true }) link?: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.recommendResource(actor, mentorshipId, { kind, title, ...(link ? { link } : {}) });
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Engagement, { description: 'A private reflection (encrypted; only you read it)' })
  async writeReflection(
    @CurrentPrincipal() principal: Principal,
    @Args('mentorshipId', { type: () => ID }) mentorshipId: string,
    @Args('text') text: string,
  ) {
    const actor = actorOf(principal);
    await this.sessions.writeReflection(actor, mentorshipId, text);
    return this.sessions.engagementView(actor, mentorshipId);
  }

  @Mutation(() => Session)
  async scheduleSession(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ScheduleSessionInput,
    @Args(commandIdArg) commandId?: string,
  ) {
    const actor = actorOf(principal);
    const state = await this.sessions.scheduleOneOnOne(actor, input, commandId ? { commandId } : {});
    return this.sessions.sessionView(actor, state, input.timezone);
  }

  @Mutation(() => Session)
  async rescheduleSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('startsAt') startsAt: string,
    @Args('endsAt') endsAt: string,
    @Args('timezone', { type: () => String, nullable: true }) timezone?: string,
    @Args('overrideAvailability', { defaultValue: false }) overrideAvailability?: boolean,
  ) {
    const actor = actorOf(principal);
    const state = await this.sessions.reschedule(actor, id, {
      startsAt,
      endsAt,
      ...(timezone ? { timezone } : {}),
      overrideAvailability: overrideAvailability === true,
    });
    return this.sessions.sessionView(actor, state, state.timezone);
  }

  @Mutation(() => Session)
  async cancelSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => CancellationReasonEnum })
    reason: (typeof CancellationReasonEnum)[keyof typeof CancellationReasonEnum],
  ) {
    const actor = actorOf(principal);
    return this.sessions.sessionView(actor, await this.sessions.cancel(actor, id, reason), 'UTC');
  }

  @Mutation(() => Session)
  async respondToSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('response', { type: () => RsvpResponseEnum })
    response: (typeof RsvpResponseEnum)[keyof typeof RsvpResponseEnum],
  ) {
    const actor = actorOf(principal);
    return this.sessions.sessionView(actor, await this.sessions.respond(actor, id, response), 'UTC');
  }

  @Mutation(() => Session)
  async completeSession(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('sharedNotes', { type: () => String, nullable: true }) sharedNotes?: string,
  ) {
    const actor = actorOf(principal);
    const state = await this.sessions.complete(actor, id, sharedNotes ? { sharedNotes } : {});
    return this.sessions.sessionView(actor, state, 'UTC');
  }

  @Mutation(() => Session)
  async submitSessionFeedback(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int }) rating: number,
    @Args('wentWell', { type: () => String, nullable: true }) wentWell?: string,
    @Args('toImprove', { type: () => String, nullable: true }) toImprove?: string,
    @Args('comment', { type: () => String, nullable: true }) comment?: string,
  ) {
    const actor = actorOf(principal);
    const state = await this.sessions.submitFeedback(actor, id, {
      rating,
      ...(wentWell ? { wentWell } : {}),
      ...(toImprove ? { toImprove } : {}),
      ...(comment ? { comment } : {}),
    });
    return this.sessions.sessionView(actor, state, 'UTC');
  }
}
