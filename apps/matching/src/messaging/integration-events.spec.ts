import { ContractRegistry } from '@trellis/shared/messaging';
import { matchingContracts } from '@trellis/matching/contracts';
import {
  DEFAULT_HARD_RULES,
  matchingRoundDecider,
  mentorshipDecider,
  mentorshipRequestDecider,
  proposalDecider,
  type MentorshipEvent,
  type MentorshipRequestEvent,
  type ProposalEvent,
  type RoundEvent,
} from '@trellis/matching/domain';
import { toMatchingIntegrationEvent } from './integration-events';

const now = '2026-03-01T10:00:00.000Z';
const sealed = { enc: 'aes-256-gcm:v1', personId: 'mentee', iv: 'iv', tag: 'tag', ct: 'SECRET-MARKER' };
const registry = new ContractRegistry(matchingContracts);

function envelope(type: string, data: Record<string, unknown>) {
  return {
    id: 'e1',
    type,
    schemaVersion: 1,
    streamId: 's1',
    streamType: 't',
    revision: 1,
    occurredAt: now,
    tenantId: 'org',
    correlationId: 'c',
    data,
  };
}

/** Runs commands through a decider and returns every event it produced. */
function play<C, E extends { type: string }, S>(
  decider: { initialState: () => S; decide: (c: C, s: S) => E[]; evolve: (s: S, e: E) => S },
  commands: C[],
): E[] {
  let state = decider.initialState();
  const events: E[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      events.push(event);
      state = decider.evolve(state, event);
    }
  }
  return events;
}

describe('matching integration events', () => {
  const requestEvents = play<unknown, MentorshipRequestEvent, ReturnType<typeof mentorshipRequestDecider.initialState>>(
    mentorshipRequestDecider as never,
    [
      {
        type: 'RequestMentorship',
        requestId: 'r1',
        programId: 'p1',
        mentorPersonId: 'mentor',
        menteePersonId: 'mentee',
        mentorParticipantId: 'pm',
        menteeParticipantId: 'pe',
        message: sealed,
        expiryDays: 14,
        hardRules: DEFAULT_HARD_RULES,
        menteeProfile: { department: null, managerPersonId: null, languages: ['en'], timezone: 'UTC', seniority: null },
        mentorProfile: { department: null, managerPersonId: null, languages: ['en'], timezone: 'UTC', seniority: null },
        now,
      },
      { type: 'DeclineRequest', byPersonId: 'mentor', reason: 'no-capacity', comment: sealed, now },
    ],
  );
  const mentorshipEvents = play<unknown, MentorshipEvent, ReturnType<typeof mentorshipDecider.initialState>>(
    mentorshipDecider as never,
    [
      {
        type: 'StartMentorship',
        mentorshipId: 'm1',
        programId: 'p1',
        mentorPersonId: 'mentor',
        menteePersonId: 'mentee',
        mentorParticipantId: 'pm',
        menteeParticipantId: 'pe',
        format: 'one-on-one',
        origin: 'request',
        originId: 'r1',
        now,
      },
      { type: 'PauseMentorship', actor: { personId: 'mentee', isManager: false }, until: null, now },
      { type: 'ResumeMentorship', actor: { personId: 'mentor', isManager: false }, now },
      { type: 'RequestRematch', actor: { personId: 'mentee', isManager: false }, reflection: sealed, now },
    ],
  );
  const proposalEvents = play<unknown, ProposalEvent, ReturnType<typeof proposalDecider.initialState>>(
    proposalDecider as never,
    [
      {
        type: 'ProposeMatch',
        proposalId: 'x1',
        roundId: 'round',
        programId: 'p1',
        mentorPersonId: 'mentor',
        menteePersonId: 'mentee',
        mentorParticipantId: 'pm',
        menteeParticipantId: 'pe',
        format: 'one-on-one',
        score: 0.7,
        respondBy: '2026-03-08T10:00:00.000Z',
      },
      { type: 'AcceptProposal', side: 'mentor', personId: 'mentor', now },
      { type: 'DeclineProposal', side: 'mentee', personId: 'mentee', reason: 'other', comment: sealed, now },
    ],
  );
  const roundEvents = play<unknown, RoundEvent, ReturnType<typeof matchingRoundDecider.initialState>>(
    matchingRoundDecider as never,
    [
      {
        type: 'StartRound',
        roundId: 'round',
        programId: 'p1',
        cohortId: null,
        objective: 'fairest',
        settings: { settingsHash: 'h', weights: {}, hardRules: {} },
        startedByPersonId: 'boss',
        now,
      },
      {
        type: 'RecordComputation',
        inputSnapshotHash: 'snap',
        engineVersion: 'v1',
        pairs: [
          {
            mentorPersonId: 'a',
            menteePersonId: 'b',
            mentorParticipantId: 'pa',
            menteeParticipantId: 'pb',
            score: 0.5,
          },
        ],
        unmatched: [],
        metrics: { meanScore: 0.5, minScore: 0.5, coverage: 1 },
        now,
      },
      { type: 'LockPair', menteePersonId: 'b', reason: 'better-fit', byPersonId: 'boss' },
      { type: 'PublishRound', respondBy: '2026-03-08T10:00:00.000Z', byPersonId: 'boss', now },
    ],
  );
  const all = [...requestEvents, ...mentorshipEvents, ...proposalEvents, ...roundEvents];

  it('maps every public event to a contract-valid envelope', () => {
    const mapped = all.map((event) => toMatchingIntegrationEvent(event)).filter((e) => e !== null);
    expect(mapped.map((e) => e.type)).toEqual([
      'MentorshipRequested',
      'MentorshipRequestDeclined',
      'MentorshipStarted',
      'MentorshipPaused',
      'MentorshipResumed',
      'MentorshipEnded',
      'RematchRequested',
      'MatchProposed',
      'ProposalAccepted',
      'ProposalDeclined',
      'MatchingRoundStarted',
      'MatchingRoundComputed',
      'MatchingRoundPublished',
    ]);
    for (const event of mapped) {
      expect(() => registry.validate(envelope(event.type, event.data as Record<string, unknown>), false)).not.toThrow();
    }
  });

  it('keeps sealed free text and private book-keeping off the topic', () => {
    const mapped = all.map((event) => toMatchingIntegrationEvent(event));
    expect(JSON.stringify(mapped)).not.toContain('SECRET-MARKER');
    expect(toMatchingIntegrationEvent(roundEvents.find((e) => e.type === 'PairLocked') as RoundEvent)).toBeNull();
  });
});
