import type { EngagementState } from './engagement.decider';
import { allow, type PolicyDecision, refuse } from './policy-decision';
import { sessionAttendees, type SessionState } from './session.decider';

/**
 * Who may read or do what beyond what the deciders rule on: reading sessions and engagements, hosting group
 * sessions. Ids a person may not read answer as missing, so nobody learns that they exist.
 */

export type ViewerRole = 'mentor' | 'mentee' | 'manager';

/** A person's entry in the memberships read model, as far as access depends on it. */
export interface MembershipFacts {
  roles: readonly string[];
  status: string | null;
}

/** The managers of a program (and the organization's admins) read its engagements and sessions. */
export function isProgramManager(viewer: { orgAdmin?: boolean | undefined }, membership: MembershipFacts | null) {
  if (viewer.orgAdmin) return true;
  return membership?.roles.includes('manager') ?? false;
}

type Attended = Pick<SessionState, 'hostPersonId' | 'inviteePersonIds'>;

/** A session for one of its attendees; to anyone else it does not exist. */
export function sessionAttendeeAccess(session: Attended, personId: string): PolicyDecision {
  return sessionAttendees(session).includes(personId) ? allow(true) : refuse('NOT_FOUND', 'There is no such session.');
}

/**
 * A session for its attendees and for the managers of its program (who read no private notes). `managesProgram` is
 * only asked when the person is no attendee, so an attendee's read costs no membership lookup.
 */
export function sessionReaderAccess(
  session: Attended,
  personId: string,
  managesProgram: boolean,
): PolicyDecision<{ manager: boolean }> {
  if (sessionAttendees(session).includes(personId)) return allow({ manager: false });
  if (managesProgram) return allow({ manager: true });
  return refuse('NOT_FOUND', 'There is no such session.');
}

type Pair = Pick<EngagementState, 'mentorPersonId' | 'menteePersonId'>;

/** The person's side of the pair, if they are one of it. */
export function pairRole(pair: Pair, personId: string): 'mentor' | 'mentee' | undefined {
  if (personId === pair.mentorPersonId) return 'mentor';
  if (personId === pair.menteePersonId) return 'mentee';
  return undefined;
}

/** The engagement for the pair themselves and the managers of its program. */
export function engagementReaderAccess(
  engagement: Pair,
  personId: string,
  managesProgram: boolean,
): PolicyDecision<ViewerRole> {
  const role = pairRole(engagement, personId);
  if (role) return allow(role);
  if (managesProgram) return allow('manager');
  return refuse('NOT_FOUND', 'There is no engagement for this mentorship.');
}

/** Every engagement of a program, for its managers only. */
export function programEngagementsAccess(managesProgram: boolean): PolicyDecision {
  return managesProgram ? allow(true) : refuse('FORBIDDEN', 'Only the managers of this program read its engagements.');
}

export interface GroupHostingFacts {
  programExists: boolean;
  orgAdmin?: boolean | undefined;
  /** The host's membership of the program (null: none). */
  host: MembershipFacts | null;
  /** Each distinct invitee, in the order invited, with their membership of the program. */
  invitees: Array<{ personId: string; membership: MembershipFacts | null }>;
}

/**
 * A group session is hosted by a participant or manager of the program and invites its participants only; an
 * unknown program reads as missing.
 */
export function groupHostingAccess(facts: GroupHostingFacts): PolicyDecision {
  if (!facts.programExists) return refuse('NOT_FOUND', 'There is no such program.');
  if (!facts.orgAdmin && (!facts.host || facts.host.status === 'paused')) {
    return refuse('FORBIDDEN', 'Only active participants and managers of this program host its sessions.');
  }
  const outsider = facts.invitees.find((i) => !i.membership);
  if (outsider) {
    return refuse('BAD_USER_INPUT', `Person ${outsider.personId} is not part of this program.`, {
      field: 'inviteePersonIds',
      personId: outsider.personId,
    });
  }
  return allow(true);
}

/**
 * Whose change of a session's time books calendars: either side of a one-on-one, the host of a group session. Anyone
 * else is refused by the decider and must hold nobody's time on the way.
 */
export function organizesSession(
  session: Pick<SessionState, 'kind' | 'hostPersonId' | 'inviteePersonIds'>,
  personId: string,
): boolean {
  return session.kind === 'one-on-one'
    ? sessionAttendees(session).includes(personId)
    : session.hostPersonId === personId;
}
