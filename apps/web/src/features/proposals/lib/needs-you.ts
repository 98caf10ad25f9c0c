import type { ProposalStatus } from '../../../gql/graphql';

interface ProposalShape {
  status: ProposalStatus;
  respondBy: string;
  mentorPersonId: string;
  mentorAccepted: boolean;
  menteeAccepted: boolean;
}

interface RequestShape {
  status: string;
  mentorPersonId: string;
  expiresAt: string;
}

export type ProposalSide = 'mentor' | 'mentee';

export function sideOf(proposal: { mentorPersonId: string }, personId: string): ProposalSide {
  return proposal.mentorPersonId === personId ? 'mentor' : 'mentee';
}

/** Whether the person still has to say yes or no: the proposal stands and their side has not accepted it. */
export function awaitsAnswerFrom(proposal: ProposalShape, personId: string): boolean {
  if (proposal.status !== 'PROPOSED') return false;
  return sideOf(proposal, personId) === 'mentor' ? !proposal.mentorAccepted : !proposal.menteeAccepted;
}

const byDeadline =
  <T>(deadline: (item: T) => string) =>
  (a: T, b: T) =>
    Date.parse(deadline(a)) - Date.parse(deadline(b));

/** Proposals the person has to answer, the one due soonest first. */
export function proposalsToAnswer<T extends ProposalShape>(proposals: readonly T[], personId: string): T[] {
  return proposals.filter((p) => awaitsAnswerFrom(p, personId)).sort(byDeadline((p) => p.respondBy));
}

/** Open requests to the person as a mentor (not those they sent), the one expiring soonest first. */
export function requestsWaitingFor<T extends RequestShape>(requests: readonly T[], personId: string): T[] {
  return requests
    .filter((r) => r.status === 'OPEN' && r.mentorPersonId === personId)
    .sort(byDeadline((r) => r.expiresAt));
}
