import { matchingEventSchemas, type MatchingIntegrationEvent } from '@trellis/matching/contracts';
import type {
  CircleEvent,
  MentorshipEvent,
  MentorshipRequestEvent,
  ProposalEvent,
  RoundEvent,
} from '@trellis/matching/domain';
import type { IntegrationMapper } from '@trellis/shared/event-store';
import { projectEvent } from '@trellis/shared/kernel';

type Published = CircleEvent | MentorshipEvent | MentorshipRequestEvent | ProposalEvent | RoundEvent;

/**
 * Domain events → matching.events.v1 (docs/architecture.md §5 Events, topics and contracts; §7 Privacy). Only the
 * fields a contract names leave the service — ids, enums, numbers and times — projected and checked by
 * `projectOntoContract`, so sealed messages, comments and reflections never do, nor who acted on a circle and when.
 * A computed or published round travels as counts and scores. Book-keeping events (seats, claims, overrides) stay
 * private.
 */
export function toMatchingIntegrationEvent(event: Published): MatchingIntegrationEvent | null {
  switch (event.type) {
    case 'MatchingRoundComputed':
      return projectEvent(matchingEventSchemas, event.type, {
        ...event,
        proposedPairs: event.pairs.length,
        unmatchedMentees: event.unmatched.length,
        meanScore: event.metrics.meanScore,
        minScore: event.metrics.minScore,
        coverage: event.metrics.coverage,
      });
    case 'MatchingRoundPublished':
      return projectEvent(matchingEventSchemas, event.type, { ...event, proposals: event.proposalIds.length });
    case 'MatchingRoundStarted':
    case 'MatchingRoundDiscarded':
    case 'MatchProposed':
    case 'ProposalAccepted':
    case 'ProposalDeclined':
    case 'MentorshipRequested':
    case 'MentorshipRequestAccepted':
    case 'MentorshipRequestDeclined':
    case 'MentorshipRequestExpired':
    case 'MentorshipRequestWithdrawn':
    case 'MentorshipStarted':
    case 'MentorshipPaused':
    case 'MentorshipResumed':
    case 'MentorshipEnded':
    case 'RematchRequested':
    case 'CircleCreated':
    case 'CircleMemberJoined':
    case 'CircleMemberLeft':
    case 'CircleClosed':
      return projectEvent(matchingEventSchemas, event.type, event);
    default:
      return null;
  }
}

export const matchingIntegrationMapper: IntegrationMapper = (recorded) =>
  toMatchingIntegrationEvent({ type: recorded.type, ...(recorded.data as object) } as Published);
