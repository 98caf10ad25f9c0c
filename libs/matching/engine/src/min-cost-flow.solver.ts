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
 * Algorithm: primal-dual with Johnson potentials. Only mentor potentials are stored: a matched mentee's potential
 * is implied by its mentor (its matched edge is kept tight), an unmatched one's by the sink, whose potential is
 * pinned to 0. Invariants (the optimality certificate, checked by `certificateViolation`): every edge of the
 * residual graph has a reduced cost ≥ 0; in mentor terms, a full mentor has h ≤ 0, a partly filled one h = 0,
 * an empty one h ≥ 0. A cold solve runs in two phases that both keep this certificate exact at every step:
 * 0. (Cold 'max-score' solves only.) An ε-scaling auction on scratch state estimates the mentor prices, which
 *    the exact auction then starts from instead of 0 (see `estimatePrices`). Without it the exact auction stalls
 *    in price wars on skewed programs — a few very popular mentors, scores driven by a shared mentor quality,
 *    scarce seats — and thousands of mentees are left to the searches of phase 2. Mentors the estimate priced
 *    but that keep a free seat are repaired by the cycle search of incremental changes before phase 2.
 * 1. An exact-price auction (Jonker–Volgenant's "augmenting row reduction" with capacities, see `auction`)
 *    places most mentees with one O(list) bid each, and leaves −h at roughly the final mentor prices.
 * 2. Successive shortest paths add whatever the auction handed back (ties, exhausted bid budget): one
 *    Dijkstra over mentors per mentee that stops as soon as the sink is settled, so with near-final prices a
 *    search only touches the few mentors whose reduced distance is below the augmenting path.
 * Any exact certificate with a full assignment is optimal, so the auction changes speed, not the optimum.
 *
 * The state survives between solves, which is what makes incremental re-solve cheap: adding a mentee is one
 * augmentation, freeing a slot is one negative-cycle search backwards from that mentor (reverse Dijkstra).
 *
 * Determinism: mentees are processed in a fixed order (strongest best score first, then index = id order;
 * displaced mentees re-bid in the order they were displaced), candidate edges are scanned in list order (score
 * desc, then mentor index asc), a bid displaces the first cheapest holder in list order, and the heap breaks
 * equal distances by its deterministic insertion order; so the same input always gives the same assignment.
 * When several assignments share the optimal objective, the one returned is the one this order reaches;
 * incremental and cold solves always agree on the objective value, and on the assignment whenever the optimum
 * is unique.
 */

export const UNMATCHED = -1;
/** A mentee not (yet) in the flow: not added, removed, or waiting to be re-added. */
export const INACTIVE = -2;

export type FlowObjective = 'max-score' | 'max-matched' | 'cardinality';

/** Makes any additional match worth more than the largest possible total score (≈1.1M mentees at scale 10^6). */
const MATCH_BONUS = 2 ** 40;
/** ε-scaling of the price estimate: from a tenth of the score range down to a few units of 10^-6. */
const ESTIMATE_FIRST_EPSILON = SCORE_SCALE / 10;
const ESTIMATE_LAST_EPSILON = 4;
/** Bid budget of the whole estimate; it only ever cuts the estimate short, never the exact solve. */
const ESTIMATE_BIDS_PER_MENTEE = 100;
/** Makes a locked pair win over everything else, including the match bonus. */
const LOCK_PENALTY = 2 ** 46;

export interface FlowMove {
  mentee: number;
  from: number;
  to: number;
}

/**
 * The sink's outgoing arcs of the residual graph, collapsed per mentor: the cheapest way from the sink into each
 * mentor (unmatching one of its mentees, or matching an unmatched mentee there), with the runner-up through another
 * mentee for searches that must not use a given one. Valid only while the engine is not changed.
 */
export interface SinkExits {
  best: Float64Array;
  pred: Int32Array;
  second: Float64Array;
  secondPred: Int32Array;
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

  edgeStart: Int32Array = new Int32Array(0);
  edgeEnd: Int32Array = new Int32Array(0);
  edgeMentor: Int32Array = new Int32Array(0);
  edgeScore: Int32Array = new Int32Array(0);
  poolSize = 0;

  locked: Uint8Array = new Uint8Array(0);
  assigned: Int32Array = new Int32Array(0);
  assignedScore: Int32Array = new Int32Array(0);
  private nextInList: Int32Array = new Int32Array(0);
  private prevInList: Int32Array = new Int32Array(0);

  capacity: Int32Array = new Int32Array(0);
  load: Int32Array = new Int32Array(0);
  private head: Int32Array = new Int32Array(0);
  h: Float64Array = new Float64Array(0);

  // Dijkstra scratch over mentors 0..m-1 plus the sink at index m; generation stamps avoid clearing.
  private dist: Float64Array = new Float64Array(0);
  private seen: Int32Array = new Int32Array(0);
  private done: Int32Array = new Int32Array(0);
  private heap: Int32Array = new Int32Array(0);
  private heapPos: Int32Array = new Int32Array(0);
  private heapSize = 0;
  private pred: Int32Array = new Int32Array(0);
  private settled: Int32Array = new Int32Array(0);
  private revTo: Int32Array = new Int32Array(0);
  private generation = 0;

  // Mentor -> (mentee, edge) pairs, built lazily for the reverse searches of incremental updates.
  private reverse: number[][] | null = null;

  /**
   * Auction bids allowed per pending mentee before the rest is left to augmentation. The exact (ε = 0)
   * auction can stall in long price wars of tiny increments; the budget caps that, and correctness never
   * depends on it.
   */
  auctionBidsPerMentee = 30;
  /**
   * Whether a cold 'max-score' solve first estimates mentor prices with an ε-scaling auction (see
   * `estimatePrices`). Only speed depends on it; tests turn it off to compare both paths.
   */
  estimateInitialPrices = true;
  /** Bids of the price estimate, mentors repaired after it, for the benchmark's counters. */
  estimateBids = 0;
  repairedMentors = 0;
  /** Candidate entries scanned by reverse searches; a search stops once it passes `reverseBudget`. */
  reverseScanned = 0;
  private reverseBudget = Infinity;
  augmentations = 0;
  auctionBids = 0;
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
    const n = this.n;
    // Mentees with the strongest best option go first: they claim the contested mentors early, so fewer of
    // them are displaced later. The order only affects speed and which of several equal optima is returned.
    const pending: number[] = [];
    const bestScore = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      if (this.assigned[i] !== INACTIVE) continue;
      pending.push(i);
      for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
        const s = this.edgeScore[e]!;
        if (s >= this.minScore && s > bestScore[i]!) bestScore[i] = s;
      }
    }
    pending.sort((a, b) => bestScore[b]! - bestScore[a]! || a - b);
    const estimated = this.estimateInitialPrices && this.isEmptyMaxScore() && this.estimatePrices(pending);
    // The auction queues displaced mentees behind the pending ones, so it gets its own copy.
    let leftover = this.auction(estimated ? [...pending] : pending);
    if (estimated && !this.repairPricedFreeSeats()) {
      // The estimate missed badly enough that its repairs would cost more than a plain solve: start over.
      for (let i = 0; i < this.n; i++) if (this.assigned[i] !== INACTIVE) this.detach(i);
      this.h.fill(0, 0, this.m);
      leftover = this.auction(pending);
    }
    for (const i of leftover) if (this.assigned[i] === INACTIVE) this.augment(i);
  }

  /**
   * Estimated prices can leave a mentor with a free seat and a price (h < 0) — typically the seat of a mentee the
   * auction handed back — the one part of the certificate the auction does not keep. Each such mentor gets the
   * cycle search of an incremental change. Those reverse searches scan every mentee listing a settled mentor,
   * which is costly around very popular mentors, so they get a budget of twenty passes over the edges; returns
   * false when it ran out (the state is then only fit to be reset).
   */
  private repairPricedFreeSeats(): boolean {
    this.reverseBudget = this.reverseScanned + 20 * this.poolSize;
    try {
      for (let j = 0; j < this.m; j++) {
        if (this.load[j]! < this.capacity[j]! && this.h[j]! < 0) {
          this.repairedMentors++;
          this.repairFreeSlot(j);
          if (this.reverseScanned > this.reverseBudget) return false;
        }
      }
      return true;
    } finally {
      this.reverseBudget = Infinity;
    }
  }

  /** A cold 'max-score' solve: nothing placed, no lock, all potentials at rest. */
  private isEmptyMaxScore(): boolean {
    if (this.objective !== 'max-score') return false;
    for (let i = 0; i < this.n; i++) if (this.assigned[i] !== INACTIVE || this.locked[i]) return false;
    for (let j = 0; j < this.m; j++) if (this.load[j] !== 0 || this.h[j] !== 0) return false;
    return true;
  }

  /**
   * Estimates the mentor prices of the optimum (−h) with a forward auction under ε-scaling (Bertsekas), run on
   * scratch state: every mentor seat is an object with its own price, a mentee bids for its best option (value
   * score − price, the unmatched option worth 0) and raises the cheapest seat there by its margin over the
   * second-best option plus ε, which ends price wars in O(range/ε) bids instead of stalling on tiny or zero
   * increments. Each phase re-runs the auction from the previous phase's prices with a smaller ε. The result is
   * only a starting point — the exact auction and the shortest paths after it make the solve exact whatever the
   * estimate — but close prices leave them little to do on any distribution of popularity, quality and ties.
   * Returns false (and changes nothing) when there is nothing to estimate.
   */
  private estimatePrices(pending: number[]): boolean {
    const { edgeMentor, edgeScore, edgeStart, edgeEnd, capacity } = this;
    const m = this.m;
    const minScore = this.minScore;
    const seatStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) seatStart[j + 1] = seatStart[j]! + Math.max(0, capacity[j]!);
    const seats = seatStart[m]!;
    if (seats === 0 || pending.length === 0) return false;
    const seatPrice = new Float64Array(seats);
    const seatHolder = new Int32Array(seats);
    // The cheapest seat of each mentor and its price; a mentor without seats is never bid for.
    const cheapest = new Int32Array(m).fill(-1);
    const price = new Float64Array(m).fill(Infinity);
    for (let j = 0; j < m; j++) {
      if (seatStart[j + 1]! > seatStart[j]!) {
        cheapest[j] = seatStart[j]!;
        price[j] = 0;
      }
    }
    const queue = new Int32Array(pending.length);
    let budget = ESTIMATE_BIDS_PER_MENTEE * pending.length;
    let previousEpsilon = 0;
    for (let epsilon = ESTIMATE_FIRST_EPSILON; ; epsilon = Math.max(ESTIMATE_LAST_EPSILON, epsilon / 4)) {
      // Every seat of a mentor restarts at the mentor's price, so an empty seat is always among the cheapest and
      // a mentor left with an empty seat really had room in this phase. Forward bids only raise prices and
      // leave them up to one ε above what the bidder would still pay; where mentees may stay unmatched nothing
      // would ever bring such a price down, so each phase first gives back the previous phase's ε.
      for (let j = 0; j < m; j++) {
        if (cheapest[j]! < 0) continue;
        price[j] = Math.max(0, price[j]! - previousEpsilon);
        seatPrice.fill(price[j]!, seatStart[j], seatStart[j + 1]);
        cheapest[j] = seatStart[j]!;
      }
      seatHolder.fill(-1);
      queue.set(pending);
      // A ring buffer: a displaced mentee re-enters at the back; at most `pending.length` wait at any time.
      let front = 0;
      let waiting = pending.length;
      let bids = 0;
      while (waiting > 0 && bids < budget) {
        const i = queue[front]!;
        front = front + 1 === queue.length ? 0 : front + 1;
        waiting--;
        let v1 = 0;
        let j1 = -1;
        let v2 = 0;
        for (let e = edgeStart[i]!; e < edgeEnd[i]!; e++) {
          const sc = edgeScore[e]!;
          if (sc < minScore) continue;
          const j = edgeMentor[e]!;
          const v = sc - price[j]!;
          if (v > v1) {
            v2 = v1;
            v1 = v;
            j1 = j;
          } else if (v > v2) v2 = v;
        }
        if (j1 < 0) continue;
        bids++;
        const seat = cheapest[j1]!;
        const out = seatHolder[seat]!;
        if (out >= 0) {
          const back = front + waiting < queue.length ? front + waiting : front + waiting - queue.length;
          queue[back] = out;
          waiting++;
        }
        seatHolder[seat] = i;
        seatPrice[seat] = seatPrice[seat]! + (v1 - v2) + epsilon;
        let best = seatStart[j1]!;
        for (let k = best + 1; k < seatStart[j1 + 1]!; k++) if (seatPrice[k]! < seatPrice[best]!) best = k;
        cheapest[j1] = best;
        price[j1] = seatPrice[best]!;
      }
      this.estimateBids += bids;
      budget -= bids;
      previousEpsilon = epsilon;
      if (epsilon <= ESTIMATE_LAST_EPSILON || budget <= 0) break;
    }
    // A mentor left with an empty seat has room, and a mentor with room is worth nothing at the optimum.
    for (let j = 0; j < m; j++) {
      if (cheapest[j]! < 0) continue;
      let full = true;
      for (let k = seatStart[j]!; k < seatStart[j + 1]!; k++) if (seatHolder[k]! < 0) full = false;
      this.h[j] = full ? -price[j]! : 0;
    }
    return true;
  }

  /**
   * Exact-price auction (the "augmenting row reduction" of Jonker–Volgenant, with mentor capacities): each
   * pending mentee takes its cheapest option j1 at reduced cost r1 = c − h; if j1 is full it outbids the holder
   * paying the least, at a price raised by r2 − r1 (r2: its second-cheapest option, the unmatched edge
   * included), so that it is exactly indifferent between j1 and its second choice. Each holder keeps the price
   * it bid ("slot price"); the mentor's potential is the lowest slot price, i.e. the highest slotH. That keeps
   * the certificate of the class comment exact at every step — holders paid at least the mentor's price and
   * prices only rise — so the successive-shortest-path phase can take over from any point. Bids that would not
   * raise a price (ties) could cycle, so such mentees, mentees whose best option has no capacity at all, and
   * everything left when the bid budget runs out are handed back for augmentation.
   */
  private auction(queue: number[]): number[] {
    const leftover: number[] = [];
    const { edgeMentor, edgeScore, edgeStart, edgeEnd, h, load, capacity, head, nextInList } = this;
    const minScore = this.minScore;
    const cardinality = this.objective === 'cardinality';
    const slotH = new Float64Array(this.n);
    // Existing holders paid the mentor's current price; empty mentors may drop to 0 (an empty mentor only
    // needs h ≥ 0, and lowering h never makes an arc's reduced cost negative).
    for (let j = 0; j < this.m; j++) {
      if (load[j] === 0 && capacity[j]! > 0 && h[j]! > 0) h[j] = 0;
      for (let i = head[j]!; i >= 0; i = nextInList[i]!) slotH[i] = h[j]!;
    }
    let budget = this.auctionBidsPerMentee * queue.length;
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q]!;
      if (budget <= 0) {
        leftover.push(i);
        continue;
      }
      const dummy = this.dummyCost(i);
      // r1/e1: cheapest option (-1 = unmatched edge), r2/e2: second cheapest.
      let r1 = dummy;
      let e1 = -1;
      let r2 = Infinity;
      let e2 = -1;
      for (let e = edgeStart[i]!; e < edgeEnd[i]!; e++) {
        const sc = edgeScore[e]!;
        if (sc < minScore) continue;
        const r = (cardinality ? 0 : SCORE_SCALE - sc) - h[edgeMentor[e]!]!;
        if (r < r1) {
          r2 = r1;
          e2 = e1;
          r1 = r;
          e1 = e;
        } else if (r < r2) {
          r2 = r;
          e2 = e;
        }
      }
      if (e1 < 0) {
        this.attach(i, UNMATCHED, 0);
        continue;
      }
      const j1 = edgeMentor[e1]!;
      if (load[j1]! < capacity[j1]!) {
        // A mentor with room has h = 0 and keeps it.
        slotH[i] = h[j1]!;
        this.attach(i, j1, edgeScore[e1]!);
        continue;
      }
      if (r2 === r1) {
        // A tie: take a tied option with room if there is one, else let the shortest-path phase decide.
        if (e2 < 0) this.attach(i, UNMATCHED, 0);
        else {
          const j2 = edgeMentor[e2]!;
          if (load[j2]! < capacity[j2]!) {
            slotH[i] = h[j2]!;
            this.attach(i, j2, edgeScore[e2]!);
          } else leftover.push(i);
        }
        continue;
      }
      if (capacity[j1] === 0) {
        leftover.push(i);
        continue;
      }
      budget--;
      this.auctionBids++;
      // Outbid the holder paying the least (highest slotH; the first such in list order).
      let out = -1;
      let outH = -Infinity;
      for (let k = head[j1]!; k >= 0; k = nextInList[k]!) {
        if (slotH[k]! > outH) {
          outH = slotH[k]!;
          out = k;
        }
      }
      this.detach(out);
      queue.push(out);
      slotH[i] = outH - (r2 - r1);
      this.attach(i, j1, edgeScore[e1]!);
      let hj = -Infinity;
      for (let k = head[j1]!; k >= 0; k = nextInList[k]!) if (slotH[k]! > hj) hj = slotH[k]!;
      h[j1] = hj;
    }
    return leftover;
  }

  // ---- forward augmentation: add one mentee --------------------------------------------------------------

  /** Adds an inactive mentee along a shortest augmenting path. */
  augment(s: number): void {
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
    const { seen, done, settled, load, capacity, head, nextInList, assignedScore, edgeStart, edgeEnd } = this;
    const W = cardinality ? 0 : SCORE_SCALE;
    for (;;) {
      const u = this.heapPop();
      if (u === T) break;
      done[u] = gen;
      settled[settledCount++] = u;
      const du = dist[u]!;
      const hu = h[u]!;
      if (load[u]! < capacity[u]!) {
        // ~u marks "reached the sink through a free slot of mentor u".
        if (this.relax(T, du + hu)) pred[T] = ~u;
      }
      for (let i = head[u]!; i >= 0; i = nextInList[i]!) {
        const base = du + hu - (cardinality ? 0 : W - assignedScore[i]!);
        const viaDummy = base + this.dummyCost(i);
        if (viaDummy < dist[T]! || seen[T] !== gen) {
          if (this.relax(T, viaDummy)) pred[T] = i;
        }
        const end = edgeEnd[i]!;
        // Every distance beyond the best known path to the sink is useless: the search stops there.
        const bound = seen[T] === gen ? dist[T]! : Infinity;
        for (let e = edgeStart[i]!; e < end; e++) {
          const w = edgeMentor[e]!;
          const sc = edgeScore[e]!;
          if (sc < minScore || w === u) continue;
          const nd = base + (cardinality ? 0 : W - sc) - h[w]!;
          if (nd >= bound) continue;
          if (seen[w] === gen) {
            if (done[w] === gen || nd >= dist[w]!) continue;
            dist[w] = nd;
            this.heapDecrease(w);
          } else {
            seen[w] = gen;
            dist[w] = nd;
            this.heapPush(w);
          }
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
    const p = pred[T]!;
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

  /** Mentees whose current candidate list contains mentor j, ascending. */
  menteesListing(j: number): number[] {
    const list = this.ensureReverse()[j] ?? [];
    const out: number[] = [];
    for (let k = 0; k < list.length; k += 2) {
      const i = list[k]!;
      const e = list[k + 1]!;
      if (e >= this.edgeStart[i]! && e < this.edgeEnd[i]! && this.edgeMentor[e] === j) out.push(i);
    }
    return [...new Set(out)].sort((a, b) => a - b);
  }

  /** Builds the reverse index now, so that the first incremental change does not pay for it. */
  prepareIncremental(): void {
    this.ensureReverse();
  }

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
        // sink→u exists when u holds flow: u gives up one mentee. For u = j this is the trivial cycle, which
        // caps D at −h[j] so that a partly filled j ends at exactly h = 0.
        if (this.load[u]! > 0) {
          if (this.relax(T, du - h[u]!)) pred[T] = ~u;
        }
        const list = reverse[u]!;
        this.reverseScanned += list.length >> 1;
        if (this.reverseScanned > this.reverseBudget) return;
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
    // Mentees losing their current mentor from the list leave first, while every edge to j is still absent,
    // so the repairs they trigger never see a negative reduced cost. A repair may move another updated mentee
    // onto a mentor its new list drops, so this repeats until every remaining mentee keeps its mentor.
    for (let again = true; again; ) {
      again = false;
      for (const u of updates) {
        const a = this.assigned[u.mentee]!;
        let keeps = a < 0;
        for (let k = 0; k < u.mentors.length; k++) if (u.mentors[k] === a) keeps = true;
        if (!keeps) {
          this.deactivate(u.mentee);
          moved.push(u.mentee);
          again = true;
        }
      }
    }
    for (const u of updates) this.setEdges(u.mentee, u.mentors, u.scores);
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
    this.repairFreeSlot(j);
    for (const i of moved) this.augment(i);
  }

  setCapacity(j: number, capacity: number): void {
    const next = Math.max(0, capacity);
    const evicted: number[] = [];
    if (this.load[j]! > next) {
      // Evict the lowest-scoring mentees (ties: highest index) — any choice is fine, re-adding them restores
      // the optimum because their shortest paths may lead straight back through j.
      const members = this.menteesOf(j).sort((a, b) => this.assignedScore[a]! - this.assignedScore[b]! || b - a);
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
   * Checks the optimality certificate of the class comment (every residual arc has reduced cost ≥ 0) and the
   * assignment's consistency; returns the first violation found, or null. O(edges); meant for tests.
   */
  certificateViolation(): string | null {
    const loads = new Int32Array(this.m);
    for (let i = 0; i < this.n; i++) {
      const a = this.assigned[i]!;
      if (a === INACTIVE) continue;
      if (a >= 0) {
        loads[a]!++;
        if (this.scoreOf(i, a) !== this.assignedScore[i] || this.assignedScore[i]! < this.minScore) {
          return `mentee ${i} holds a mentor that is not on its list`;
        }
        if (this.dummyCost(i) + this.menteePotential(i) < 0) return `mentee ${i} would gain by leaving`;
      }
      const p = this.menteePotential(i);
      for (let e = this.edgeStart[i]!; e < this.edgeEnd[i]!; e++) {
        const w = this.edgeMentor[e]!;
        const sc = this.edgeScore[e]!;
        if (w === a || sc < this.minScore) continue;
        if (this.edgeCost(sc) + p - this.h[w]! < 0) return `mentee ${i} → mentor ${w} has negative reduced cost`;
      }
    }
    for (let j = 0; j < this.m; j++) {
      if (loads[j] !== this.load[j] || this.load[j]! > this.capacity[j]!) return `mentor ${j} load is inconsistent`;
      if (this.load[j]! < this.capacity[j]! && this.h[j]! < 0) return `mentor ${j} has room but h < 0`;
      if (this.load[j]! > 0 && this.h[j]! > 0) return `mentor ${j} holds mentees but h > 0`;
    }
    return null;
  }

  /**
   * The sink's exits for many `forcedChange` calls on an unchanged engine: without them every search that reaches
   * the sink scans all unmatched mentees' edges, which dominates when a round leaves many mentees unmatched.
   */
  sinkExits(): SinkExits {
    const exits: SinkExits = {
      best: new Float64Array(this.m).fill(Infinity),
      pred: new Int32Array(this.m).fill(-2),
      second: new Float64Array(this.m).fill(Infinity),
      secondPred: new Int32Array(this.m).fill(-2),
    };
    const offer = (w: number, d: number, via: number) => {
      if (d < exits.best[w]!) {
        if (exits.pred[w] !== via) {
          exits.second[w] = exits.best[w]!;
          exits.secondPred[w] = exits.pred[w]!;
        }
        exits.best[w] = d;
        exits.pred[w] = via;
      } else if (via !== exits.pred[w] && d < exits.second[w]!) {
        exits.second[w] = d;
        exits.secondPred[w] = via;
      }
    };
    for (let v = 0; v < this.m; v++) if (this.load[v]! > 0) offer(v, -this.h[v]!, -1);
    for (let x = 0; x < this.n; x++) {
      if (this.assigned[x] !== UNMATCHED) continue;
      const hx = this.menteePotential(x);
      for (let e = this.edgeStart[x]!; e < this.edgeEnd[x]!; e++) {
        const sc = this.edgeScore[e]!;
        if (sc < this.minScore) continue;
        const w = this.edgeMentor[e]!;
        offer(w, this.edgeCost(sc) + hx - this.h[w]!, x);
      }
    }
    return exits;
  }

  /**
   * What forcing mentee i onto mentor j would do to the optimum: the cheapest cycle in the residual graph that
   * uses edge i→j, found by Dijkstra from j back to i's current place. Returns null when j cannot be reached
   * (no way to make room at j for i).
   */
  forcedChange(i: number, j: number, exits?: SinkExits): ForcedChange | null {
    const a = this.assigned[i]!;
    if (a === j || a === INACTIVE) return { scoreDelta: 0, matchedDelta: 0, moves: [] };
    if (this.scoreOf(i, j) < 0) return null;
    const target = a >= 0 ? a : this.m;
    this.searchFrom(j, i, target, exits);
    return this.done[target] === this.generation ? this.traceChange(i, j, target) : null;
  }

  /** Dijkstra over the residual graph from mentor j (entered by `forced`, never moved), until `target` settles. */
  private searchFrom(j: number, forced: number, target: number, exits?: SinkExits): void {
    const T = this.m;
    const { h, dist, pred, edgeMentor, edgeScore } = this;
    this.newSearch();
    const gen = this.generation;
    this.relax(j, 0);
    pred[j] = forced;
    while (this.heapSize > 0) {
      const u = this.heapPop();
      this.done[u] = gen;
      if (u === target) return;
      const du = dist[u]!;
      if (u === T && exits) {
        for (let v = 0; v < this.m; v++) {
          const viaOther = forced >= 0 && exits.pred[v] === forced;
          const d = viaOther ? exits.second[v]! : exits.best[v]!;
          if (d !== Infinity && this.relax(v, du + d)) pred[v] = viaOther ? exits.secondPred[v]! : exits.pred[v]!;
        }
        continue;
      }
      if (u === T) {
        for (let v = 0; v < this.m; v++) {
          if (this.load[v]! > 0 && this.relax(v, du - h[v]!)) pred[v] = -1;
        }
        for (let x = 0; x < this.n; x++) {
          if (this.assigned[x] !== UNMATCHED || x === forced) continue;
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
        if (x === forced) continue;
        const hx = this.menteePotential(x);
        if (this.relax(T, du + this.dummyCost(x) + hx)) pred[T] = x;
        for (let e = this.edgeStart[x]!; e < this.edgeEnd[x]!; e++) {
          const w = edgeMentor[e]!;
          if (w === u) continue;
          const sc = edgeScore[e]!;
          if (sc < this.minScore) continue;
          if (this.relax(w, du + this.edgeCost(sc) + hx - h[w]!)) pred[w] = x;
        }
      }
    }
  }

  /** The cycle of the last search from j back to `target` (i's current place), as moves and their totals. */
  private traceChange(i: number, j: number, target: number): ForcedChange | null {
    const T = this.m;
    const { pred } = this;
    const a = this.assigned[i]!;
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
      if (node === j) break;
      const p = pred[node]!;
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
