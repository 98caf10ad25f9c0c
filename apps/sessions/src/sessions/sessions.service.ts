import { randomUUID } from 'node:crypto';
import { participantIdFor } from '@trellis/profiles/contracts';
import type {
  CancellationReason,
  CommunicationChannel,
  GoalAbandonReason,
  MeetingCadence,
  ResourceKind,
  RsvpResponse,
} from '@trellis/sessions/contracts';
import {
  canReadFeedback,
  canReadReflection,
  checkSessionTime,
  type SchedulingContext,
  type FeedbackVisibility,
  type IntroductionTarget,
  sessionAttendees,
  checkText,
  forViewer,
  type ViewerTime,
  sessionIcs,
  type AgreementTerms,
  type Attendance,
  type EngagementState,
  type Goal,
  type SessionState,
  type TextField,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import type { SealedText as Sealed } from '@trellis/shared/kernel';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { ERASED, isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
import type { CalendarReservations } from '../core/calendar-reservations';
import type { SessionsReadModels } from '../core/read-models';
import type { SessionsStore } from '../core/sessions-store';
import type { AvailabilityDirectory } from '../profiles/participant-availability.projection';

export interface Actor {
  tenantId: string;
  personId: string;
  /** Org admins read like the managers of every program of their organization. */
  orgAdmin?: boolean;
  /** The client's idempotency key of the mutation: a retry with it gets the stream's answer instead of a refusal. */
  commandId?: string;
}

export type ViewerRole = 'mentor' | 'mentee' | 'manager';

/** A participant as the profiles subgraph's entity: the gateway fetches the fields a client asks for, in one batch. */
export interface ParticipantRef {
  id: string;
}
const participantIn = (programId: string, personId: string): ParticipantRef => ({
  id: participantIdFor(programId, personId),
});

/**
 * Who besides the author reads a piece of feedback. Profiles' program settings carry no such field yet, so every
 * program gets this default; `feedbackPolicy` is the one place to read a program's own policy once profiles has it.
 */
export const DEFAULT_FEEDBACK_VISIBILITY: FeedbackVisibility = 'author-and-managers';

type Note = { id: string | null; authorPersonId: string; text: string; writtenAt: string };
type Summary = { count: number; averageRating: number | null };

export interface SessionView {
  id: string;
  kind: string;
  status: string;
  programId: string;
  circleId: string | null;
  mentorshipId: string | null;
  hostPersonId: string;
  inviteePersonIds: string[];
  capacity: number;
  mode: string;
  place: string | null;
  title: string | null;
  startsAt: string;
  endsAt: string;
  timezone: string;
  localStart: ViewerTime;
  localEnd: ViewerTime;
  sequence: number;
  myRsvp: string | null;
  attendees: Array<{
    personId: string;
    participantId: string;
    participant: ParticipantRef;
    host: boolean;
    rsvp: string | null;
    attendance: string | null;
  }>;
  sharedNotes: Note | null;
  myPrivateNotes: Note[];
  feedback: Array<{
    personId: string;
    rating: number;
    wentWell: string | null;
    toImprove: string | null;
    comment: string | null;
    submittedAt: string;
  }>;
  feedbackSummary: Summary;
  completedAt: string | null;
  cancellationReason: string | null;
}

export interface GoalView {
  id: string;
  title: string;
  status: string;
  progressPercent: number;
  targetDate: string;
  ownerPersonId: string;
  setByPersonId: string;
  smart: Record<'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound', string | null>;
  milestones: Array<{ id: string; title: string; targetDate: string | null; reachedAt: string | null }>;
  progress: Array<{ progressPercent: number; updatedByPersonId: string; at: string; note: string | null }>;
  achievedAt: string | null;
  abandonReason: string | null;
}

export interface EngagementView {
  mentorshipId: string;
  programId: string;
  status: string;
  mentorPersonId: string;
  menteePersonId: string;
  mentor: ParticipantRef;
  mentee: ParticipantRef;
  health: string;
  viewerRole: string;
  agreements: Array<Record<string, unknown>>;
  goals: GoalView[];
  actionItems: Array<Record<string, unknown> & { id: string; title: string; done: boolean }>;
  resources: Array<{ id: string; kind: string; title: string; link: string | null }>;
  introductions: Array<Record<string, unknown>>;
  /** The viewer's own reflections only. */
  myReflections: Array<{ id: string; text: string; updatedAt: string }>;
  sessions: SessionView[];
  feedbackSummary: Summary;
}

export interface ContactInput {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  organization?: string | undefined;
}

export interface AgreementTextInput {
  cadence: MeetingCadence;
  sessionMinutes: number;
  durationMonths: number;
  channels: CommunicationChannel[];
  expectations?: string;
  boundaries?: string;
  confidentiality?: string;
}

export interface TimeInput {
  startsAt: string;
  endsAt: string;
  timezone: string;
  /** Schedule even outside someone's stated availability. */
  overrideAvailability?: boolean;
}

export interface PlaceInput {
  mode: 'virtual' | 'in-person';
  meetingLink?: string;
  location?: string;
  title?: string;
}

/** What the service reads from other services' events (its own read models of them). */
export interface SessionsDirectory {
  availability: AvailabilityDirectory;
  /** Who manages which program (the shared memberships read model). */
  memberships: MembershipDirectory;
  /** Each person's booked times, the race-free source of the overlap rule. */
  reservations: CalendarReservations;
}

/**
 * The sessions use cases: checks free text by the domain's rules, seals it with the author's key, gathers the
 * scheduling facts from the read models (who is busy when), and runs the command on the event store.
 */
export class SessionsService {
  constructor(
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly keys: PersonKeyStore,
    private readonly directory: SessionsDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private async seal(
    actor: Actor,
    field: TextField,
    text: string | undefined,
    label: string,
  ): Promise<Sealed | undefined> {
    const plain = checkText(field, text, label);
    return plain === undefined ? undefined : this.keys.encrypt(actor.tenantId, actor.personId, plain);
  }

  private async open(value: Sealed | undefined): Promise<string | undefined> {
    return value && isEncryptedField(value) ? this.keys.decrypt(value) : undefined;
  }

  private async place(actor: Actor, input: PlaceInput) {
    return {
      mode: input.mode,
      meetingLink:
        input.mode === 'virtual' ? await this.seal(actor, 'meetingLink', input.meetingLink, 'Meeting link') : undefined,
      location: input.mode === 'in-person' ? await this.seal(actor, 'location', input.location, 'Location') : undefined,
      title: await this.seal(actor, 'sessionTitle', input.title, 'Title'),
    };
  }

  private async schedulingContext(actor: Actor, programId: string, personIds: string[], time: TimeInput) {
    const canonical = (value: string) => (Number.isNaN(Date.parse(value)) ? value : new Date(value).toISOString());
    return {
      busy: await this.readModels.busy(actor.tenantId, personIds, canonical(time.startsAt), canonical(time.endsAt)),
      // Each attendee's windows as stated in this program's profile (from the profiles topic).
      availability: await this.directory.availability.forProgram(actor.tenantId, programId, personIds),
      overrideAvailability: time.overrideAvailability === true,
    };
  }

  async scheduleOneOnOne(
    actor: Actor,
    input: { mentorshipId: string } & TimeInput & PlaceInput,
    options: { sessionId?: string; commandId?: string } = {},
  ): Promise<SessionState> {
    const engagement = await this.store.loadEngagement(actor.tenantId, input.mentorshipId);
    if (engagement.status !== 'open') throw new DomainError('CONFLICT', 'This mentorship has ended.');
    const pair = { mentorPersonId: engagement.mentorPersonId, menteePersonId: engagement.menteePersonId };
    const other = actor.personId === pair.mentorPersonId ? pair.menteePersonId : pair.mentorPersonId;
    // A retry with the same command id addresses the same session.
    const commandId = options.commandId ?? actor.commandId;
    const sessionId = options.sessionId ?? commandId ?? randomUUID();
    if (commandId) {
      const retried = await this.store.retriedSession(this.commandContext({ ...actor, commandId }), sessionId);
      if (retried) return retried;
    }
    const attendees = [actor.personId, other];
    const scheduling = await this.schedulingContext(actor, engagement.programId, attendees, input);
    const run = async () =>
      this.store.executeSession(
        { tenantId: actor.tenantId, actor: actor.personId, ...withCommandId(commandId) },
        sessionId,
        {
          type: 'ScheduleSession',
          actor: actor.personId,
          now: this.now(),
          sessionId,
          programId: engagement.programId,
          kind: 'one-on-one',
          mentorshipId: input.mentorshipId,
          pair,
          inviteePersonIds: [other],
          ...(await this.place(actor, input)),
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          timezone: input.timezone,
          scheduling,
        },
      );
    // Someone outside the pair is refused by the decider; they reserve nobody's time on the way.
    const inPair = actor.personId === pair.mentorPersonId || actor.personId === pair.menteePersonId;
    const { state } = inPair
      ? await this.withReservation(actor, sessionId, attendees, input, scheduling, run)
      : await run();
    return state;
  }

  async scheduleGroup(
    actor: Actor,
    input: {
      programId: string;
      circleId?: string | undefined;
      mentorshipId?: string | undefined;
      inviteePersonIds: string[];
      capacity: number;
    } & TimeInput &
      PlaceInput,
    options: { sessionId?: string; commandId?: string } = {},
  ): Promise<SessionState> {
    await this.requireGroupMembers(actor, input.programId, input.inviteePersonIds);
    // A retry with the same command id addresses the same session.
    const commandId = options.commandId ?? actor.commandId;
    const sessionId = options.sessionId ?? commandId ?? randomUUID();
    if (commandId) {
      const retried = await this.store.retriedSession(this.commandContext({ ...actor, commandId }), sessionId);
      if (retried) return retried;
    }
    const attendees = [actor.personId, ...input.inviteePersonIds];
    const scheduling = await this.schedulingContext(actor, input.programId, attendees, input);
    const place = await this.place(actor, input);
    const { state } = await this.withReservation(actor, sessionId, attendees, input, scheduling, () =>
      this.store.executeSession(
        { tenantId: actor.tenantId, actor: actor.personId, ...withCommandId(commandId) },
        sessionId,
        {
          type: 'ScheduleSession',
          actor: actor.personId,
          now: this.now(),
          sessionId,
          programId: input.programId,
          ...(input.mentorshipId ? { mentorshipId: input.mentorshipId } : {}),
          kind: 'group',
          ...(input.circleId ? { circleId: input.circleId } : {}),
          inviteePersonIds: input.inviteePersonIds,
          capacity: input.capacity,
          ...place,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          timezone: input.timezone,
          scheduling,
        },
      ),
    );
    return state;
  }

  /**
   * A group session is hosted by a participant or manager of the program and invites its participants only (from the
   * memberships read model); an unknown program reads as missing.
   */
  private async requireGroupMembers(actor: Actor, programId: string, inviteePersonIds: string[]): Promise<void> {
    const memberships = this.directory.memberships;
    if (!(await memberships.programExists(actor.tenantId, programId))) {
      throw new DomainError('NOT_FOUND', 'There is no such program.');
    }
    const host = await memberships.membership(actor.tenantId, programId, actor.personId);
    if (!actor.orgAdmin && (!host || host.status === 'paused')) {
      throw new DomainError('FORBIDDEN', 'Only active participants and managers of this program host its sessions.');
    }
    for (const personId of [...new Set(inviteePersonIds)]) {
      const invitee = await memberships.membership(actor.tenantId, programId, personId);
      if (!invitee) {
        throw new DomainError('BAD_USER_INPUT', `Person ${personId} is not part of this program.`, {
          field: 'inviteePersonIds',
          personId,
        });
      }
    }
  }

  async reschedule(actor: Actor, sessionId: string, time: Omit<TimeInput, 'timezone'> & { timezone?: string }) {
    const retried = await this.store.retriedSession(this.commandContext(actor), sessionId);
    if (retried) return retried;
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    const attendees = [session.hostPersonId, ...session.inviteePersonIds];
    const context = await this.schedulingContext(actor, session.programId, attendees, {
      ...time,
      timezone: time.timezone ?? session.timezone,
    });
    const run = () =>
      this.runSession(actor, sessionId, {
        type: 'RescheduleSession',
        actor: actor.personId,
        now: this.now(),
        startsAt: time.startsAt,
        endsAt: time.endsAt,
        ...(time.timezone ? { timezone: time.timezone } : {}),
        scheduling: context,
      });
    const organizer =
      session.kind === 'one-on-one' ? attendees.includes(actor.personId) : session.hostPersonId === actor.personId;
    if (session.status !== 'scheduled' || !organizer) return run();
    return this.withReservation(actor, sessionId, attendees, time, context, run, {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    });
  }

  async cancel(actor: Actor, sessionId: string, reason: CancellationReason) {
    const state = await this.runSession(actor, sessionId, {
      type: 'CancelSession',
      actor: actor.personId,
      now: this.now(),
      reason,
    });
    await this.directory.reservations.release(actor.tenantId, sessionAttendees(state), sessionId, this.now());
    return state;
  }

  /**
   * Books the attendees' time in their calendars (race-free: one version-checked document per person) before the
   * session is stored, and gives it back if storing fails: of two bookings racing for someone's hour, exactly one
   * reaches the event store. The time is validated first, so a refused time never holds anyone's calendar.
   */
  private async withReservation<T>(
    actor: Actor,
    sessionId: string,
    attendees: string[],
    time: { startsAt: string; endsAt: string },
    scheduling: SchedulingContext,
    run: () => Promise<T>,
    previous?: { startsAt: string; endsAt: string },
  ): Promise<T> {
    const now = this.now();
    const checked = checkSessionTime(time, attendees, now, scheduling, sessionId);
    const reservations = this.directory.reservations;
    await reservations.reserve(actor.tenantId, attendees, { sessionId, ...checked }, now);
    try {
      return await run();
    } catch (error) {
      if (previous)
        await reservations.reserve(actor.tenantId, attendees, { sessionId, ...previous }, now).catch(() => undefined);
      else await reservations.release(actor.tenantId, attendees, sessionId, now);
      throw error;
    }
  }

  respond(actor: Actor, sessionId: string, response: RsvpResponse) {
    return this.runSession(actor, sessionId, {
      type: 'RespondToInvitation',
      actor: actor.personId,
      now: this.now(),
      response,
    });
  }

  recordAttendance(actor: Actor, sessionId: string, attendance: Attendance[]) {
    return this.runSession(actor, sessionId, {
      type: 'RecordAttendance',
      actor: actor.personId,
      now: this.now(),
      attendance,
    });
  }

  async complete(actor: Actor, sessionId: string, input: { sharedNotes?: string; attendance?: Attendance[] } = {}) {
    const notes =
      input.sharedNotes === undefined ? undefined : await this.seal(actor, 'notes', input.sharedNotes, 'Notes');
    return this.runSession(actor, sessionId, {
      type: 'CompleteSession',
      actor: actor.personId,
      now: this.now(),
      ...(notes ? { sharedNotes: notes } : {}),
      ...(input.attendance ? { attendance: input.attendance } : {}),
    });
  }

  async writePrivateNote(actor: Actor, sessionId: string, text: string, noteId: string = randomUUID()) {
    const sealed = await this.seal(actor, 'notes', text, 'Notes');
    return this.runSession(actor, sessionId, {
      type: 'WritePrivateNote',
      actor: actor.personId,
      now: this.now(),
      noteId,
      text: sealed!,
    });
  }

  async submitFeedback(
    actor: Actor,
    sessionId: string,
    input: { rating: number; wentWell?: string; toImprove?: string; comment?: string },
  ) {
    const [wentWell, toImprove, comment] = await Promise.all([
      this.seal(actor, 'feedbackText', input.wentWell, 'What went well'),
      this.seal(actor, 'feedbackText', input.toImprove, 'What to improve'),
      this.seal(actor, 'feedbackText', input.comment, 'Comment'),
    ]);
    return this.runSession(actor, sessionId, {
      type: 'SubmitFeedback',
      actor: actor.personId,
      now: this.now(),
      rating: input.rating,
      ...(wentWell ? { wentWell } : {}),
      ...(toImprove ? { toImprove } : {}),
      ...(comment ? { comment } : {}),
    });
  }

  async proposeAgreement(actor: Actor, mentorshipId: string, input: AgreementTextInput): Promise<EngagementState> {
    const terms = await this.terms(actor, input);
    return this.runEngagement(actor, mentorshipId, {
      type: 'ProposeAgreement',
      actor: actor.personId,
      now: this.now(),
      terms,
    });
  }

  signAgreement(actor: Actor, mentorshipId: string, version: number): Promise<EngagementState> {
    return this.runEngagement(actor, mentorshipId, {
      type: 'SignAgreement',
      actor: actor.personId,
      now: this.now(),
      version,
    });
  }

  async setGoal(
    actor: Actor,
    mentorshipId: string,
    input: {
      title: string;
      targetDate: string;
      timezone: string;
      goalId?: string;
      ownerPersonId?: string | undefined;
      smart?: Partial<Record<'specific' | 'measurable' | 'achievable' | 'relevant' | 'timeBound', string>> | undefined;
      milestones?: Array<{ title: string; targetDate?: string | undefined }> | undefined;
    },
  ): Promise<EngagementState> {
    const title = await this.seal(actor, 'goalTitle', input.title, 'Goal title');
    const smart: Record<string, Sealed> = {};
    for (const key of ['specific', 'measurable', 'achievable', 'relevant', 'timeBound'] as const) {
      const sealed = await this.seal(actor, 'smartField', input.smart?.[key], key);
      if (sealed) smart[key] = sealed;
    }
    const milestones = [];
    for (const m of input.milestones ?? []) {
      const milestoneTitle = await this.seal(actor, 'milestoneTitle', m.title, 'Milestone title');
      milestones.push({
        milestoneId: randomUUID(),
        title: milestoneTitle!,
        ...(m.targetDate ? { targetDate: m.targetDate } : {}),
      });
    }
    return this.runEngagement(actor, mentorshipId, {
      type: 'SetGoal',
      actor: actor.personId,
      now: this.now(),
      actorTimeZone: input.timezone,
      goal: {
        goalId: input.goalId ?? randomUUID(),
        title: title!,
        targetDate: input.targetDate,
        ...(input.ownerPersonId ? { ownerPersonId: input.ownerPersonId } : {}),
        ...(Object.keys(smart).length > 0 ? { smart } : {}),
        ...(milestones.length > 0 ? { milestones } : {}),
      },
    });
  }

  async amendAgreement(actor: Actor, mentorshipId: string, input: AgreementTextInput): Promise<EngagementState> {
    const terms = await this.terms(actor, input);
    return this.runEngagement(actor, mentorshipId, {
      type: 'AmendAgreement',
      actor: actor.personId,
      now: this.now(),
      terms,
    });
  }

  async updateGoalProgress(actor: Actor, mentorshipId: string, goalId: string, progressPercent: number, note?: string) {
    const sealed = await this.seal(actor, 'progressNote', note, 'Progress note');
    return this.runEngagement(actor, mentorshipId, {
      type: 'UpdateGoalProgress',
      actor: actor.personId,
      now: this.now(),
      goalId,
      progressPercent,
      ...(sealed ? { note: sealed } : {}),
    });
  }

  achieveGoal(actor: Actor, mentorshipId: string, goalId: string) {
    return this.runEngagement(actor, mentorshipId, {
      type: 'AchieveGoal',
      actor: actor.personId,
      now: this.now(),
      goalId,
    });
  }

  async addActionItem(
    actor: Actor,
    mentorshipId: string,
    input: {
      title: string;
      ownerPersonId: string;
      dueDate: string;
      timezone: string;
      goalId?: string | undefined;
      sessionId?: string | undefined;
    },
  ) {
    const title = await this.seal(actor, 'actionItemTitle', input.title, 'Action item');
    return this.runEngagement(actor, mentorshipId, {
      type: 'AddActionItem',
      actor: actor.personId,
      now: this.now(),
      actionItemId: randomUUID(),
      title: title!,
      ownerPersonId: input.ownerPersonId,
      dueDate: input.dueDate,
      actorTimeZone: input.timezone,
      ...(input.goalId ? { goalId: input.goalId } : {}),
      ...(input.sessionId ? { sessionId: input.sessionId } : {}),
    });
  }

  completeActionItem(actor: Actor, mentorshipId: string, actionItemId: string) {
    return this.runEngagement(actor, mentorshipId, {
      type: 'CompleteActionItem',
      actor: actor.personId,
      now: this.now(),
      actionItemId,
    });
  }

  async recommendResource(
    actor: Actor,
    mentorshipId: string,
    input: { kind: ResourceKind; title: string; link?: string },
  ) {
    const [title, link] = await Promise.all([
      this.seal(actor, 'resourceTitle', input.title, 'Resource title'),
      this.seal(actor, 'resourceLink', input.link, 'Link'),
    ]);
    return this.runEngagement(actor, mentorshipId, {
      type: 'RecommendResource',
      actor: actor.personId,
      now: this.now(),
      resourceId: randomUUID(),
      kind: input.kind,
      title: title!,
      ...(link ? { link } : {}),
    });
  }

  async writeReflection(actor: Actor, mentorshipId: string, text: string, reflectionId: string = randomUUID()) {
    const sealed = await this.seal(actor, 'reflection', text, 'Reflection');
    return this.runEngagement(actor, mentorshipId, {
      type: 'WriteReflection',
      actor: actor.personId,
      now: this.now(),
      reflectionId,
      text: sealed!,
    });
  }

  async writeSharedNotes(actor: Actor, sessionId: string, text: string) {
    const sealed = await this.seal(actor, 'notes', text, 'Notes');
    return this.runSession(actor, sessionId, {
      type: 'WriteSharedNotes',
      actor: actor.personId,
      now: this.now(),
      text: sealed!,
    });
  }

  async addMilestone(
    actor: Actor,
    mentorshipId: string,
    goalId: string,
    input: { title: string; targetDate?: string | undefined; timezone: string },
  ) {
    const title = await this.seal(actor, 'milestoneTitle', input.title, 'Milestone title');
    return this.runEngagement(actor, mentorshipId, {
      type: 'AddMilestone',
      actor: actor.personId,
      now: this.now(),
      goalId,
      milestoneId: randomUUID(),
      title: title!,
      ...(input.targetDate ? { targetDate: input.targetDate } : {}),
      actorTimeZone: input.timezone,
    });
  }

  reachMilestone(actor: Actor, mentorshipId: string, goalId: string, milestoneId: string) {
    return this.runEngagement(actor, mentorshipId, {
      type: 'ReachMilestone',
      actor: actor.personId,
      now: this.now(),
      goalId,
      milestoneId,
    });
  }

  async abandonGoal(actor: Actor, mentorshipId: string, goalId: string, reason: GoalAbandonReason, note?: string) {
    const sealed = await this.seal(actor, 'progressNote', note, 'Note');
    return this.runEngagement(actor, mentorshipId, {
      type: 'AbandonGoal',
      actor: actor.personId,
      now: this.now(),
      goalId,
      reason,
      ...(sealed ? { note: sealed } : {}),
    });
  }

  /**
   * An introduction to another participant (by id) or to an external contact. The contact's details are sealed as
   * one value with the introducing mentor's key: they are the mentor's network, erased with the mentor's data.
   */
  async makeIntroduction(
    actor: Actor,
    mentorshipId: string,
    input: { toPersonId?: string | undefined; contact?: ContactInput | undefined; note?: string | undefined },
  ) {
    if ((input.toPersonId ? 1 : 0) + (input.contact ? 1 : 0) !== 1) {
      throw new DomainError(
        'BAD_USER_INPUT',
        'Introduce the mentee either to a participant or to an external contact.',
      );
    }
    let target: IntroductionTarget;
    if (input.contact) {
      const contact = {
        name: checkText('introductionContact', input.contact.name, 'Contact name')!,
        ...optionalContactField('email', input.contact.email),
        ...optionalContactField('phone', input.contact.phone),
        ...optionalContactField('organization', input.contact.organization),
      };
      const sealed = await this.seal(actor, 'introductionContact', JSON.stringify(contact), 'Contact details');
      target = { kind: 'external-contact', contact: sealed! };
    } else {
      target = { kind: 'participant', personId: input.toPersonId! };
    }
    const note = await this.seal(actor, 'introductionNote', input.note, 'Note');
    return this.runEngagement(actor, mentorshipId, {
      type: 'MakeIntroduction',
      actor: actor.personId,
      now: this.now(),
      introductionId: randomUUID(),
      target,
      ...(note ? { note } : {}),
    });
  }

  private async terms(actor: Actor, input: AgreementTextInput): Promise<AgreementTerms> {
    const terms: AgreementTerms = {
      cadence: input.cadence,
      sessionMinutes: input.sessionMinutes,
      durationMonths: input.durationMonths,
      channels: input.channels,
    };
    for (const key of ['expectations', 'boundaries', 'confidentiality'] as const) {
      const sealed = await this.seal(actor, 'agreementText', input[key], key);
      if (sealed) terms[key] = sealed;
    }
    return terms;
  }

  /** A session for one of its attendees; to anyone else it does not exist. */
  async sessionFor(actor: Actor, sessionId: string): Promise<SessionState> {
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    if (![session.hostPersonId, ...session.inviteePersonIds].includes(actor.personId)) {
      throw new DomainError('NOT_FOUND', 'There is no such session.');
    }
    return session;
  }

  /** A session for its attendees and for the managers of its program (who read no private notes). */
  async sessionForReader(actor: Actor, sessionId: string): Promise<{ session: SessionState; manager: boolean }> {
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    if (sessionAttendees(session).includes(actor.personId)) return { session, manager: false };
    if (await this.managesProgram(actor, session.programId)) return { session, manager: true };
    throw new DomainError('NOT_FOUND', 'There is no such session.');
  }

  /** The managers of a program (and the organization's admins) read its engagements and sessions. */
  async managesProgram(actor: Actor, programId: string): Promise<boolean> {
    if (actor.orgAdmin) return true;
    const membership = await this.directory.memberships.membership(actor.tenantId, programId, actor.personId);
    return membership?.roles.includes('manager') ?? false;
  }

  /** See DEFAULT_FEEDBACK_VISIBILITY: profiles does not publish a per-program policy yet. */
  feedbackPolicy(_programId: string): FeedbackVisibility {
    return DEFAULT_FEEDBACK_VISIBILITY;
  }

  async sessionView(
    actor: Actor,
    session: SessionState,
    viewerTimeZone: string,
    options: { manager?: boolean } = {},
  ): Promise<SessionView> {
    const manager = options.manager === true;
    await this.keys.preload([
      session.hostPersonId,
      ...session.inviteePersonIds,
      ...Object.values(session.privateNotes).map((n) => n.authorPersonId),
    ]);
    const policy = this.feedbackPolicy(session.programId);
    // Attendees read the feedback the policy allows; managers read ratings only (the summary), never the texts.
    const readable = manager
      ? []
      : Object.values(session.feedback).filter((f) =>
          canReadFeedback(session, f.personId, { personId: actor.personId, isProgramManager: false }, policy),
        );
    const summarized = manager ? Object.values(session.feedback) : readable;
    return {
      id: session.sessionId,
      kind: session.kind,
      status: session.status,
      programId: session.programId,
      circleId: session.circleId ?? null,
      mentorshipId: session.mentorshipId ?? null,
      hostPersonId: session.hostPersonId,
      inviteePersonIds: session.inviteePersonIds,
      capacity: session.capacity,
      mode: session.mode,
      place: (await this.open(session.place)) ?? null,
      title: (await this.open(session.title)) ?? null,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      timezone: session.timezone,
      localStart: forViewer(session.startsAt, viewerTimeZone),
      localEnd: forViewer(session.endsAt, viewerTimeZone),
      sequence: session.sequence,
      myRsvp: session.rsvps[actor.personId] ?? null,
      attendees: sessionAttendees(session).map((personId) => ({
        personId,
        participantId: participantIn(session.programId, personId).id,
        participant: participantIn(session.programId, personId),
        host: personId === session.hostPersonId,
        rsvp: personId === session.hostPersonId ? null : (session.rsvps[personId] ?? null),
        attendance: session.attendance[personId] ?? null,
      })),
      sharedNotes: session.sharedNotes
        ? {
            id: null,
            authorPersonId: session.sharedNotes.authorPersonId,
            text: (await this.open(session.sharedNotes.text)) ?? '',
            writtenAt: session.sharedNotes.writtenAt,
          }
        : null,
      myPrivateNotes: await Promise.all(
        Object.values(session.privateNotes)
          .filter((n) => !manager && n.authorPersonId === actor.personId)
          .map(async (n) => ({
            id: n.noteId,
            authorPersonId: n.authorPersonId,
            text: (await this.open(n.text)) ?? '',
            writtenAt: n.writtenAt,
          })),
      ),
      feedback: await Promise.all(
        readable.map(async (f) => ({
          personId: f.personId,
          rating: f.rating,
          wentWell: (await this.open(f.wentWell)) ?? null,
          toImprove: (await this.open(f.toImprove)) ?? null,
          comment: (await this.open(f.comment)) ?? null,
          submittedAt: f.submittedAt,
        })),
      ),
      feedbackSummary: summary(summarized.map((f) => f.rating)),
      completedAt: session.completedAt ?? null,
      cancellationReason: session.cancellation?.reason ?? null,
    };
  }

  /** The engagement for the pair themselves and the managers of its program (no reflections or contacts for them). */
  async engagementView(actor: Actor, mentorshipId: string, viewerTimeZone = 'UTC'): Promise<EngagementView> {
    const engagement = await this.store.loadEngagement(actor.tenantId, mentorshipId);
    let role: ViewerRole;
    if (actor.personId === engagement.mentorPersonId) role = 'mentor';
    else if (actor.personId === engagement.menteePersonId) role = 'mentee';
    else if (await this.managesProgram(actor, engagement.programId)) role = 'manager';
    else throw new DomainError('NOT_FOUND', 'There is no engagement for this mentorship.');
    return this.engagementAs(actor, engagement, role, viewerTimeZone);
  }

  /** Every engagement of a program, for its managers. */
  async programEngagements(actor: Actor, programId: string, viewerTimeZone = 'UTC'): Promise<EngagementView[]> {
    if (!(await this.managesProgram(actor, programId))) {
      throw new DomainError('FORBIDDEN', 'Only the managers of this program read its engagements.');
    }
    const rows = await this.readModels.engagementsOf(actor.tenantId).find({ programId }, { limit: 500 });
    const views: EngagementView[] = [];
    for (const row of rows.sort((a, b) => a._id.localeCompare(b._id))) {
      const engagement = await this.store.loadEngagement(actor.tenantId, row._id);
      views.push(await this.engagementAs(actor, engagement, 'manager', viewerTimeZone));
    }
    return views;
  }

  private async engagementAs(
    actor: Actor,
    engagement: EngagementState,
    role: ViewerRole,
    viewerTimeZone: string,
  ): Promise<EngagementView> {
    forViewer(engagement.openedAt, viewerTimeZone);
    const manager = role === 'manager';
    await this.keys.preload([engagement.mentorPersonId, engagement.menteePersonId]);
    const sessionRows = await this.readModels
      .sessionsOf(actor.tenantId)
      .find({ mentorshipId: engagement.mentorshipId }, { limit: 500 });
    const sessions: SessionView[] = [];
    for (const row of sessionRows.sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const state = await this.store.loadSession(actor.tenantId, row._id);
      sessions.push(await this.sessionView(actor, state, viewerTimeZone, { manager }));
    }
    const ratings = manager
      ? sessionRows.flatMap((r) => r.ratings)
      : sessions.flatMap((v) => v.feedback.map((f) => f.rating));
    return {
      mentorshipId: engagement.mentorshipId,
      programId: engagement.programId,
      status: engagement.status,
      mentorPersonId: engagement.mentorPersonId,
      menteePersonId: engagement.menteePersonId,
      mentor: participantIn(engagement.programId, engagement.mentorPersonId),
      mentee: participantIn(engagement.programId, engagement.menteePersonId),
      health: engagement.health.status,
      viewerRole: role.toUpperCase(),
      agreements: await Promise.all(
        engagement.agreements.map(async (a) => ({
          version: a.version,
          status: a.status,
          amendsVersion: a.amendsVersion ?? null,
          proposedByPersonId: a.proposedByPersonId,
          signedBy: a.signedBy,
          cadence: a.terms.cadence,
          sessionMinutes: a.terms.sessionMinutes,
          durationMonths: a.terms.durationMonths,
          channels: a.terms.channels,
          expectations: (await this.open(a.terms.expectations)) ?? null,
          boundaries: (await this.open(a.terms.boundaries)) ?? null,
          confidentiality: (await this.open(a.terms.confidentiality)) ?? null,
          proposedAt: a.proposedAt,
          inEffectSince: a.inEffectSince ?? null,
        })),
      ),
      goals: await Promise.all(Object.values(engagement.goals).map((g) => this.goalView(g))),
      actionItems: await Promise.all(
        Object.values(engagement.actionItems).map(async (a) => ({
          id: a.actionItemId,
          title: (await this.open(a.title)) ?? '',
          ownerPersonId: a.ownerPersonId,
          dueDate: a.dueDate,
          done: a.completedAt !== undefined,
          goalId: a.goalId ?? null,
          sessionId: a.sessionId ?? null,
          completedAt: a.completedAt ?? null,
        })),
      ),
      resources: await Promise.all(
        Object.values(engagement.resources).map(async (r) => ({
          id: r.resourceId,
          kind: r.kind,
          title: (await this.open(r.title)) ?? '',
          link: (await this.open(r.link)) ?? null,
        })),
      ),
      introductions: await Promise.all(
        Object.values(engagement.introductions).map(async (i) => ({
          id: i.introductionId,
          kind: i.target.kind,
          personId: i.target.kind === 'participant' ? i.target.personId : null,
          contact: manager || i.target.kind !== 'external-contact' ? null : await this.openContact(i.target.contact),
          note: manager ? null : ((await this.open(i.note)) ?? null),
          introducedByPersonId: i.introducedByPersonId,
          madeAt: i.madeAt,
        })),
      ),
      myReflections: manager
        ? []
        : await Promise.all(
            Object.values(engagement.reflections)
              .filter((r) => canReadReflection(engagement, r.reflectionId, actor.personId))
              .map(async (r) => ({
                id: r.reflectionId,
                text: (await this.open(r.text)) ?? '',
                updatedAt: r.updatedAt,
              })),
          ),
      sessions,
      feedbackSummary: summary(ratings),
    };
  }

  /** A goal as the pair and its managers read it, its texts opened with their authors' keys. */
  async goalView(g: Goal): Promise<GoalView> {
    return {
      id: g.goalId,
      title: (await this.open(g.title)) ?? '',
      status: g.status,
      progressPercent: g.progressPercent,
      targetDate: g.targetDate,
      ownerPersonId: g.ownerPersonId,
      setByPersonId: g.setByPersonId,
      smart: {
        specific: (await this.open(g.smart.specific)) ?? null,
        measurable: (await this.open(g.smart.measurable)) ?? null,
        achievable: (await this.open(g.smart.achievable)) ?? null,
        relevant: (await this.open(g.smart.relevant)) ?? null,
        timeBound: (await this.open(g.smart.timeBound)) ?? null,
      },
      milestones: await Promise.all(
        g.milestones.map(async (m) => ({
          id: m.milestoneId,
          title: (await this.open(m.title)) ?? '',
          targetDate: m.targetDate ?? null,
          reachedAt: m.reachedAt ?? null,
        })),
      ),
      progress: await Promise.all(
        g.progress.map(async (p) => ({
          progressPercent: p.progressPercent,
          updatedByPersonId: p.updatedByPersonId,
          at: p.at,
          note: (await this.open(p.note)) ?? null,
        })),
      ),
      achievedAt: g.achievedAt ?? null,
      abandonReason: g.abandonReason ?? null,
    };
  }

  /** Contact details are one sealed JSON value; once the mentor's key is shredded they read as erased (null). */
  private async openContact(sealed: Sealed): Promise<ContactInput | null> {
    const text = await this.open(sealed);
    if (text === undefined || text === ERASED) return null;
    const parsed = JSON.parse(text) as ContactInput;
    return {
      name: parsed.name,
      email: parsed.email ?? undefined,
      phone: parsed.phone ?? undefined,
      organization: parsed.organization ?? undefined,
    };
  }

  /** The session's iCalendar invitation as the viewer sees it (only for people invited to it). */
  async calendar(actor: Actor, sessionId: string, uidDomain: string): Promise<string> {
    const session = await this.sessionFor(actor, sessionId);
    const title = await this.open(session.title);
    const place = await this.open(session.place);
    return sessionIcs(
      session,
      {
        summary: title ?? (session.kind === 'one-on-one' ? 'Mentoring session' : 'Group session'),
        ...(place ? (session.mode === 'virtual' ? { url: place, location: place } : { location: place }) : {}),
      },
      { uidDomain, now: this.now() },
    );
  }

  private commandContext(actor: Actor) {
    return { tenantId: actor.tenantId, actor: actor.personId, ...withCommandId(actor.commandId) };
  }

  private async runSession(actor: Actor, sessionId: string, command: Parameters<SessionsStore['executeSession']>[2]) {
    return (await this.store.executeSession(this.commandContext(actor), sessionId, command)).state;
  }

  private async runEngagement(
    actor: Actor,
    mentorshipId: string,
    command: Parameters<SessionsStore['executeEngagement']>[2],
  ) {
    return (await this.store.executeEngagement(this.commandContext(actor), mentorshipId, command)).state;
  }
}

const withCommandId = (commandId: string | undefined) => (commandId ? { commandId } : {});

function summary(ratings: number[]): { count: number; averageRating: number | null } {
  if (ratings.length === 0) return { count: 0, averageRating: null };
  return {
    count: ratings.length,
    averageRating: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()./-]{5,30}$/;

function optionalContactField(field: 'email' | 'phone' | 'organization', value: string | undefined) {
  const text = (value ?? '').trim();
  if (!text) return {};
  if (text.length > 200) throw new DomainError('BAD_USER_INPUT', `Contact ${field} is too long.`, { field });
  if (field === 'email' && !EMAIL.test(text)) {
    throw new DomainError('BAD_USER_INPUT', 'Contact email is not an email address.', { field });
  }
  if (field === 'phone' && !PHONE.test(text)) {
    throw new DomainError('BAD_USER_INPUT', 'Contact phone is not a phone number.', { field });
  }
  return { [field]: text };
}
