import type { IntegrationMapper } from '@trellis/shared/event-store';
import { toCircleIntegrationEvent } from '../circles/circle-integration-events';
import type { MatchingIntegrationEvent } from '@trellis/matching/contracts';
import type {
  CircleEvent,
  MentorshipEvent,
  MentorshipRequestEvent,
  ProposalEvent,
  RoundEvent,
} from '@trellis/matching/domain';

type Published = CircleEvent | MentorshipEvent | MentorshipRequestEvent | ProposalEvent | RoundEvent;

/**
 * Domain events → matching.events.v1 (docs/architecture.md §5 Events, topics and contracts; §7 Privacy). Only ids,
 * enums, numbers and times leave the service: sealed messages, comments and reflections never do. Book-keeping events
 * (seats, claims, overrides) stay private.
 */
export function toMatchingIntegrationEvent(event: Published): MatchingIntegrationEvent | null {
  switch (event.type) {
    case 'MatchingRoundStarted':
      return {
        type: 'MatchingRoundStarted',
        data: {
          roundId: event.roundId,
          programId: event.programId,
          cohortId: event.cohortId,
          objective: event.objective,
          startedByPersonId: event.startedByPersonId,
        },
      };
    case 'MatchingRoundComputed':
      return {
        type: 'MatchingRoundComputed',
        data: {
          roundId: event.roundId,
          programId: event.programId,
          iteration: event.iteration,
          inputSnapshotHash: event.inputSnapshotHash,
          engineVersion: event.engineVersion,
          proposedPairs: event.pairs.length,
          unmatchedMentees: event.unmatched.length,
          meanScore: event.metrics.meanScore,
          minScore: event.metrics.minScore,
          coverage: event.metrics.coverage,
        },
      };
    case 'MatchingRoundPublished':
      return {
        type: 'MatchingRoundPublished',
        data: { roundId: event.roundId, programId: event.programId, proposals: event.proposalIds.length },
      };
    case 'MatchingRoundDiscarded':
      return { type: 'MatchingRoundDiscarded', data: { roundId: event.roundId, programId: event.programId } };
    case 'MatchProposed':
      return {
        type: 'MatchProposed',
        data: {
          proposalId: event.proposalId,
          roundId: event.roundId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          menteePersonId: event.menteePersonId,
          mentorParticipantId: event.mentorParticipantId,
          menteeParticipantId: event.menteeParticipantId,
          format: event.format,
          ...(event.circleId ? { circleId: event.circleId } : {}),
          score: event.score,
          respondBy: event.respondBy,
        },
      };
    case 'ProposalAccepted':
      return {
        type: 'ProposalAccepted',
        data: { proposalId: event.proposalId, programId: event.programId, side: event.side, personId: event.personId },
      };
    case 'ProposalDeclined':
      return {
        type: 'ProposalDeclined',
        data: {
          proposalId: event.proposalId,
          programId: event.programId,
          side: event.side,
          personId: event.personId,
          reason: event.reason,
        },
      };
    case 'MentorshipRequested':
      return { type: 'MentorshipRequested', data: { ...requestRef(event), expiresAt: event.expiresAt } };
    case 'MentorshipRequestAccepted':
      return { type: 'MentorshipRequestAccepted', data: { ...requestRef(event), mentorshipId: event.mentorshipId } };
    case 'MentorshipRequestDeclined':
      return { type: 'MentorshipRequestDeclined', data: { ...requestRef(event), reason: event.reason } };
    case 'MentorshipRequestExpired':
      return { type: 'MentorshipRequestExpired', data: requestRef(event) };
    case 'MentorshipRequestWithdrawn':
      return { type: 'MentorshipRequestWithdrawn', data: { ...requestRef(event), reason: event.reason } };
    case 'MentorshipStarted':
      return {
        type: 'MentorshipStarted',
        data: {
          mentorshipId: event.mentorshipId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          menteePersonId: event.menteePersonId,
          mentorParticipantId: event.mentorParticipantId,
          menteeParticipantId: event.menteeParticipantId,
          format: event.format,
          ...(event.circleId ? { circleId: event.circleId } : {}),
          origin: event.origin,
          originId: event.originId,
        },
      };
    case 'MentorshipPaused':
      return {
        type: 'MentorshipPaused',
        data: {
          mentorshipId: event.mentorshipId,
          programId: event.programId,
          byPersonId: event.byPersonId,
          until: event.until,
        },
      };
    case 'MentorshipResumed':
      return {
        type: 'MentorshipResumed',
        data: { mentorshipId: event.mentorshipId, programId: event.programId, byPersonId: event.byPersonId },
      };
    case 'MentorshipEnded':
      return {
        type: 'MentorshipEnded',
        data: {
          mentorshipId: event.mentorshipId,
          programId: event.programId,
          mentorPersonId: event.mentorPersonId,
          menteePersonId: event.menteePersonId,
          reason: event.reason,
          endedBy: event.endedBy,
        },
      };
    case 'RematchRequested':
      return {
        type: 'RematchRequested',
        data: {
          mentorshipId: event.mentorshipId,
          programId: event.programId,
          menteePersonId: event.menteePersonId,
          byPersonId: event.byPersonId,
        },
      };
    case 'CircleCreated':
    case 'CircleMemberJoined':
    case 'CircleMemberLeft':
    case 'CircleClosed':
      return toCircleIntegrationEvent(event);
    default:
      return null;
  }
}

function requestRef(event: { requestId: string; programId: string; mentorPersonId: string; menteePersonId: string }) {
  return {
    requestId: event.requestId,
    programId: event.programId,
    mentorPersonId: event.mentorPersonId,
    menteePersonId: event.menteePersonId,
  };
}

export const matchingIntegrationMapper: IntegrationMapper = (recorded) =>
  toMatchingIntegrationEvent({ type: recorded.type, ...(recorded.data as object) } as Published);
