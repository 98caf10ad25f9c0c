import type { FactorContribution } from '@trellis/matching/engine';
import type { RoundState } from '@trellis/matching/domain';
import type { Recommendation } from '../recommendations/recommendations.service';
import type { MentorshipRow, ProposalRow, RequestRow } from '../mentorships/relationships.projection';
import type {
  FactorScore,
  MatchingRound,
  Mentorship,
  MentorshipRequest,
  Proposal,
  RecommendedMentor,
} from './matching.types';

export const toMentorship = (row: MentorshipRow): Mentorship => ({
  id: row.mentorshipId,
  programId: row.programId,
  mentorPersonId: row.mentorPersonId,
  menteePersonId: row.menteePersonId,
  mentorParticipantId: row.mentorParticipantId,
  menteeParticipantId: row.menteeParticipantId,
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
  score: row.score,
  respondBy: row.respondBy,
  mentorAccepted: row.mentorAccepted,
  menteeAccepted: row.menteeAccepted,
  status: row.status,
});

const toFactorScore = (f: FactorContribution): FactorScore => ({
  name: f.name,
  weight: f.weight,
  value: f.value,
  contribution: f.contribution,
});

export const toRecommendation = (r: Recommendation): RecommendedMentor => ({
  ...r,
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
    status: state.status,
    objective: state.objective,
    iteration: state.iteration,
    inputSnapshotHash: state.inputSnapshotHash,
    engineVersion: state.engineVersion,
    settingsHash: state.settings?.settingsHash ?? null,
    meanScore: state.metrics?.meanScore ?? null,
    minScore: state.metrics?.minScore ?? null,
    coverage: state.metrics?.coverage ?? null,
    pairs: Object.values(state.pairs).map((p) => ({
      mentorPersonId: p.mentorPersonId,
      menteePersonId: p.menteePersonId,
      score: p.score,
      locked: p.locked,
      manual: p.manual,
      factorsOf: () => factorsOf(p.menteePersonId),
    })),
    unmatched: Object.entries(state.unmatched).map(([menteePersonId, reason]) => ({ menteePersonId, reason })),
    overrides: state.overrides.map((o) => ({
      type: o.type,
      menteePersonId: 'menteePersonId' in o ? o.menteePersonId : 'pair' in o ? o.pair.menteePersonId : o.menteeA,
      reason: 'reason' in o ? o.reason : null,
      byPersonId: o.byPersonId,
    })),
  };
};
