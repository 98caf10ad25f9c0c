import { participantIdFor } from '@trellis/profiles/contracts';
import {
  canReadFeedback,
  canReadReflection,
  type ContactInput,
  enforce,
  engagementReaderAccess,
  type EngagementState,
  type FeedbackVisibility,
  forViewer,
  type Goal,
  isProgramManager,
  pairRole,
  programEngagementsAccess,
  sessionAttendeeAccess,
  sessionAttendees,
  sessionIcs,
  sessionReaderAccess,
  type SessionState,
  type ViewerRole,
} from '@trellis/sessions/domain';
import type { SealedText } from '@trellis/shared/kernel';
import type { MembershipDirectory } from '@trellis/shared/memberships';
import { ERASED, type PersonKeyStore } from '@trellis/shared/privacy';
import type { Actor } from '../core/actor';
import type { SessionsReadModels } from '../core/read-models';
import type { SealedTexts } from '../core/sealed-texts';
import type { SessionsStore } from '../core/sessions-store';
import type { EngagementView, GoalView, ParticipantRef, SessionView } from './views.types';

const participantIn = (programId: string, personId: string): ParticipantRef => ({
  id: participantIdFor(programId, personId),
});

/**
 * Who besides the author reads a piece of feedback. Profiles' program settings carry no such field yet, so every
 * program gets this default; `feedbackPolicy` is the one place to read a program's own policy once profiles has it.
 */
export const DEFAULT_FEEDBACK_VISIBILITY: FeedbackVisibility = 'author-and-managers';

/**
 * The read side of sessions and engagements: who may read which (the domain's access policy), and the views built
 * for them with the free text opened by its authors' keys (docs/architecture.md §7).
 */
export class SessionsQueryService {
  constructor(
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly keys: PersonKeyStore,
    private readonly texts: SealedTexts,
    private readonly memberships: MembershipDirectory,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now(): string {
    return this.clock().toISOString();
  }

  /** A session for one of its attendees; to anyone else it does not exist. */
  async sessionFor(actor: Actor, sessionId: string): Promise<SessionState> {
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    enforce(sessionAttendeeAccess(session, actor.personId));
    return session;
  }

  /** A session for its attendees and for the managers of its program (who read no private notes). */
  async sessionForReader(actor: Actor, sessionId: string): Promise<{ session: SessionState; manager: boolean }> {
    const session = await this.store.loadSession(actor.tenantId, sessionId);
    // Only a non-attendee costs a membership lookup.
    const attendee = sessionAttendees(session).includes(actor.personId);
    const manages = !attendee && (await this.managesProgram(actor, session.programId));
    const { manager } = enforce(sessionReaderAccess(session, actor.personId, manages));
    return { session, manager };
  }

  /** The managers of a program (and the organization's admins) read its engagements and sessions. */
  async managesProgram(actor: Actor, programId: string): Promise<boolean> {
    // An org admin manages every program of the organization: no lookup needed.
    const membership = actor.orgAdmin
      ? null
      : await this.memberships.membership(actor.tenantId, programId, actor.personId);
    return isProgramManager(actor, membership);
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
      place: (await this.texts.open(session.place)) ?? null,
      title: (await this.texts.open(session.title)) ?? null,
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
            text: (await this.texts.open(session.sharedNotes.text)) ?? '',
            writtenAt: session.sharedNotes.writtenAt,
          }
        : null,
      myPrivateNotes: await Promise.all(
        Object.values(session.privateNotes)
          .filter((n) => !manager && n.authorPersonId === actor.personId)
          .map(async (n) => ({
            id: n.noteId,
            authorPersonId: n.authorPersonId,
            text: (await this.texts.open(n.text)) ?? '',
            writtenAt: n.writtenAt,
          })),
      ),
      feedback: await Promise.all(
        readable.map(async (f) => ({
          personId: f.personId,
          rating: f.rating,
          wentWell: (await this.texts.open(f.wentWell)) ?? null,
          toImprove: (await this.texts.open(f.toImprove)) ?? null,
          comment: (await this.texts.open(f.comment)) ?? null,
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
    // Only someone outside the pair costs a membership lookup.
    const manages = !pairRole(engagement, actor.personId) && (await this.managesProgram(actor, engagement.programId));
    const role = enforce(engagementReaderAccess(engagement, actor.personId, manages));
    return this.engagementAs(actor, engagement, role, viewerTimeZone);
  }

  /** Every engagement of a program, for its managers. */
  async programEngagements(actor: Actor, programId: string, viewerTimeZone = 'UTC'): Promise<EngagementView[]> {
    enforce(programEngagementsAccess(await this.managesProgram(actor, programId)));
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
          expectations: (await this.texts.open(a.terms.expectations)) ?? null,
          boundaries: (await this.texts.open(a.terms.boundaries)) ?? null,
          confidentiality: (await this.texts.open(a.terms.confidentiality)) ?? null,
          proposedAt: a.proposedAt,
          inEffectSince: a.inEffectSince ?? null,
        })),
      ),
      goals: await Promise.all(Object.values(engagement.goals).map((g) => this.goalView(g))),
      actionItems: await Promise.all(
        Object.values(engagement.actionItems).map(async (a) => ({
          id: a.actionItemId,
          title: (await this.texts.open(a.title)) ?? '',
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
          title: (await this.texts.open(r.title)) ?? '',
          link: (await this.texts.open(r.link)) ?? null,
        })),
      ),
      introductions: await Promise.all(
        Object.values(engagement.introductions).map(async (i) => ({
          id: i.introductionId,
          kind: i.target.kind,
          personId: i.target.kind === 'participant' ? i.target.personId : null,
          contact: manager || i.target.kind !== 'external-contact' ? null : await this.openContact(i.target.contact),
          note: manager ? null : ((await this.texts.open(i.note)) ?? null),
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
                text: (await this.texts.open(r.text)) ?? '',
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
      title: (await this.texts.open(g.title)) ?? '',
      status: g.status,
      progressPercent: g.progressPercent,
      targetDate: g.targetDate,
      ownerPersonId: g.ownerPersonId,
      setByPersonId: g.setByPersonId,
      smart: {
        specific: (await this.texts.open(g.smart.specific)) ?? null,
        measurable: (await this.texts.open(g.smart.measurable)) ?? null,
        achievable: (await this.texts.open(g.smart.achievable)) ?? null,
        relevant: (await this.texts.open(g.smart.relevant)) ?? null,
        timeBound: (await this.texts.open(g.smart.timeBound)) ?? null,
      },
      milestones: await Promise.all(
        g.milestones.map(async (m) => ({
          id: m.milestoneId,
          title: (await this.texts.open(m.title)) ?? '',
          targetDate: m.targetDate ?? null,
          reachedAt: m.reachedAt ?? null,
        })),
      ),
      progress: await Promise.all(
        g.progress.map(async (p) => ({
          progressPercent: p.progressPercent,
          updatedByPersonId: p.updatedByPersonId,
          at: p.at,
          note: (await this.texts.open(p.note)) ?? null,
        })),
      ),
      achievedAt: g.achievedAt ?? null,
      abandonReason: g.abandonReason ?? null,
    };
  }

  /** Contact details are one sealed JSON value; once the mentor's key is shredded they read as erased (null). */
  private async openContact(sealed: SealedText): Promise<ContactInput | null> {
    const text = await this.texts.open(sealed);
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
    const title = await this.texts.open(session.title);
    const place = await this.texts.open(session.place);
    return sessionIcs(
      session,
      {
        summary: title ?? (session.kind === 'one-on-one' ? 'Mentoring session' : 'Group session'),
        ...(place ? (session.mode === 'virtual' ? { url: place, location: place } : { location: place }) : {}),
      },
      { uidDomain, now: this.now() },
    );
  }
}

function summary(ratings: number[]): { count: number; averageRating: number | null } {
  if (ratings.length === 0) return { count: 0, averageRating: null };
  return {
    count: ratings.length,
    averageRating: Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 100) / 100,
  };
}
