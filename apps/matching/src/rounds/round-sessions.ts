import { isDeepStrictEqual } from 'node:util';
import {
  MatchingSession,
  type MatchingResult,
  type MatchingRules,
  type MenteeProfile,
  type MentorProfile,
  type SessionChange,
} from '@trellis/matching/engine';
import type { RoundObjective } from '@trellis/matching/contracts';
import type { RoundState } from '@trellis/matching/domain';
import type { RoundInputSnapshot } from './round-snapshots';

type Problem = RoundInputSnapshot['problem'];

/** What a round's computation must respect: locked pairs (mentee → mentor) and removed pairs (mentee → mentors). */
export interface RoundConstraints {
  locked: Map<string, string>;
  excluded: Map<string, string[]>;
}

export function constraintsOf(input: {
  locked: readonly { menteePersonId: string; mentorPersonId: string }[];
  excluded: readonly { menteePersonId: string; mentorPersonId: string }[];
}): RoundConstraints {
  const excluded = new Map<string, string[]>();
  for (const x of input.excluded)
    excluded.set(x.menteePersonId, [...(excluded.get(x.menteePersonId) ?? []), x.mentorPersonId]);
  return { locked: new Map(input.locked.map((l) => [l.menteePersonId, l.mentorPersonId])), excluded };
}

/** The objectives a warm session optimises; the others ('fairest', 'stable') are solved cold every time. */
export function sessionObjective(objective: RoundObjective): 'max-score' | 'max-matched' | null {
  return objective === 'best-total' ? 'max-score' : objective === 'most-matched' ? 'max-matched' : null;
}

/**
 * One draft round kept warm. `mentors`/`mentees` are exactly the input a cold computation of the round would give the
 * engine under `constraints` (locked mentees left out, mentors at their remaining seats, mentors without a seat left
 * out, removed pairs as blocks), and the session holds that input's optimum.
 */
class WarmRound {
  readonly mentors = new Map<string, MentorProfile>();
  readonly mentees = new Map<string, MenteeProfile>();
  /** Every profile seen, so that a mentee unlocked or a mentor given a seat back can return. */
  readonly knownMentors = new Map<string, MentorProfile>();
  readonly knownMentees = new Map<string, MenteeProfile>();
  /** A mentor's seats in the round before locked pairs take theirs. */
  readonly seats = new Map<string, number>();
  /** Serialises the round's changes: two managers' edits may arrive together. */
  queue: Promise<unknown> = Promise.resolve();

  constructor(
    public session: MatchingSession,
    public rules: MatchingRules,
    problem: Problem,
    public constraints: RoundConstraints,
  ) {
    this.remember(problem);
  }

  remember(problem: Problem): void {
    this.rules = problem.rules;
    this.mentors.clear();
    this.mentees.clear();
    const load = loadOf(this.constraints.locked);
    for (const m of problem.mentors) {
      this.mentors.set(m.id, m);
      this.knownMentors.set(m.id, m);
      this.seats.set(m.id, m.capacity + (load.get(m.id) ?? 0));
    }
    for (const m of problem.mentees) {
      this.mentees.set(m.id, m);
      this.knownMentees.set(m.id, m);
    }
  }
}

function loadOf(locked: Map<string, string>): Map<string, number> {
  const load = new Map<string, number>();
  for (const mentor of locked.values()) load.set(mentor, (load.get(mentor) ?? 0) + 1);
  return load;
}

const sameList = (a: readonly string[] | undefined, b: readonly string[] | undefined) =>
  isDeepStrictEqual(a ?? [], b ?? []);

/**
 * Warm matching sessions of draft rounds, in memory, least recently used first out. A session at 50,000 mentees ×
 * 10,000 mentors holds its candidate graph (about 2 million edges), the flow state and the compiled profiles: a few
 * hundred MB, hence the bound. A round whose session is gone (evicted, another instance, a restart) gets a new one
 * from its recorded input on its next edit, and every computation first brings the session to exactly the input a
 * cold computation would use, so a session can only ever save time, never change a result.
 */
export class RoundSessions {
  private readonly rounds = new Map<string, Promise<WarmRound | null>>();

  constructor(readonly maxRounds = Number(process.env['TRELLIS_ROUND_SESSIONS'] ?? 4)) {}

  get size(): number {
    return this.rounds.size;
  }

  forget(roundId: string): void {
    this.rounds.delete(roundId);
  }

  /**
   * The optimum of `problem` (a computation's full input under `constraints`) from the round's warm session, after
   * bringing it to that input; a round without a session gets one (solved cold once). Null for objectives a session
   * does not optimise.
   */
  async solve(
    round: RoundState,
    problem: Problem,
    constraints: RoundConstraints,
    recorded: () => Promise<RoundInputSnapshot | null>,
  ): Promise<MatchingResult | null> {
    const objective = sessionObjective(round.objective);
    if (!objective || this.maxRounds <= 0) return null;
    const warm = await this.warm(round, objective, recorded, problem, constraints);
    return this.serial(warm!, () => {
      this.reconcile(warm!, problem, constraints, objective);
      return warm!.session.result({ explain: 'none' });
    });
  }

  /**
   * Follows an edit of a computed round: the session moves to the constraints of `round` (locked mentees out, their
   * mentors' seats down, removed pairs blocked), so the next computation finds it there. An edit whose effect the
   * session cannot know here (a mentee or mentor outside every input it has seen) is left to the next computation.
   */
  async follow(round: RoundState, recorded: () => Promise<RoundInputSnapshot | null>): Promise<void> {
    const objective = sessionObjective(round.objective);
    if (!objective || this.maxRounds <= 0 || round.status !== 'computed') return;
    const warm = await this.warm(round, objective, recorded);
    if (!warm) return;
    const next = constraintsOf({
      locked: Object.values(round.pairs).filter((p) => p.locked),
      excluded: round.excluded,
    });
    await this.serial(warm, () => this.moveTo(round.roundId, warm, next));
  }

  private async warm(
    round: RoundState,
    objective: 'max-score' | 'max-matched',
    recorded: () => Promise<RoundInputSnapshot | null>,
    problem?: Problem,
    constraints?: RoundConstraints,
  ): Promise<WarmRound | null> {
    let pending = this.rounds.get(round.roundId);
    if (pending) {
      // Most recently used last.
      this.rounds.delete(round.roundId);
      this.rounds.set(round.roundId, pending);
      const warm = await pending;
      if (warm || !problem) return warm;
    }
    pending = (async () => {
      if (problem && constraints)
        return new WarmRound(MatchingSession.create(problem, objective), problem.rules, problem, constraints);
      const snapshot = await recorded();
      if (!snapshot) return null;
      return new WarmRound(
        MatchingSession.create(snapshot.problem, objective),
        snapshot.problem.rules,
        snapshot.problem,
        constraintsOf(snapshot),
      );
    })();
    this.rounds.set(round.roundId, pending);
    while (this.rounds.size > this.maxRounds) this.rounds.delete(this.rounds.keys().next().value!);
    try {
      return await pending;
    } catch (error) {
      this.rounds.delete(round.roundId);
      throw error;
    }
  }

  private serial<T>(warm: WarmRound, work: () => T): Promise<T> {
    const run = warm.queue.then(work);
    warm.queue = run.catch(() => undefined);
    return run;
  }

  /** Applies the changes from the constraints the session reflects to `next`, or none when some effect is unknown. */
  private moveTo(roundId: string, warm: WarmRound, next: RoundConstraints): void {
    const before = warm.constraints;
    const changes: SessionChange[] = [];
    const mentors = new Map(warm.mentors);
    // Seats first: a block on a mentor who just lost their last seat must not name them in the session.
    const loadBefore = loadOf(before.locked);
    const loadAfter = loadOf(next.locked);
    for (const id of new Set([...loadBefore.keys(), ...loadAfter.keys()])) {
      const seats = warm.seats.get(id);
      const lb = loadBefore.get(id) ?? 0;
      const la = loadAfter.get(id) ?? 0;
      if (lb === la) continue;
      if (seats === undefined) {
        // A mentor the session never saw had no seat left; it can only have gained one by an unlock.
        if (la < lb) return;
        continue;
      }
      const was = Math.max(0, seats - lb);
      const now = Math.max(0, seats - la);
      if (was === now) continue;
      const known = warm.knownMentors.get(id)!;
      if (was > 0 && now > 0) {
        mentors.set(id, { ...mentors.get(id)!, capacity: now });
        changes.push({ type: 'set-capacity', mentorId: id, capacity: now });
      } else if (now === 0) {
        mentors.delete(id);
        changes.push({ type: 'remove-mentor', mentorId: id });
      } else {
        const profile = { ...known, capacity: now };
        mentors.set(id, profile);
        changes.push({ type: 'add-mentor', mentor: profile });
      }
    }
    const mentees = new Map(warm.mentees);
    for (const id of new Set([...before.locked.keys(), ...next.locked.keys()])) {
      const wasLocked = before.locked.has(id);
      const isLocked = next.locked.has(id);
      if (!wasLocked && isLocked) {
        if (mentees.delete(id)) changes.push({ type: 'remove-mentee', menteeId: id });
      } else if (wasLocked && !isLocked) {
        const known = warm.knownMentees.get(id);
        if (!known) return;
        const profile = { ...known, blockedIds: [...(next.excluded.get(id) ?? [])] };
        mentees.set(id, profile);
        changes.push({ type: 'add-mentee', mentee: profile });
      }
    }
    for (const [id, profile] of mentees) {
      if (next.locked.has(id) || changes.some((c) => c.type === 'add-mentee' && c.mentee.id === id)) continue;
      const blocked = next.excluded.get(id) ?? [];
      if (sameList(profile.blockedIds, blocked)) continue;
      const had = new Set(profile.blockedIds ?? []);
      const grown = blocked.length >= had.size && [...had].every((m) => blocked.includes(m));
      const updated = { ...profile, blockedIds: [...blocked] };
      mentees.set(id, updated);
      const added = blocked.filter((m) => !had.has(m));
      if (grown && added.every((m) => mentors.has(m))) {
        for (const m of added) changes.push({ type: 'forbid', menteeId: id, mentorId: m });
      } else {
        // A block on a mentor outside the session must still hold if that mentor comes back: re-add the mentee.
        changes.push({ type: 'remove-mentee', menteeId: id }, { type: 'add-mentee', mentee: updated });
      }
    }
    try {
      for (const change of ordered(changes)) warm.session.apply(change);
    } catch (error) {
      // Half applied, the session no longer matches what it is known to hold.
      this.forget(roundId);
      throw error;
    }
    replace(warm.mentors, mentors);
    replace(warm.mentees, mentees);
    for (const [id, m] of mentees) warm.knownMentees.set(id, m);
    warm.constraints = next;
  }

  /** Brings the session to exactly `problem`, person by person; a change of rules or of most people starts afresh. */
  private reconcile(
    warm: WarmRound,
    problem: Problem,
    constraints: RoundConstraints,
    objective: 'max-score' | 'max-matched',
  ): void {
    const changes: SessionChange[] = [];
    const mentors = new Map(problem.mentors.map((m) => [m.id, m]));
    const mentees = new Map(problem.mentees.map((m) => [m.id, m]));
    if (isDeepStrictEqual(warm.rules, problem.rules)) {
      for (const [id, before] of warm.mentors) {
        const after = mentors.get(id);
        if (!after) changes.push({ type: 'remove-mentor', mentorId: id });
        else if (isDeepStrictEqual({ ...before, capacity: after.capacity }, after)) {
          if (before.capacity !== after.capacity) {
            changes.push({ type: 'set-capacity', mentorId: id, capacity: after.capacity });
          }
        } else changes.push({ type: 'remove-mentor', mentorId: id }, { type: 'add-mentor', mentor: after });
      }
      for (const [id, after] of mentors) if (!warm.mentors.has(id)) changes.push({ type: 'add-mentor', mentor: after });
      for (const [id, before] of warm.mentees) {
        const after = mentees.get(id);
        if (!after) changes.push({ type: 'remove-mentee', menteeId: id });
        else if (!isDeepStrictEqual(before, after)) {
          changes.push({ type: 'remove-mentee', menteeId: id }, { type: 'add-mentee', mentee: after });
        }
      }
      for (const [id, after] of mentees) if (!warm.mentees.has(id)) changes.push({ type: 'add-mentee', mentee: after });
    }
    const people = problem.mentors.length + problem.mentees.length;
    if (!isDeepStrictEqual(warm.rules, problem.rules) || changes.length > Math.max(50, people / 10)) {
      warm.session = MatchingSession.create(problem, objective);
    } else {
      try {
        for (const change of ordered(changes)) warm.session.apply(change);
      } catch {
        // A change the session refuses (it should not happen) costs a cold start, never a wrong result.
        warm.session = MatchingSession.create(problem, objective);
      }
    }
    warm.constraints = constraints;
    warm.remember(problem);
  }
}

/** Removals before arrivals, so that a person leaving and coming back under the same id is re-added. */
function ordered(changes: SessionChange[]): SessionChange[] {
  const leaving: SessionChange[] = changes.filter((c) => c.type === 'remove-mentee' || c.type === 'remove-mentor');
  return [...leaving, ...changes.filter((c) => !leaving.includes(c))];
}

function replace<K, V>(target: Map<K, V>, source: Map<K, V>): void {
  target.clear();
  for (const [k, v] of source) target.set(k, v);
}
