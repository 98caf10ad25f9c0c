import { buildCandidateGraph, type CandidateEdge, type CandidateGraph } from './candidate-graph';
import {
  compileMentee,
  compileMentor,
  type CompiledMentee,
  type CompiledMentor,
  exclusionReason,
  factorValues,
  newFactorBuffer,
  toScaled,
  weightedScoreWith,
  weightVector,
} from './scoring';
import {
  DEFAULT_MENTOR_WEIGHTS,
  type ExclusionReason,
  type MatchingRules,
  type MenteeProfile,
  type MentorProfile,
} from './types';

export type ExclusionCounts = Partial<Record<ExclusionReason, number>>;

/** Profiles compiled once, sorted by id (indices are the solvers' tie-break order), plus the inverted index. */
export interface PreparedRound {
  rules: MatchingRules;
  mentors: CompiledMentor[];
  mentees: CompiledMentee[];
  mentorIndex: Map<string, number>;
  menteeIndex: Map<string, number>;
  /**
   * 's:skill' / 't:topic' → mentor indices in ring order (see `ringBefore`): a mentee's window of a long list is the
   * run of mentors following its own point on that ring, so adding a mentor changes only the windows it lands in.
   */
  postings: Map<string, number[]>;
  /** Mentor index → its point on the ring (a hash of its id, so the same in every round it is part of). */
  ring: number[];
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function mentorKeys(mentor: CompiledMentor): string[] {
  const keys = mentor.profile.offers.map((o) => `s:${o.skill}`);
  for (const t of mentor.topics) keys.push(`t:${t}`);
  return keys;
}

function menteeKeys(mentee: CompiledMentee): string[] {
  return [...mentee.profile.seeks.map((s) => `s:${s.skill}`), ...(mentee.profile.goals ?? []).map((g) => `t:${g}`)];
}

/** A warm session asks for the same mentees' keys at every new mentor; they never change, so they are kept. */
const keyCache = new WeakMap<CompiledMentee, string[]>();
function keysOf(mentee: CompiledMentee): string[] {
  let keys = keyCache.get(mentee);
  if (!keys) keyCache.set(mentee, (keys = menteeKeys(mentee)));
  return keys;
}

function hashString(s: string, seed: number): number {
  let h = seed | 0;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Mentors' ring points use their own seed; a mentee's point on list x uses seed x + 1. */
const RING_SEED = 0x5eed;

/** Ring order: by ring point, ties (hash collisions) by id, so the order never depends on indices. */
function ringBefore(round: PreparedRound, a: number, b: number): number {
  const d = round.ring[a]! - round.ring[b]!;
  if (d !== 0) return d;
  const x = round.mentors[a]!.profile.id;
  const y = round.mentors[b]!.profile.id;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds a mentor to the posting lists of its skills and topics, at its place on the ring. */
export function indexMentor(round: PreparedRound, mentor: CompiledMentor): void {
  round.ring[mentor.index] = hashString(mentor.profile.id, RING_SEED);
  for (const key of new Set(mentorKeys(mentor))) {
    let list = round.postings.get(key);
    if (!list) round.postings.set(key, (list = []));
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ringBefore(round, list[mid]!, mentor.index) < 0) lo = mid + 1;
      else hi = mid;
    }
    list.splice(lo, 0, mentor.index);
  }
}

/** Takes a mentor out of the posting lists (a list left empty goes too, as if the mentor had never been there). */
export function unindexMentor(round: PreparedRound, mentor: CompiledMentor): void {
  for (const key of new Set(mentorKeys(mentor))) {
    const list = round.postings.get(key);
    if (!list) continue;
    const p = positionIn(round, list, mentor.index);
    if (p >= 0) list.splice(p, 1);
    if (list.length === 0) round.postings.delete(key);
  }
}

export function prepareRound(mentors: MentorProfile[], mentees: MenteeProfile[], rules: MatchingRules): PreparedRound {
  const round: PreparedRound = {
    rules,
    mentors: [...mentors].sort(byId).map((p, k) => compileMentor(p, rules, k)),
    mentees: [...mentees].sort(byId).map((p, k) => compileMentee(p, rules, k)),
    mentorIndex: new Map(),
    menteeIndex: new Map(),
    postings: new Map(),
    ring: [],
  };
  round.mentors.forEach((m) => round.mentorIndex.set(m.profile.id, m.index));
  round.mentees.forEach((m) => round.menteeIndex.set(m.profile.id, m.index));
  // Appended, then each list sorted once: inserting one by one would be quadratic on popular skills.
  for (const m of round.mentors) {
    round.ring[m.index] = hashString(m.profile.id, RING_SEED);
    for (const key of new Set(mentorKeys(m))) {
      let list = round.postings.get(key);
      if (!list) round.postings.set(key, (list = []));
      list.push(m.index);
    }
  }
  for (const list of round.postings.values()) list.sort((a, b) => ringBefore(round, a, b));
  return round;
}

/** Where mentor j sits in a newly indexed round's pool of this mentee. */
export interface PoolPlace {
  /** j is in the pool `candidatesFor` draws from the index (favourites aside). */
  contains: boolean;
  /**
   * j's arrival changed the pool in a way only a fresh search follows: it made the shared lists long enough for
   * windows to start, or it opened a list of its own (changing every window's length).
   */
  displaced: boolean;
  /**
   * The mentors j pushed out of a full window (each window's last one before j came): the pool is the old one
   * with j in and these out, unless another list or a favourite keeps them in.
   */
  evicted: number[];
}

/**
 * Mentor j's place in the pool `candidatesFor` draws for this mentee from the index (favourites aside): every
 * mentor sharing a key when they are few, else each posting list's window on the ring. `inserted` says j was just
 * added to the posting lists, for `displaced`.
 */
export function poolPlace(
  round: PreparedRound,
  mentee: CompiledMentee,
  j: number,
  inserted: boolean,
  /** j's position per posting list, shared by the calls of one change (the lists do not change in between). */
  positionCache: Map<number[], number> = new Map(),
): PoolPlace {
  const poolSize = Math.max(2 * Math.max(1, round.rules.topK), 64);
  const lists: number[][] = [];
  for (const key of keysOf(mentee)) {
    const l = round.postings.get(key);
    if (l) lists.push(l);
  }
  let shared = 0;
  let holding = 0;
  const positions = lists.map((l) => {
    let p = positionCache.get(l);
    if (p === undefined) positionCache.set(l, (p = positionIn(round, l, j)));
    return p;
  });
  for (let x = 0; x < lists.length; x++) {
    shared += lists[x]!.length;
    if (positions[x]! >= 0) holding++;
  }
  if (shared <= poolSize) return { contains: holding > 0, displaced: false, evicted: [] };
  const perList = Math.ceil(poolSize / Math.max(1, lists.length));
  // Before j arrived every shared mentor was in the pool: now windows start and the pool is drawn anew.
  if (inserted && shared - holding <= poolSize) return { contains: holding > 0, displaced: true, evicted: [] };
  // j opened a list of its own: the number of lists (each window's length) and their order changed.
  const opened = inserted && lists.some((l, x) => positions[x]! >= 0 && l.length === 1);
  let contains = false;
  const evicted: number[] = [];
  for (let x = 0; x < lists.length; x++) {
    const l = lists[x]!;
    const p = positions[x]!;
    if (p < 0) continue;
    const start = windowStart(round, l, pointOf(mentee, x));
    if ((p - start + l.length) % l.length < Math.min(perList, l.length)) {
      contains = true;
      if (inserted && l.length > perList) evicted.push(l[(start + perList) % l.length]!);
    }
  }
  return { contains, displaced: opened, evicted };
}

export function poolContains(round: PreparedRound, mentee: CompiledMentee, j: number): boolean {
  return poolPlace(round, mentee, j, false).contains;
}

/** The mentee's point on the ring of its x-th posting list. */
function menteePoint(menteeId: string, x: number): number {
  return hashString(menteeId, x + 1);
}

const pointCache = new WeakMap<CompiledMentee, number[]>();
function pointOf(mentee: CompiledMentee, x: number): number {
  let points = pointCache.get(mentee);
  if (!points) pointCache.set(mentee, (points = []));
  return (points[x] ??= menteePoint(mentee.profile.id, x));
}

/** Position of the first mentor at or after the given point on the ring (wrapping to 0). */
function windowStart(round: PreparedRound, list: number[], point: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (round.ring[list[mid]!]! < point) lo = mid + 1;
    else hi = mid;
  }
  return lo === list.length ? 0 : lo;
}

/** Position of j in a posting list, or -1 (binary search in ring order: lists run to thousands of mentors). */
function positionIn(round: PreparedRound, list: number[], j: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid]!;
    if (v === j) return mid;
    if (ringBefore(round, v, j) < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export interface MenteeCandidates {
  edges: CandidateEdge[];
  /** 0: from the index, 1: all mentors sharing a skill or topic, 2: every mentor. */
  stage: number;
  /** For a mentee left with no feasible mentor at all: how many mentors each hard rule excluded. */
  exclusions?: ExclusionCounts;
}

/**
 * Top-K candidates of one mentee. The pool is drawn from the posting lists of the mentee's sought skills and
 * goals, plus its favourites; each list contributes a window: the mentors following the mentee's own hashed point
 * on the list's ring, so that popular skills spread mentees over all their experts instead of sending everyone to
 * the same first few, and a mentor added later only enters the windows around its own point.
 * Only when no pooled mentor passes the hard rules does the search widen — to every mentor sharing a key, then
 * to every mentor — so pruning never drops a mentee who has a feasible mentor anywhere.
 */
export function candidatesFor(
  round: PreparedRound,
  mentee: CompiledMentee,
  scratch: { stamp: Int32Array; generation: number; values: Float64Array },
): MenteeCandidates {
  const { rules, mentors } = round;
  const k = Math.max(1, rules.topK);
  const poolSize = Math.max(2 * k, 64);
  const menteeVector = weightVector(rules.weights);
  const mentorVector = weightVector(rules.mentorWeights ?? DEFAULT_MENTOR_WEIGHTS);
  const keys = menteeKeys(mentee);
  if (scratch.stamp.length < mentors.length) scratch.stamp = new Int32Array(mentors.length * 2);

  const evaluate = (pool: Iterable<number>, exclusions?: ExclusionCounts): CandidateEdge[] => {
    const edges: CandidateEdge[] = [];
    for (const j of pool) {
      const mentor = mentors[j]!;
      const excluded = exclusionReason(mentor, mentee, rules);
      if (excluded) {
        if (exclusions) exclusions[excluded] = (exclusions[excluded] ?? 0) + 1;
        continue;
      }
      factorValues(mentor, mentee, rules, scratch.values);
      edges.push({
        mentor: j,
        score: toScaled(weightedScoreWith(scratch.values, menteeVector)),
        mentorScore: toScaled(weightedScoreWith(scratch.values, mentorVector, true)),
      });
    }
    edges.sort((a, b) => b.score - a.score || a.mentor - b.mentor);
    if (edges.length > k) edges.length = k;
    return edges;
  };

  const gen = ++scratch.generation;
  const pool: number[] = [];
  const add = (j: number): void => {
    if (scratch.stamp[j] === gen) return;
    scratch.stamp[j] = gen;
    pool.push(j);
  };
  for (const id of mentee.profile.favouriteMentorIds ?? []) {
    const j = round.mentorIndex.get(id);
    if (j !== undefined) add(j);
  }
  const lists = keys.map((key) => round.postings.get(key)).filter((l): l is number[] => l !== undefined);
  let shared = 0;
  for (const l of lists) shared += l.length;
  if (shared <= poolSize) for (const l of lists) for (const j of l) add(j);
  else {
    const perList = Math.ceil(poolSize / Math.max(1, lists.length));
    lists.forEach((l, x) => {
      const start = windowStart(round, l, menteePoint(mentee.profile.id, x));
      for (let t = 0; t < Math.min(perList, l.length); t++) add(l[(start + t) % l.length]!);
    });
  }
  const first = evaluate(pool);
  if (first.length > 0) return { edges: first, stage: 0 };

  if (shared > poolSize) {
    const wider = new Set<number>();
    for (const l of lists) for (const j of l) wider.add(j);
    const second = evaluate(wider);
    if (second.length > 0) return { edges: second, stage: 1 };
  }
  const exclusions: ExclusionCounts = {};
  const all = evaluate(
    mentors.map((m) => m.index),
    exclusions,
  );
  return all.length > 0 ? { edges: all, stage: 2 } : { edges: all, stage: 2, exclusions };
}

export interface CandidateResult {
  graph: CandidateGraph;
  /** Mentee indices whose search had to widen beyond the index pool. */
  widened: number[];
  /** Mentees with no feasible mentor at all, with the hard rules that excluded them. */
  noFeasible: Map<number, ExclusionCounts>;
}

export function newScratch(): { stamp: Int32Array; generation: number; values: Float64Array } {
  return { stamp: new Int32Array(0), generation: 0, values: newFactorBuffer() };
}

export function generateCandidates(round: PreparedRound): CandidateResult {
  const scratch = newScratch();
  const lists: CandidateEdge[][] = [];
  const widened: number[] = [];
  const noFeasible = new Map<number, ExclusionCounts>();
  for (const mentee of round.mentees) {
    const c = candidatesFor(round, mentee, scratch);
    lists.push(c.edges);
    if (c.stage > 0 && c.edges.length > 0) widened.push(mentee.index);
    if (c.exclusions) noFeasible.set(mentee.index, c.exclusions);
  }
  const graph = buildCandidateGraph(
    round.mentors.map((m) => Math.max(0, m.profile.capacity)),
    lists,
  );
  return { graph, widened, noFeasible };
}
