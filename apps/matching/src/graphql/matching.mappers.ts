import type { ProposalState, RoundState } from '@trellis/matching/domain';
import type { FactorContribution } from '@trellis/matching/engine';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Recommendation } from '../recommendations/recommendations.service';
import type { MentorshipRow, ProposalRow, RequestRow } from '../mentorships/relationships.projection';
import type {
  FactorScore,
  MatchingRound,
  Mentorship,
  MentorshipRequest,
  Participant,
  Proposal,
  RecommendedMentor,
  Shown,
} from './matching.types';

/**
 * A participant as another subgraph's entity reference: the gateway asks profiles for the fields a client selects,
 * every reference of a response in one batch. Participant ids derive from program and person.
 */
export const participantRef = (participantId: string): Participant => ({ id: participantId });
const personIn = (programId: string, personId: string): Participant =>
  participantRef(participantIdFor(programId, personId));

/** The program's participants on both sides of a pairing. */
const sides = (programId: string, pair: { mentorPersonId: string; menteePersonId: string }) => ({
  mentor: personIn(programId, pair.mentorPersonId),
  mentee: personIn(programId, pair.menteePersonId),
});

export const toMentorship = (row: MentorshipRow): Mentorship => ({
  id: row.mentorshipId,
  programId: row.programId,
  mentorPersonId: row.mentorPersonId,
  menteePersonId: row.menteePersonId,
  mentorParticipantId: row.mentorParticipantId,
  menteeParticipantId: row.menteeParticipantId,
  mentor: participantRef(row.mentorParticipantId),
  mentee: participantRef(row.menteeParticipantId),
  format: row.format,
  status: row.status,
  origin: row.origin,
  startedAt: row.startedAt,
  endedAt: row.endedAt,
  endReason: row.endReason,
  rematchRequested: row.rematchRequested,
});

export const toRequest = (row: RequestRow): MentorshipRequest => ({
  id: row.requestId,
  programId: row.programId,
  mentorPersonId: row.mentorPersonId,
  menteePersonId: row.menteePersonId,
  ...sides(row.programId, row),
  status: row.status,
  requestedAt: row.requestedAt,
  expiresAt: row.expiresAt,
  closedReason: row.closedReason,
  mentorshipId: row.mentorshipId,
});

export const toProposal = (row: ProposalRow): Proposal => ({
  id: row.proposalId,
  roundId: row.roundId,
  programId: row.programId,
  mentorPersonId: row.mentorPersonId,
  menteePersonId: row.menteePersonId,
  ...sides(row.programId, row),
  score: row.score,
  respondBy: row.respondBy,
  mentorAccepted: row.mentorAccepted,
  menteeAccepted: row.menteeAccepted,
  status: row.status,
});

/** A proposal as its decider left it (the answer to a command). */
export const proposalFromState = (state: ProposalState): Proposal => ({
  id: state.proposalId,
  roundId: state.roundId,
  programId: state.programId,
  mentorPersonId: state.mentorPersonId,
  menteePersonId: state.menteePersonId,
  ...sides(state.programId, state),
  score: state.score,
  respondBy: state.respondBy,
  mentorAccepted: state.acceptedBy.mentor,
  menteeAccepted: state.acceptedBy.mentee,
  status: state.status as Shown<ProposalState['status']>,
});

const toFactorScore = (f: FactorContribution): FactorScore => ({
  name: f.name,
  weight: f.weight,
  value: f.value,
  contribution: f.contribution,
});

export const toRecommendation = (r: Recommendation): RecommendedMentor => ({
  ...r,
  mentor: participantRef(r.mentorParticipantId),
  factors: r.factors.map(toFactorScore),
});

export const toRound = (
  state: RoundState,
  explain: () => Promise<ReadonlyMap<string, readonly FactorContribution[]>> = () => Promise.resolve(new Map()),
): MatchingRound => {
  let explanations: Promise<ReadonlyMap<string, readonly FactorContribution[]>> | undefined;
  const factorsOf = async (menteePersonId: string) => {
    explanations ??= explain();
    return ((await explanations).get(menteePersonId) ?? []).map(toFactorScore);
  };
  return {
    id: state.roundId,
    programId: state.programId,
    cohortId: state.cohortId,
    status: state.status as Shown<RoundState['status']>,
    objective: state.objective,
    iteration: state.iteration,
    inputSnapshotHash: state.inputSnapshotHash,
    engineVersion: state.engineVersion,
    settingsHash: state.settings?.settingsHash ?? null,
    meanScore: state.metrics?.meanScore ?? null,
    minScore: state.metrics?.minScore ?? null,
    coverage: state.metrics?.coverage ?? null,
    blockingPairs: state.metrics?.blockingPairs ?? null,
    pairs: Object.values(state.pairs).map((p) => ({
      mentorPersonId: p.mentorPersonId,
      menteePersonId: p.menteePersonId,
      ...sides(state.programId, p),
      score: p.score,
      locked: p.locked,
      manual: p.manual,
      factorsOf: () => factorsOf(p.menteePersonId),
    })),
    unmatched: Object.entries(state.unmatched).map(([menteePersonId, reason]) => ({
      menteePersonId,
      mentee: personIn(state.programId, menteePersonId),
      reason,
    })),
    overrides: state.overrides.map((o) => ({
      type: o.type,
      menteePersonId: 'menteePersonId' in o ? o.menteePersonId : 'pair' in o ? o.pair.menteePersonId : o.menteeA,
      reason: 'reason' in o ? o.reason : null,
      byPersonId: o.byPersonId,
    })),
  };
};
