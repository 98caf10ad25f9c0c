import { type CandidateGraph } from './candidate-graph';

/**
 * Mentee-proposing deferred acceptance (Gale–Shapley) with mentor capacities.
 * Preferences are strict: a mentee ranks mentors by its list order (pair score desc, then mentor index asc);
 * a mentor ranks mentees by its own score (edgeMentorScore desc, then mentee index asc). Proposals are
 * processed from a FIFO queue seeded in mentee index order; the outcome is the mentee-optimal stable matching,
 * which does not depend on the order, so it is deterministic.
 */
export function solveDeferredAcceptance(graph: CandidateGraph): Int32Array {
  const { menteeCount: n, mentorCount: m, edgeStart, edgeMentor, edgeMentorScore, capacity } = graph;
  const next = Int32Array.from(edgeStart.subarray(0, n));
  const assignment = new Int32Array(n).fill(-1);
  const heldScore = new Int32Array(n);
  const load = new Int32Array(m);
  const head = new Int32Array(m).fill(-1);
  const link = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  for (let i = 0; i < n; i++) queue[i] = i;
  let qHead = 0;
  let qSize = n;

  while (qSize > 0) {
    let i = queue[qHead]!;
    qHead = (qHead + 1) % n;
    qSize--;
    while (i >= 0) {
      const e = next[i]!;
      if (e >= edgeStart[i + 1]!) break;
      next[i] = e + 1;
      const j = edgeMentor[e]!;
      const cap = capacity[j]!;
      if (cap <= 0) continue;
      const ms = edgeMentorScore[e]!;
      if (load[j]! < cap) {
        link[i] = head[j]!;
        head[j] = i;
        load[j]!++;
        assignment[i] = j;
        heldScore[i] = ms;
        i = -1;
        break;
      }
      // Full: find the mentor's least preferred held mentee (lowest score, then highest index).
      let worst = -1;
      let worstPrev = -1;
      for (let x = head[j]!, prev = -1; x >= 0; prev = x, x = link[x]!) {
        if (worst < 0 || heldScore[x]! < heldScore[worst]! || (heldScore[x] === heldScore[worst] && x > worst)) {
          worst = x;
          worstPrev = prev;
        }
      }
      if (ms > heldScore[worst]! || (ms === heldScore[worst] && i < worst)) {
        if (worstPrev < 0) head[j] = link[worst]!;
        else link[worstPrev] = link[worst]!;
        assignment[worst] = -1;
        link[i] = head[j]!;
        head[j] = i;
        assignment[i] = j;
        heldScore[i] = ms;
        i = worst;
      }
    }
  }
  return assignment;
}

/**
 * Pairs (i, j) on the candidate lists where i prefers j to its assignment and j has room or prefers i to one of
 * its mentees — with the same strict preferences as solveDeferredAcceptance.
 */
export function countBlockingPairs(graph: CandidateGraph, assignment: Int32Array): number {
  const { menteeCount: n, mentorCount: m, edgeStart, edgeMentor, edgeMentorScore, capacity } = graph;
  const load = new Int32Array(m);
  const worstScore = new Int32Array(m).fill(2 ** 31 - 1);
  const worstIndex = new Int32Array(m).fill(-1);
  const position = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = assignment[i]!;
    position[i] = edgeStart[i + 1]!;
    if (j < 0) continue;
    for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) {
      if (edgeMentor[e] !== j) continue;
      position[i] = e;
      const ms = edgeMentorScore[e]!;
      load[j]!++;
      if (ms < worstScore[j]! || (ms === worstScore[j] && i > worstIndex[j]!)) {
        worstScore[j] = ms;
        worstIndex[j] = i;
      }
      break;
    }
  }
  let blocking = 0;
  for (let i = 0; i < n; i++) {
    for (let e = edgeStart[i]!; e < position[i]!; e++) {
      const j = edgeMentor[e]!;
      if (capacity[j]! <= 0) continue;
      const ms = edgeMentorScore[e]!;
      if (load[j]! < capacity[j]! || ms > worstScore[j]! || (ms === worstScore[j] && i < worstIndex[j]!)) blocking++;
    }
  }
  return blocking;
}
