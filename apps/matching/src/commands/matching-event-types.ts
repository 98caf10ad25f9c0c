import { EventTypeRegistry } from '@trellis/shared/event-store';

/**
 * Stored event type names of the matching event store: explicit, never derived from class names, so renaming code
 * cannot orphan history (docs/architecture.md §4, Event store).
 */
export const MATCHING_STORED_EVENT_TYPES = [
  // MentorBook
  'MentorBookOpened',
  'MentorCapacitySet',
  'SeatReserved',
  'SeatReleased',
  'MentorBookClosed',
  // MenteeRequests
  'MenteeRequestRegistered',
  'MenteeRequestClosed',
  'MatchClaimed',
  'MatchClaimReleased',
  'MenteeMatched',
  'MenteeWithdrawalsAcknowledged',
  'MenteeMatchReleased',
  // MentorshipRequest
  'MentorshipRequested',
  'MentorshipRequestAccepted',
  'MentorshipRequestDeclined',
  'MentorshipRequestExpired',
  'MentorshipRequestWithdrawn',
  // Mentorship
  'MentorshipStarted',
  'MentorshipPaused',
  'MentorshipResumed',
  'MentorshipEnded',
  'RematchRequested',
  // Proposal
  'MatchProposed',
  'ProposalAccepted',
  'ProposalDeclined',
  'ProposalConfirmed',
  'ProposalLapsed',
  // MatchingRound
  'MatchingRoundStarted',
  'MatchingRoundComputed',
  'PairLocked',
  'PairUnlocked',
  'PairRemoved',
  'PairAdded',
  'MentorsSwapped',
  'MatchingRoundPublished',
  'MatchingRoundDiscarded',
  // Circle
  'CircleCreated',
  'CircleMemberJoined',
  'CircleMemberLeft',
  'CircleClosed',
  // CircleMembership (one circle per mentee per program)
  'CircleSeatClaimed',
  'CircleSeatConfirmed',
  'CircleSeatReleased',
  // CircleFill (a round for circles)
  'CircleFillDrafted',
  'CircleFillPublished',
  'CircleFillDiscarded',
  // ParticipantPreferences (private: never published)
  'PreferredMentorsSet',
  'RatherNotMenteesSet',
] as const;

export function matchingEventTypeRegistry(): EventTypeRegistry {
  return new EventTypeRegistry(MATCHING_STORED_EVENT_TYPES.map((type) => ({ type, schemaVersion: 1 })));
}
