import { type CandidateGraph } from './candidate-graph';
import { SCORE_SCALE } from './scoring';

/**
 * Exact min-cost flow for the mentor b-matching.
 *
 * Network: every mentee sends one unit either through a candidate edge to a mentor (cost W − score, where
 * W = SCORE_SCALE, so costs are ≥ 0) and on to the sink (mentor capacity), or straight to the sink through its
 * own "unmatched" edge (cost W, i.e. value 0; plus BIG under 'max-matched', which makes every match worth more
 * than any total of score differences). Minimising cost = maximising total score.
 *
 * Algorithm: successive shortest paths with Johnson potentials (primal-dual). Only mentor potentials are stored:
 * a matched mentee's potential is implied by its mentor (its matched edge is kept tight), an unmatched one's by
 * the sink, whose potential is pinned to 0. Each mentee is added by one Dijkstra over mentors that stops as soon
 * as the sink is settled, so a search only touches mentors whose reduced distance is below the augmenting path.
 * Invariants (the optimality certificate): every edge of the residual graph has a reduced cost ≥ 0; in mentor
 * terms, a full mentor has h ≤ 0, a partly filled one h = 0, an empty one h ≥ 0.
 *
 * The state survives between solves, which is what makes incremental re-solve cheap: adding a mentee is one
 * augmentation, freeing a slot is one negative-cycle search backwards from that mentor (reverse Dijkstra).
 *
 * Determinism: mentees are added in index order (= id order), candidate edges are scanned in list order
 * (score desc, then mentor index asc), and the heap breaks equal distances by its deterministic insertion order;
 * so the same input always gives the same assignment. When several assignments share the optimal objective,
 * the one returned is the one this order reaches; incremental and cold solves always agree on the objective
 * value, and on the assignment whenever the optimum is unique.
 */

export const UNMATCHED = -1;
/** A mentee not (yet) in the flow: not added, removed, or waiting to be re-added. */
export const INACTIVE = -2;

export type FlowObjective = 'max-score' | 'max-matched' | 'cardinality';

/** Makes any additional match worth more than the largest possible total score (≈1.1M mentees at scale 10^6). */
const MATCH_BONUS = 2 ** 40;
/** Makes a locked pair win over everything else, including the match bonus. */
const LOCK_PENALTY = 2 ** 46;

export interface FlowMove {
  mentee: number;
  from: number;
  to: number;
}

export interface ForcedChange {
  /** Change of total scaled score if the pair is forced (≤ 0 at an optimum for 'max-score'). */
  scoreDelta: number;
  matchedDelta: number;
  moves: FlowMove[];
}

function grow(a: Int32Array, size: number, fill = 0): Int32Array {
  if (a.length >= size) return a;
  const b = new Int32Array(Math.max(size, a.length * 2));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}

function growF(a: Float64Array, size: number): Float64Array {
  if (a.length >= size) return a;
  const b = new Float64Array(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export class FlowEngine {
  n = 0;
  m = 0;
  readonly objective: FlowObjective;
  /** Edges with a lower score are ignored (used by the 'fairest' threshold search). */
  readonly minScore: number;

  edgeStart = new Int32Array(0);
  edgeEnd = new Int32Array(0);
  edgeMentor = new Int32Array(0);
  edgeScore = new Int32Array(0);
  poolSize = 0;

  locked = new Uint8Array(0);
  assigned = new Int32Array(0);
  assignedScore = new Int32Array(0);
  private nextInList = new Int32Array(0);
  private prevInList = new Int32Array(0);

  capacity = new Int32Array(0);
  load = new Int32Array(0);
  private head = new Int32Array(0);
  h = new Float64Array(0);

  // Dijkstra scratch over mentors 0..m-1 plus the sink at index m; generation stamps avoid clearing.
  private dist = new Float64Array(0);
  private seen = new Int32Array(0);
  private done = new Int32Array(0);
  private heap = new Int32Array(0);
  private heapPos = new Int32Array(0);
  private heapSize = 0;
  private pred = new Int32Array(0);
  private settled = new Int32Array(0);
  private revTo = new Int32Array(0);
  private generation = 0;

  // Mentor -> (mentee, edge) pairs, built lazily for the reverse searches of incremental updates.
  private reverse: number[][] | null = null;

  augmentations = 0;
  scannedMentors = 0;

  constructor(objective: FlowObjective = 'max-score', minScore = 0) {
    this.objective = objective;
    this.minScore = minScore;
  }

  static fromGraph(graph: CandidateGraph, objective: FlowObjective = 'max-score', minScore = 0): FlowEngine {
    const engine = new FlowEngine(objective, minScore);
    engine.ensureMentors(graph.mentorCount);
    engine.m = graph.mentorCount;
    engine.capacity.set(graph.capacity);
    const n = graph.menteeCount;
    engine.ensureMentees(n);
    engine.n = n;
    engine.edgeStart.set(graph.edgeStart.subarray(0, n));
    engine.edgeEnd.set(graph.edgeStart.subarray(1, n + 1));
    // Shares the graph's arrays until an incremental change needs to append (copy-on-grow).
    engine.edgeMentor = graph.edgeMentor;
    engine.edgeScore = graph.edgeScore;
    engine.poolSize = graph.edgeStart[n]!;
    return engine;
  }

  ensureMentees(size: number): void {
    this.edgeStart = grow(this.edgeStart, size);
    this.edgeEnd = grow(this.edgeEnd, size);
    this.assigned = grow(this.assigned, size, INACTIVE);
    this.assignedScore = grow(this.assignedScore, size);
    this.nextInList = grow(this.nextInList, size);
    this.prevInList = grow(this.prevInList, size);
    if (this.locked.length < size) {
      const b = new Uint8Array(Math.max(size, this.locked.length * 2));
      b.set(this.locked);
      this.locked = b;
    }
  }

  ensureMentors(size: number): void {
    this.capacity = grow(this.capacity, size);
    this.load = grow(this.load, size);
    this.head = grow(this.head, size, -1);
    this.h = growF(this.h, size);
    const nodes = size + 1;
    this.dist = growF(this.dist, nodes);
    this.seen = grow(this.seen, nodes);
    this.done = grow(this.done, nodes);
    this.heap = grow(this.heap, nodes);
    this.heapPos = grow(this.heapPos, nodes);
    this.pred = grow(this.pred, nodes);
    this.settled = grow(this.settled, nodes);
    if (this.reverse) while (this.reverse.length < size) this.reverse.push([]);
  }

  ensurePool(size: number): void {
    if (this.edgeMentor.length >= size) return;
    const cap = Math.max(size, Math.ceil(this.edgeMentor.length * 1.5) + 16);
    const a = new Int32Array(cap);
    a.set(this.edgeMentor.subarray(0, this.poolSize));
    const b = new Int32Array(cap);
    b.set(this.edgeScore.subarray(0, this.poolSize));
    this.edgeMentor = a;
    this.edgeScore = b;
  }

  // ---- costs -------------------------------------------------------------------------------------------

  edgeCost(score: number): number {
    return this.objective === 'cardinality' ? 0 : SCORE_SCALE - score;
  }

  dummyCost(i: number): number {
    const lock = this.locked[i] ? (this.objective === 'cardinality' ? 2 ** 30 : LOCK_PENALTY) : 0;
    if (this.objective === 'cardinality') return 1 + lock;
    return SCORE_SCALE + (this.objective === 'max-matched' ? MATCH_BONUS : 0) + lock;
  }

  /** Potential of a mentee, implied by its (tight) matched edge or by the sink. */
  private menteePotential(i: number): number {
    const a = this.assigned[i]!;
    if (a >= 0) return this.h[a]! - this.edgeCost(this.assignedScore[i]!);
    return -this.dummyCost(i);
  }

  // ---- assignment lists --------------------------------------------------------------------------------

  private attach(i: number, mentor: number, score: number): void {
    this.assigned[i] = mentor;
    this.assignedScore[i] = score;
    if (mentor < 0) return;
    const first = this.head[mentor]!;
    this.nextInList[i] = first;
    this.prevInList[i] = -1;
    if (first >= 0) this.prevInList[first] = i;
    this.head[mentor] = i;
    this.load[mentor]!++;
  }

  private detach(i: number): void {
    const mentor = this.assigned[i]!;
    this.assigned[i] = INACTIVE;
    if (mentor < 0) return;
    const next = this.nextInList[i]!;
    const prev = this.prevInList[i]!;
    if (prev >= 0) this.nextInList[prev] = next;
    else this.head[mentor] = next;
    if (next >= 0) this.prevInList[next] = prev;
    this.load[mentor]!--;
  }

  menteesOf(mentor: number): number[] {
    const out: number[] = [];
    for (let i = this.head[mentor]!; i >= 0; i = this.nextInList[i]!) out.push(i);
    return out;
  }

  private scoreOf(i: number, mentor: number): number {
    for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
      if (this.edgeMentor[e] === mentor) return this.edgeScore[e]!;
    }
    return -1;
  }

  // ---- heap (indexed binary heap on dist) ----------------------------------------------------------------

  private heapPush(v: number): void {
    let k = this.heapSize++;
    const d = this.dist[v]!;
    const heap = this.heap;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const p = heap[parent]!;
      if (this.dist[p]! <= d) break;
      heap[k] = p;
      this.heapPos[p] = k;
      k = parent;
    }
    heap[k] = v;
    this.heapPos[v] = k;
  }

  private heapDecrease(v: number): void {
    let k = this.heapPos[v]!;
    const d = this.dist[v]!;
    const heap = this.heap;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const p = heap[parent]!;
      if (this.dist[p]! <= d) break;
      heap[k] = p;
      this.heapPos[p] = k;
      k = parent;
    }
    heap[k] = v;
    this.heapPos[v] = k;
  }

  private heapPop(): number {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap[--this.heapSize]!;
    const size = this.heapSize;
    if (size > 0) {
      const d = this.dist[last]!;
      let k = 0;
      for (;;) {
        let c = 2 * k + 1;
        if (c >= size) break;
        const r = c + 1;
        if (r < size && this.dist[heap[r]!]! < this.dist[heap[c]!]!) c = r;
        if (this.dist[heap[c]!]! >= d) break;
        heap[k] = heap[c]!;
        this.heapPos[heap[k]!] = k;
        k = c;
      }
      heap[k] = last;
      this.heapPos[last] = k;
    }
    return top;
  }

  /** Lowers v's tentative distance; returns whether it improved. */
  private relax(v: number, d: number): boolean {
    const gen = this.generation;
    if (this.seen[v] !== gen) {
      this.seen[v] = gen;
      this.dist[v] = d;
      this.heapPush(v);
      return true;
    }
    if (this.done[v] === gen || d >= this.dist[v]!) return false;
    this.dist[v] = d;
    this.heapDecrease(v);
    return true;
  }

  private newSearch(): void {
    this.generation++;
    this.heapSize = 0;
  }

  // ---- cold solve ----------------------------------------------------------------------------------------

  /** Adds every inactive mentee; from an empty state this is a cold solve. */
  solveAll(): void {
    const { n, m } = this;
    // Seed: with all potentials 0 a mentee whose cheapest option has room can take it without any search,
    // which settles most of a realistic program before the first Dijkstra.
    const pending: number[] = [];
    for (let i = 0; i < n; i++) {
      if (this.assigned[i] !== INACTIVE) continue;
      let best = -1;
      let bestCost = this.dummyCost(i);
      for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
        const s = this.edgeScore[e]!;
        if (s < this.minScore) continue;
        const c = this.edgeCost(s) - this.h[this.edgeMentor[e]!]!;
        if (c < bestCost) {
          bestCost = c;
          best = e;
        }
      }
      if (best < 0) {
        if (this.allMentorPotentialsZero(m)) this.attach(i, UNMATCHED, 0);
        else pending.push(i);
        continue;
      }
      const mentor = this.edgeMentor[best]!;
      if (this.h[mentor] === 0 && this.load[mentor]! < this.capacity[mentor]!) {
        this.attach(i, mentor, this.edgeScore[best]!);
      } else pending.push(i);
    }
    for (const i of pending) this.augment(i);
  }

  private potentialsZero: boolean | null = null;
  private allMentorPotentialsZero(m: number): boolean {
    if (this.potentialsZero === null) {
      this.potentialsZero = true;
      for (let j = 0; j < m; j++) {
        if (this.h[j] !== 0) {
          this.potentialsZero = false;
          break;
        }
      }
    }
    return this.potentialsZero;
  }

  // ---- forward augmentation: add one mentee --------------------------------------------------------------

  /** Adds an inactive mentee along a shortest augmenting path. */
  augment(s: number): void {
    this.potentialsZero = null;
    this.augmentations++;
    const T = this.m;
    const { edgeMentor, edgeScore, h, dist, pred } = this;
    const minScore = this.minScore;
    const cardinality = this.objective === 'cardinality';
    this.newSearch();

    // The source's potential makes its cheapest option reduced cost 0.
    let hs = -this.dummyCost(s);
    for (let e = this.edgeStart[s]!; e < this.edgeEnd[s]!; e++) {
      const sc = edgeScore[e]!;
      if (sc < minScore) continue;
      const v = h[edgeMentor[e]!]! - (cardinality ? 0 : SCORE_SCALE - sc);
      if (v > hs) hs = v;
    }
    if (this.relax(T, this.dummyCost(s) + hs)) pred[T] = s;
    for (let e = this.edgeStart[s]!; e < this.edgeEnd[s]!; e++) {
      const sc = edgeScore[e]!;
      if (sc < minScore) continue;
      const w = edgeMentor[e]!;
      if (this.relax(w, (cardinality ? 0 : SCORE_SCALE - sc) + hs - h[w]!)) pred[w] = s;
    }

    let settledCount = 0;
    const gen = this.generation;
    for (;;) {
      const u = this.heapPop();
      if (u === T) break;
      this.done[u] = gen;
      this.settled[settledCount++] = u;
      const du = dist[u]!;
      const hu = h[u]!;
      if (this.load[u]! < this.capacity[u]!) {
        // ~u marks "reached the sink through a free slot of mentor u".
        if (this.relax(T, du + hu)) pred[T] = ~u;
      }
      for (let i = this.head[u]!; i >= 0; i = this.nextInList[i]!) {
        const base = du + hu - (cardinality ? 0 : SCORE_SCALE - this.assignedScore[i]!);
        if (this.relax(T, base + this.dummyCost(i))) pred[T] = i;
        const end = this.edgeEnd[i]!;
        for (let e = this.edgeStart[i]!; e < end; e++) {
          const w = edgeMentor[e]!;
          if (w === u) continue;
          const sc = edgeScore[e]!;
          if (sc < minScore) continue;
          const nd = base + (cardinality ? 0 : SCORE_SCALE - sc) - h[w]!;
          if (this.seen[w] === gen && (this.done[w] === gen || nd >= dist[w]!)) continue;
          this.relax(w, nd);
          pred[w] = i;
        }
      }
    }
    this.scannedMentors += settledCount;
    const D = dist[T]!;
    for (let k = 0; k < settledCount; k++) {
      const u = this.settled[k]!;
      h[u] = h[u]! + dist[u]! - D;
    }

    // Walk the path back from the sink, shifting each mentee one step along it.
    let p = pred[T]!;
    let mentor: number;
    let incoming: number;
    if (p < 0) {
      mentor = ~p;
      incoming = pred[mentor]!;
    } else {
      // A matched mentee gives up its place and becomes unmatched.
      const leaving = p;
      mentor = this.assigned[leaving]!;
      this.detach(leaving);
      this.attach(leaving, UNMATCHED, 0);
      if (leaving === s) return;
      incoming = pred[mentor]!;
    }
    for (;;) {
      const i = incoming;
      const previous = this.assigned[i]!;
      if (i !== s) this.detach(i);
      this.attach(i, mentor, this.scoreOf(i, mentor));
      if (i === s) return;
      mentor = previous;
      incoming = pred[mentor]!;
    }
  }

  // ---- reverse repair: a slot became free at a mentor whose potential still says "full" ------------------

  private ensureReverse(): number[][] {
    if (this.reverse) return this.reverse;
    const reverse: number[][] = [];
    for (let j = 0; j < this.m; j++) reverse.push([]);
    for (let i = 0; i < this.n; i++) {
      for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) reverse[this.edgeMentor[e]!]!.push(i, e);
    }
    this.reverse = reverse;
    return reverse;
  }

  /** Registers mentee i's current edge range in the reverse index (stale entries are skipped on use). */
  private indexEdges(i: number): void {
    if (!this.reverse) return;
    for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) this.reverse[this.edgeMentor[e]!]!.push(i, e);
  }

  /**
   * Mentor j has free capacity but h[j] < 0, i.e. the residual edge j→sink has negative reduced cost. Any
   * improving cycle must use that edge, so the best one is j→sink plus a shortest sink⇝j path, found by
   * Dijkstra on reversed edges starting at j. Cancel it while it is negative and j still has room.
   */
  repairFreeSlot(j: number): void {
    const reverse = this.ensureReverse();
    const T = this.m;
    const { h, dist, pred, edgeMentor, edgeScore } = this;
    this.potentialsZero = null;
    while (this.load[j]! < this.capacity[j]! && h[j]! < 0) {
      this.newSearch();
      const gen = this.generation;
      this.relax(j, 0);
      let settledCount = 0;
      let maxSettled = 0;
      let reachedSink = false;
      while (this.heapSize > 0) {
        const u = this.heapPop();
        if (u === T) {
          reachedSink = true;
          break;
        }
        this.done[u] = gen;
        this.settled[settledCount++] = u;
        const du = dist[u]!;
        if (du > maxSettled) maxSettled = du;
        // sink→u exists when u holds flow: u gives up one mentee.
        if (u !== j && this.load[u]! > 0) {
          if (this.relax(T, du - h[u]!)) pred[T] = ~u;
        }
        const list = reverse[u]!;
        for (let k = 0; k < list.length; k += 2) {
          const i = list[k]!;
          const e = list[k + 1]!;
          if (e < this.edgeStart[i]! || e >= this.edgeEnd[i]! || edgeMentor[e] !== u) continue;
          const a = this.assigned[i]!;
          if (a === u || a === INACTIVE) continue;
          const sc = edgeScore[e]!;
          if (sc < this.minScore) continue;
          const di = du + this.edgeCost(sc) + this.menteePotential(i) - h[u]!;
          if (a === UNMATCHED) {
            if (this.relax(T, di)) {
              pred[T] = i;
              this.revTo = grow(this.revTo, this.n);
              this.revTo[i] = u;
            }
          } else if (this.relax(a, di)) {
            pred[a] = i;
            this.revTo = grow(this.revTo, this.n);
            this.revTo[i] = u;
          }
        }
      }
      const D = reachedSink ? dist[T]! : Math.max(maxSettled, -h[j]!);
      for (let k = 0; k < settledCount; k++) {
        const u = this.settled[k]!;
        h[u] = h[u]! + D - dist[u]!;
      }
      if (!reachedSink || h[j]! >= 0) return;
      // Cancel the cycle: starting from the sink end, each mentee moves one mentor closer to j.
      const p = pred[T]!;
      let i = p < 0 ? pred[~p]! : p;
      for (;;) {
        const to = this.revTo[i]!;
        this.detach(i);
        this.attach(i, to, this.scoreOf(i, to));
        if (to === j) break;
        i = pred[to]!;
      }
    }
  }

  // ---- incremental operations ----------------------------------------------------------------------------

  /** Replaces mentee i's candidate list (appended to the pool; the old range becomes garbage). */
  setEdges(i: number, mentors: ArrayLike<number>, scores: ArrayLike<number>): void {
    const start = this.poolSize;
    this.ensurePool(start + mentors.length);
    for (let k = 0; k < mentors.length; k++) {
      this.edgeMentor[start + k] = mentors[k]!;
      this.edgeScore[start + k] = scores[k]!;
    }
    this.poolSize += mentors.length;
    this.edgeStart[i] = start;
    this.edgeEnd[i] = this.poolSize;
    this.indexEdges(i);
  }

  addMentee(mentors: ArrayLike<number>, scores: ArrayLike<number>): number {
    const i = this.n;
    this.ensureMentees(i + 1);
    this.n = i + 1;
    this.assigned[i] = INACTIVE;
    this.locked[i] = 0;
    this.setEdges(i, mentors, scores);
    this.augment(i);
    return i;
  }

  /** Takes mentee i out of the flow and repairs optimality around the slot it frees. */
  deactivate(i: number): void {
    const a = this.assigned[i]!;
    if (a === INACTIVE) return;
    this.detach(i);
    if (a >= 0) this.repairFreeSlot(a);
  }

  removeMentee(i: number): void {
    this.deactivate(i);
    this.edgeEnd[i] = this.edgeStart[i]!;
  }

  addMentor(capacity: number): number {
    const j = this.m;
    this.ensureMentors(j + 1);
    this.m = j + 1;
    this.capacity[j] = Math.max(0, capacity);
    this.load[j] = 0;
    this.head[j] = -1;
    this.h[j] = 0;
    if (this.reverse) this.reverse[j] = [];
    return j;
  }

  /**
   * Makes mentor j a candidate of the given mentees (their new full lists are passed in). To keep every
   * reduced cost ≥ 0 the new mentor starts at the lowest potential its incoming edges allow; if that is
   * negative while it has room, the free-slot repair finds the mentees that gain by moving.
   */
  connectMentor(j: number, updates: { mentee: number; mentors: ArrayLike<number>; scores: ArrayLike<number> }[]): void {
    const moved: number[] = [];
    for (const u of updates) {
      const a = this.assigned[u.mentee]!;
      let keeps = a < 0;
      for (let k = 0; k < u.mentors.length; k++) if (u.mentors[k] === a) keeps = true;
      if (!keeps) {
        this.deactivate(u.mentee);
        moved.push(u.mentee);
      }
      this.setEdges(u.mentee, u.mentors, u.scores);
    }
    let hj = this.h[j]!;
    for (const u of updates) {
      const i = u.mentee;
      if (this.assigned[i] === INACTIVE) continue;
      for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
        if (this.edgeMentor[e] !== j || this.edgeScore[e]! < this.minScore) continue;
        hj = Math.min(hj, this.edgeCost(this.edgeScore[e]!) + this.menteePotential(i));
      }
    }
    this.h[j] = hj;
    this.potentialsZero = null;
    this.repairFreeSlot(j);
    for (const i of moved) this.augment(i);
  }

  setCapacity(j: number, capacity: number): void {
    const next = Math.max(0, capacity);
    const evicted: number[] = [];
    if (this.load[j]! > next) {
      // Evict the lowest-scoring mentees (ties: highest index) — any choice is fine, re-adding them restores
      // the optimum because their shortest paths may lead straight back through j.
      const members = this.menteesOf(j).sort(
        (a, b) => this.assignedScore[a]! - this.assignedScore[b]! || b - a,
      );
      for (const i of members.slice(0, this.load[j]! - next)) {
        this.detach(i);
        evicted.push(i);
      }
    }
    this.capacity[j] = next;
    if (this.load[j]! < next && this.h[j]! < 0) this.repairFreeSlot(j);
    if (this.load[j]! === next && this.h[j]! > 0) this.h[j] = 0;
    for (const i of evicted) this.augment(i);
  }

  /** Forbids pair (i, j): drops the edge; if it was in use, i is re-added. */
  forbid(i: number, j: number): void {
    const mentors: number[] = [];
    const scores: number[] = [];
    for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
      if (this.edgeMentor[e] === j) continue;
      mentors.push(this.edgeMentor[e]!);
      scores.push(this.edgeScore[e]!);
    }
    const wasActive = this.assigned[i] !== INACTIVE;
    if (this.assigned[i] === j) this.deactivate(i);
    this.setEdges(i, mentors, scores);
    if (wasActive && this.assigned[i] === INACTIVE) this.augment(i);
  }

  /** Locks pair (i, j) with the given score: i may only go to j, and being unmatched costs LOCK_PENALTY. */
  lock(i: number, j: number, score: number): void {
    const wasActive = this.assigned[i] !== INACTIVE;
    if (this.assigned[i] !== j) this.deactivate(i);
    this.locked[i] = 1;
    this.setEdges(i, [j], [score]);
    if (wasActive && this.assigned[i] === INACTIVE) this.augment(i);
  }

  // ---- results -------------------------------------------------------------------------------------------

  totalScore(): number {
    let total = 0;
    for (let i = 0; i < this.n; i++) if (this.assigned[i]! >= 0) total += this.assignedScore[i]!;
    return total;
  }

  matchedCount(): number {
    let count = 0;
    for (let i = 0; i < this.n; i++) if (this.assigned[i]! >= 0) count++;
    return count;
  }

  /**
   * What forcing mentee i onto mentor j would do to the optimum: the cheapest cycle in the residual graph that
   * uses edge i→j, found by Dijkstra from j back to i's current place. Returns null when j cannot be reached
   * (no way to make room at j for i).
   */
  forcedChange(i: number, j: number): ForcedChange | null {
    const T = this.m;
    const a = this.assigned[i]!;
    if (a === j || a === INACTIVE) return { scoreDelta: 0, matchedDelta: 0, moves: [] };
    const score = this.scoreOf(i, j);
    if (score < 0) return null;
    const target = a >= 0 ? a : T;
    const { h, dist, pred, edgeMentor, edgeScore } = this;
    this.newSearch();
    const gen = this.generation;
    this.relax(j, 0);
    pred[j] = i;
    let found = false;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      this.done[u] = gen;
      if (u === target) {
        found = true;
        break;
      }
      const du = dist[u]!;
      if (u === T) {
        for (let v = 0; v < this.m; v++) {
          if (this.load[v]! > 0 && this.relax(v, du - h[v]!)) pred[v] = -1;
        }
        for (let x = 0; x < this.n; x++) {
          if (this.assigned[x] !== UNMATCHED || x === i) continue;
          const hx = this.menteePotential(x);
          for (let e = this.edgeStart[x]!; e < this.edgeEnd[x]!; e++) {
            const sc = edgeScore[e]!;
            if (sc < this.minScore) continue;
            const w = edgeMentor[e]!;
            if (this.relax(w, du + this.edgeCost(sc) + hx - h[w]!)) pred[w] = x;
          }
        }
        continue;
      }
      if (this.load[u]! < this.capacity[u]! && this.relax(T, du + h[u]!)) pred[T] = ~u;
      for (let x = this.head[u]!; x >= 0; x = this.nextInList[x]!) {
        if (x === i) continue;
        const hx = this.menteePotential(x);
        if (this.relax(T, du + this.dummyCost(x) + hx - h[u]! + h[u]!)) pred[T] = x;
        for (let e = this.edgeStart[x]!; e < this.edgeEnd[x]!; e++) {
          const w = edgeMentor[e]!;
          if (w === u) continue;
          const sc = edgeScore[e]!;
          if (sc < this.minScore) continue;
          if (this.relax(w, du + this.edgeCost(sc) + hx - h[w]!)) pred[w] = x;
        }
      }
    }
    if (!found) return null;
    // Trace the cycle back to j, collecting who moves where.
    const moves: FlowMove[] = [];
    let node = target;
    let guard = 0;
    for (;;) {
      if (guard++ > this.n + this.m + 2) return null;
      if (node === T) {
        const p = pred[T]!;
        if (p < 0) node = ~p;
        else {
          moves.push({ mentee: p, from: this.assigned[p]!, to: UNMATCHED });
          node = this.assigned[p]!;
        }
        continue;
      }
      const p = pred[node]!;
      if (node === j && p === i) break;
      if (p === -1) {
        node = T;
        continue;
      }
      moves.push({ mentee: p, from: this.assigned[p]!, to: node });
      node = this.assigned[p]! >= 0 ? this.assigned[p]! : T;
    }
    moves.push({ mentee: i, from: a, to: j });
    let scoreDelta = 0;
    let matchedDelta = 0;
    for (const mv of moves) {
      const before = mv.from >= 0 ? this.assignedScore[mv.mentee]! : 0;
      const after = mv.to >= 0 ? this.scoreOf(mv.mentee, mv.to) : 0;
      scoreDelta += after - before;
      matchedDelta += (mv.to >= 0 ? 1 : 0) - (mv.from >= 0 ? 1 : 0);
    }
    return { scoreDelta, matchedDelta, moves: moves.reverse() };
  }
}
