import { randomUUID } from 'node:crypto';
import type {
  CancellationReason,
  CommunicationChannel,
  MeetingCadence,
  ResourceKind,
  RsvpResponse,
} from '@trellis/sessions/contracts';
import {
  canReadReflection,
  checkText,
  forViewer,
  type ViewerTime,
  sessionIcs,
  type AgreementTerms,
  type Attendance,
  type EngagementState,
  type Sealed,
  type SessionState,
  type TextField,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import { isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
import type { SessionsReadModels } from '../core/read-models';
import type { SessionsStore } from '../core/sessions-store';

export interface Actor {
  tenantId: string;
  personId: string;
}

export interface SessionView {
  id: string;
  kind: string;
  status: string;
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
  sequence: number;
  myRsvp: string | null;
}

export interface EngagementView {
  mentorshipId: string;
  programId: string;
  status: string;
  mentorPersonId: string;
  menteePersonId: string;
  health: string;
  agreements: Array<{
    version: number;
    status: string;
    amendsVersion: number | null;
    proposedByPersonId: string;
    signedBy: string[];
    cadence: string;
    sessionMinutes: number;
    durationMonths: number;
    channels: string[];
    expectations: string | null;
  }>;
  goals: Array<{
    id: string;
    title: string;
    status: string;
    progressPercent: number;
    targetDate: string;
    ownerPersonId: string;
  }>;
  actionItems: Array<{ id: string; title: string; ownerPersonId: string; dueDate: string; done: boolean }>;
  resources: Array<{ id: string; kind: string; title: string; link: string | null }>;
  /** The viewer's own reflections only. */
  myReflections: Array<{ id: string; text: string; updatedAt: string }>;
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

/**
 * The sessions use cases: checks free text by the domain's rules, seals it with the author's key, gathers the
 * scheduling facts from the read models (who is busy when), and runs the command on the event store.
 */
export class SessionsService {
  constructor(
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly keys: PersonKeyStore,
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

  private async schedulingContext(actor: Actor, personIds: string[], time: TimeInput) {
    const canonical = (value: string) => (Number.isNaN(Date.parse(value)) ? value : new Date(value).toISOString());
    return {
      busy: await this.readModels.busy(actor.tenantId, personIds, canonical(time.startsAt), canonical(time.endsAt)),
      // Stated availability lives in profiles; until its events feed a read model here, nobody's window is known.
      availability: [],
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
    const sessionId = options.sessionId ?? options.commandId ?? randomUUID();
    const { state } = await this.store.executeSession(
      { tenantId: actor.tenantId, actor: actor.personId, ...withCommandId(options.commandId) },
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
        scheduling: await this.schedulingContext(actor, [actor.personId, other], input),
      },
    );
    return state;
  }

  async scheduleGroup(
    actor: Actor,
    input: { programId: string; circleId?: string; inviteePersonIds: string[]; capacity: number } & TimeInput &
      PlaceInput,
    options: { sessionId?: string; commandId?: string } = {},
  ): Promise<SessionState> {
    // A retry with the same command id addresses the same session.
    const sessionId = options.sessionId ?? options.commandId ?? randomUUID();
    const { state } = await this.store.executeSession(
      { tenantId: actor.tenantId, actor: actor.personId, ...withCommandId(options.commandId) },
      sessionId,
      {
        type: 'ScheduleSession',
        actor: actor.personId,
        now: this.now(),
        sessionId,
        programId: input.programId,
        kind: 'group',
        ...(input.circleId ? { circleId: input.circleId } : {}),
        inviteePersonIds: input.inviteePersonIds,
        capacity: input.capacity,
        ...(await this.place(actor, input)),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timezone: input.timezone,
        scheduling: await this.schedulingContext(actor, [actor.personId, ...input.inviteePersonIds], input),
      },
    );
    return state;
  }

  async reschedule(actor: Actor, sessionId: string, time: Omit<TimeInput, 'timezone'> & { timezone?: string }) {
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    const attendees = [session.hostPersonId, ...session.inviteePersonIds];
    const context = await this.schedulingContext(actor, attendees, {
      ...time,
      timezone: time.timezone ?? session.timezone,
    });
    return this.runSession(actor, sessionId, {
      type: 'RescheduleSession',
      actor: actor.personId,
      now: this.now(),
      startsAt: time.startsAt,
      endsAt: time.endsAt,
      ...(time.timezone ? { timezone: time.timezone } : {}),
      scheduling: context,
    });
  }

  cancel(actor: Actor, sessionId: string, reason: CancellationReason) {
    return this.runSession(actor, sessionId, { type: 'CancelSession', actor: actor.personId, now: this.now(), reason });
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

  async writePrivateNote(actor: Actor, sessionId: string, noteId: string, text: string) {
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
    input: { title: string; targetDate: string; timezone: string; goalId?: string },
  ): Promise<EngagementState> {
    const title = await this.seal(actor, 'goalTitle', input.title, 'Goal title');
    return this.runEngagement(actor, mentorshipId, {
      type: 'SetGoal',
      actor: actor.personId,
      now: this.now(),
      actorTimeZone: input.timezone,
      goal: { goalId: input.goalId ?? randomUUID(), title: title!, targetDate: input.targetDate },
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
    input: { title: string; ownerPersonId: string; dueDate: string; timezone: string; goalId?: string },
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

  async sessionView(actor: Actor, session: SessionState, viewerTimeZone: string): Promise<SessionView> {
    return {
      id: session.sessionId,
      kind: session.kind,
      status: session.status,
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
      sequence: session.sequence,
      myRsvp: session.rsvps[actor.personId] ?? null,
    };
  }

  /** The engagement for the pair themselves; shared goals and agreement text decrypted, reflections never. */
  async engagementView(actor: Actor, mentorshipId: string): Promise<EngagementView> {
    const engagement = await this.store.loadEngagement(actor.tenantId, mentorshipId);
    if (actor.personId !== engagement.mentorPersonId && actor.personId !== engagement.menteePersonId) {
      throw new DomainError('NOT_FOUND', 'There is no engagement for this mentorship.');
    }
    return {
      mentorshipId: engagement.mentorshipId,
      programId: engagement.programId,
      status: engagement.status,
      mentorPersonId: engagement.mentorPersonId,
      menteePersonId: engagement.menteePersonId,
      health: engagement.health.status,
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
        })),
      ),
      goals: await Promise.all(
        Object.values(engagement.goals).map(async (g) => ({
          id: g.goalId,
          title: (await this.open(g.title)) ?? '',
          status: g.status,
          progressPercent: g.progressPercent,
          targetDate: g.targetDate,
          ownerPersonId: g.ownerPersonId,
        })),
      ),
      actionItems: await Promise.all(
        Object.values(engagement.actionItems).map(async (a) => ({
          id: a.actionItemId,
          title: (await this.open(a.title)) ?? '',
          ownerPersonId: a.ownerPersonId,
          dueDate: a.dueDate,
          done: a.completedAt !== undefined,
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
      myReflections: await Promise.all(
        Object.values(engagement.reflections)
          .filter((r) => canReadReflection(engagement, r.reflectionId, actor.personId))
          .map(async (r) => ({ id: r.reflectionId, text: (await this.open(r.text)) ?? '', updatedAt: r.updatedAt })),
      ),
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

  private async runSession(actor: Actor, sessionId: string, command: Parameters<SessionsStore['executeSession']>[2]) {
    return (await this.store.executeSession({ tenantId: actor.tenantId, actor: actor.personId }, sessionId, command))
      .state;
  }

  private async runEngagement(
    actor: Actor,
    mentorshipId: string,
    command: Parameters<SessionsStore['executeEngagement']>[2],
  ) {
    return (
      await this.store.executeEngagement({ tenantId: actor.tenantId, actor: actor.personId }, mentorshipId, command)
    ).state;
  }
}

const withCommandId = (commandId: string | undefined) => (commandId ? { commandId } : {});
