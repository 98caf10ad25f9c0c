import { randomUUID } from 'node:crypto';
import type { CancellationReason } from '@trellis/sessions/contracts';
import {
  checkSessionTime,
  enforce,
  groupHostingAccess,
  organizesSession,
  pairRole,
  type SchedulingContext,
  sessionAttendees,
  type SessionState,
} from '@trellis/sessions/domain';
import { DomainError } from '@trellis/shared/event-store';
import { type Actor, commandContext, withCommandId } from '../core/actor';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
import type { SessionsDirectory } from '../core/sessions-directory';
import type { SessionsStore } from '../core/sessions-store';
import type { PlaceInput, TimeInput } from './scheduling.types';

/**
 * Scheduling, rescheduling and cancelling sessions: gathers the scheduling facts from the read models (who is busy
 * when, who is available), books the attendees' calendars around the command and gives them back when it fails.
 */
export class SchedulingService {
  constructor(
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly directory: SessionsDirectory,
    private readonly texts: SealedTexts,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  private async place(actor: Actor, input: PlaceInput) {
    return {
      mode: input.mode,
      meetingLink:
        input.mode === 'virtual'
          ? await this.texts.seal(actor, 'meetingLink', input.meetingLink, 'Meeting link')
          : undefined,
      location:
        input.mode === 'in-person' ? await this.texts.seal(actor, 'location', input.location, 'Location') : undefined,
      title: await this.texts.seal(actor, 'sessionTitle', input.title, 'Title'),
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
      const retried = await this.store.retriedSession(commandContext({ ...actor, commandId }), sessionId);
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
    const { state } = pairRole(pair, actor.personId)
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
      const retried = await this.store.retriedSession(commandContext({ ...actor, commandId }), sessionId);
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

  /** Gathers the memberships `groupHostingAccess` rules on (from the memberships read model). */
  private async requireGroupMembers(actor: Actor, programId: string, inviteePersonIds: string[]): Promise<void> {
    const memberships = this.directory.memberships;
    const programExists = await memberships.programExists(actor.tenantId, programId);
    const host = programExists ? await memberships.membership(actor.tenantId, programId, actor.personId) : null;
    const invitees = [];
    for (const personId of programExists ? [...new Set(inviteePersonIds)] : []) {
      invitees.push({ personId, membership: await memberships.membership(actor.tenantId, programId, personId) });
    }
    enforce(groupHostingAccess({ programExists, orgAdmin: actor.orgAdmin, host, invitees }));
  }

  async reschedule(actor: Actor, sessionId: string, time: Omit<TimeInput, 'timezone'> & { timezone?: string }) {
    const retried = await this.store.retriedSession(commandContext(actor), sessionId);
    if (retried) return retried;
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    const attendees = sessionAttendees(session);
    const context = await this.schedulingContext(actor, session.programId, attendees, {
      ...time,
      timezone: time.timezone ?? session.timezone,
    });
    const run = async () =>
      (
        await this.store.executeSession(commandContext(actor), sessionId, {
          type: 'RescheduleSession',
          actor: actor.personId,
          now: this.now(),
          startsAt: time.startsAt,
          endsAt: time.endsAt,
          ...(time.timezone ? { timezone: time.timezone } : {}),
          scheduling: context,
        })
      ).state;
    if (session.status !== 'scheduled' || !organizesSession(session, actor.personId)) return run();
    return this.withReservation(actor, sessionId, attendees, time, context, run, {
      startsAt: session.startsAt,
      endsAt: session.endsAt,
    });
  }

  async cancel(actor: Actor, sessionId: string, reason: CancellationReason) {
    const { state } = await this.store.executeSession(commandContext(actor), sessionId, {
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
}
