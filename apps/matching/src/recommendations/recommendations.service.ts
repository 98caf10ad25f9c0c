import { isExcluded, scorePair, type FactorContribution } from '@trellis/matching/engine';
import { DomainError } from '@trellis/shared/event-store';
import type { Relationships } from '../mentorships/relationships.projection';
import type { CandidatePool } from '../pool/candidate-pool.projection';
import type { ProgramPreferences } from '../preferences/preferences.service';
import { toEngineRules, toMentee, toMentor } from '../rounds/engine-input';

export interface Recommendation {
  mentorPersonId: string;
  mentorParticipantId: string;
  /** The engine's fit score in [0,1], with its factor breakdown. */
  score: number;
  /** The score after spreading: what the list is ordered by. */
  rankingScore: number;
  freeSeats: number;
  pendingRequests: number;
  factors: FactorContribution[];
}

/** The fit score discounted by demand (open requests per free seat), so recommendations spread across mentors. */
export function spreadScore(score: number, pendingRequests: number, freeSeats: number, demandWeight: number): number {
  if (freeSeats <= 0) return 0;
  return score / (1 + demandWeight * (pendingRequests / freeSeats));
}

export interface SpreadingOptions {
  /** How strongly open requests per free seat push a mentor down: rankingScore = score / (1 + demandWeight × demand). */
  demandWeight: number;
}

/**
 * Self-service recommendations: the best-fitting mentors for a mentee with the engine's explanation, spread so that
 * one popular mentor is not recommended to everyone. A mentor's demand is the open requests per free seat; a mentor
 * with two requests for one remaining seat ranks below an almost-as-good mentor nobody has asked yet. Preferences
 * count as in rounds: the mentee's preferred mentors score the `favourite` factor, and a mentor who would rather not
 * take this mentee is left out (the mentee is not told why).
 */
export class RecommendationsService {
  constructor(
    private readonly pool: CandidatePool,
    private readonly relationships: Relationships,
    private readonly preferences: ProgramPreferences,
    private readonly spreading: SpreadingOptions = { demandWeight: 0.5 },
  ) {}

  async recommendedMentors(
    tenantId: string,
    programId: string,
    menteePersonId: string,
    first: number,
  ): Promise<Recommendation[]> {
    if (!Number.isInteger(first) || first < 1 || first > 50) {
      throw new DomainError('BAD_USER_INPUT', 'Ask for 1 to 50 recommendations.');
    }
    const mentee = await this.pool.participant(tenantId, programId, menteePersonId);
    if (!mentee || mentee.status !== 'active' || !mentee.roles.includes('mentee')) {
      throw new DomainError('FORBIDDEN', 'Recommendations are for active mentees of this program.');
    }
    const [program, mentors, pairs, open, preferences] = await Promise.all([
      this.pool.program(tenantId, programId),
      this.pool.activeWithRole(tenantId, programId, 'mentor'),
      this.relationships.mentorshipPairs(tenantId, programId),
      this.relationships.openRequests(tenantId, programId),
      this.preferences.forProgram(tenantId, programId),
    ]);
    const rules = toEngineRules(program?.rules ?? null, program?.questions ?? []);
    const load = new Map<string, number>();
    const previous = new Set<string>();
    for (const pair of pairs) {
      if (pair.status !== 'ended') load.set(pair.mentorPersonId, (load.get(pair.mentorPersonId) ?? 0) + 1);
      if (pair.menteePersonId === menteePersonId) previous.add(pair.mentorPersonId);
    }
    const pending = new Map<string, number>();
    const alreadyAsked = new Set<string>();
    for (const request of open) {
      pending.set(request.mentorPersonId, (pending.get(request.mentorPersonId) ?? 0) + 1);
      if (request.menteePersonId === menteePersonId) alreadyAsked.add(request.mentorPersonId);
    }
    const preferred = preferences.get(menteePersonId)?.preferredMentorIds ?? [];
    const engineMentee = toMentee(menteePersonId, mentee.profile, [...previous], [], preferred);
    const ratherNot = (mentorPersonId: string) =>
      preferences.get(mentorPersonId)?.ratherNotMenteeIds.includes(menteePersonId) ?? false;
    const recommendations: Recommendation[] = [];
    for (const mentor of mentors) {
      if (
        mentor.personId === menteePersonId ||
        previous.has(mentor.personId) ||
        alreadyAsked.has(mentor.personId) ||
        ratherNot(mentor.personId)
      ) {
        continue;
      }
      const freeSeats = mentor.mentorCapacity - (load.get(mentor.personId) ?? 0);
      if (freeSeats <= 0) continue;
      const scored = scorePair(toMentor(mentor.personId, mentor.profile, freeSeats), engineMentee, rules);
      if (isExcluded(scored)) continue;
      const pendingRequests = pending.get(mentor.personId) ?? 0;
      recommendations.push({
        mentorPersonId: mentor.personId,
        mentorParticipantId: mentor.participantId,
        score: scored.score,
        rankingScore: spreadScore(scored.score, pendingRequests, freeSeats, this.spreading.demandWeight),
        freeSeats,
        pendingRequests,
        factors: scored.factors,
      });
    }
    recommendations.sort((a, b) => b.rankingScore - a.rankingScore || a.mentorPersonId.localeCompare(b.mentorPersonId));
    return recommendations.slice(0, first);
  }
}
