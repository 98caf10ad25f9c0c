import { CommandHandler, type CommandResult, type CommitMeta, type EventStore } from '@trellis/shared/event-store';
import {
  circleDecider,
  matchingRoundDecider,
  menteeRequestsDecider,
  mentorBookDecider,
  mentorshipDecider,
  mentorshipRequestDecider,
  participantPreferencesDecider,
  proposalDecider,
} from '@trellis/matching/domain';

/** One command handler per aggregate of the matching service, over one event store. */
export class MatchingCommands {
  constructor(readonly store: EventStore) {}

  // Many acceptances race on one mentor's book; a loser retries once per seat someone else took or released in the
  // meantime, so the bound only has to exceed what can change during one burst.
  readonly mentorBooks = new CommandHandler(this.store, mentorBookDecider, {
    streamType: 'mentor-book',
    maxAttempts: 25,
  });
  readonly menteeRequests = new CommandHandler(this.store, menteeRequestsDecider, {
    streamType: 'mentee-requests',
    maxAttempts: 10,
  });
  readonly requests = new CommandHandler(this.store, mentorshipRequestDecider, {
    streamType: 'mentorship-request',
  });
  readonly mentorships = new CommandHandler(this.store, mentorshipDecider, {
    streamType: 'mentorship',
  });
  readonly proposals = new CommandHandler(this.store, proposalDecider, { streamType: 'proposal' });
  readonly rounds = new CommandHandler(this.store, matchingRoundDecider, {
    streamType: 'matching-round',
  });
  readonly circles = new CommandHandler(this.store, circleDecider, { streamType: 'circle' });
  readonly preferences = new CommandHandler(this.store, participantPreferencesDecider, {
    streamType: 'participant-preferences',
  });
}

export type { CommandResult, CommitMeta };

/** The value of a successful command, or its domain error thrown for the API layer to map. */
export function unwrap<State, Event>(result: CommandResult<State, Event>): Extract<typeof result, { ok: true }> {
  if (!result.ok) throw result.error;
  return result;
}
