import type { ProposalState, RoundState } from '@trellis/matching/domain';
import type { FactorContribution, MatchHint as EngineMatchHint } from '@trellis/matching/engine';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Recommendation } from '../recommendations/recommendations.service';
import type { MentorshipRow, ProposalRow, RequestRow } from '../mentorships/relationships.projection';
import { noChoices, type NotFirstChoice, type RoundChoices } from '../rounds/round-explanations';
import type {
  FactorScore,
  MatchHint,
  MatchingRound,
  Mentorship,
  MentorshipRequest,
  NotFirstChoiceReason,
  Participant,
  Proposal,
  RecommendedMentor,
  RoundOverrideEntry,
  Shown,
} from './matching.types';

/**
 * A participant as another subgraph's entity reference: the gateway asks profiles for the fields a client selects,
 * every reference of a response in one batch. Participant ids derive from program and person.
 */
export const participantRef = (participantId: string): Participant => ({ id: participantId });
export const personIn = (programId: string, personId: string): Participant =>
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

export const toNotFirstChoice = (programId: string, reason: NotFirstChoice): NotFirstChoiceReason => ({
  ...reason,
  bestMentor: personIn(programId, reason.bestMentorPersonId),
});

export const toMatchHint = (hint: EngineMatchHint): MatchHint => ({
  type: hint.type,
  mentorCount: 'mentorCount' in hint ? hint.mentorCount : null,
  gapHours: 'gapHours' in hint ? hint.gapHours : null,
  gapYears: 'gapYears' in hint ? hint.gapYears : null,
  language: 'language' in hint ? hint.language : null,
  bestMentorPersonId: 'bestMentorId' in hint ? hint.bestMentorId : null,
});

/** How a round is explained, each part computed only when a client selects it, once per request. */
export interface RoundExplainers {
  /** Scores a pair's factors when asked, so a page of a round scores its own pairs only. */
  factors: () => Promise<(menteePersonId: string) => readonly FactorContribution[]>;
  choices: () => Promise<RoundChoices>;
}

const unexplained: RoundExplainers = {
  factors: () => Promise.resolve(() => []),
  choices: () => Promise.resolve(noChoices()),
};

export const toRound = (state: RoundState, explain: RoundExplainers = unexplained): MatchingRound => {
  let factors: Promise<(menteePersonId: string) => readonly FactorContribution[]> | undefined;
  let choices: Promise<RoundChoices> | undefined;
  const factorsOf = async (menteePersonId: string) =>
    (await (factors ??= explain.factors()))(menteePersonId).map(toFactorScore);
  const notFirstChoiceOf = async (menteePersonId: string) => {
    const reason = (await (choices ??= explain.choices())).notFirstChoice.get(menteePersonId);
    return reason ? toNotFirstChoice(state.programId, reason) : null;
  };
  const hintsOf = async (menteePersonId: string) =>
    ((await (choices ??= explain.choices())).hints.get(menteePersonId) ?? []).map(toMatchHint);
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
    pairCount: Object.keys(state.pairs).length,
    pairs: Object.values(state.pairs).map((p) => ({
      id: `${state.roundId}:${p.menteePersonId}`,
      mentorPersonId: p.mentorPersonId,
      menteePersonId: p.menteePersonId,
      ...sides(state.programId, p),
      score: p.score,
      locked: p.locked,
      manual: p.manual,
      factorsOf: () => factorsOf(p.menteePersonId),
      notFirstChoiceOf: () => notFirstChoiceOf(p.menteePersonId),
    })),
    unmatched: Object.entries(state.unmatched).map(([menteePersonId, reason]) => ({
      menteePersonId,
      mentee: personIn(state.programId, menteePersonId),
      reason,
      hintsOf: () => hintsOf(menteePersonId),
    })),
    overrides: state.overrides.map((o) => overrideEntry(state.programId, o)),
  };
};

const overrideEntry = (programId: string, o: RoundState['overrides'][number]): RoundOverrideEntry => {
  const menteePersonId = 'menteePersonId' in o ? o.menteePersonId : 'pair' in o ? o.pair.menteePersonId : o.menteeA;
  return {
    type: o.type,
    menteePersonId,
    mentee: menteePersonId ? personIn(programId, menteePersonId) : null,
    reason: 'reason' in o ? o.reason : null,
    byPersonId: o.byPersonId,
  };
};
