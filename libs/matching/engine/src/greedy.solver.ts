import { type CandidateGraph } from './candidate-graph';
import { SCORE_SCALE } from './scoring';

/**
 * Baseline for comparison only: takes pairs in order of score (desc), then mentee index, then mentor index
 * (a counting sort on the integer scores keeps it linear), and keeps a pair when both sides still have room.
 */
export function solveGreedy(graph: CandidateGraph): Int32Array {
  const { menteeCount: n, edgeStart, edgeMentor, edgeScore } = graph;
  const total = edgeStart[n]!;
  const buckets = new Int32Array(SCORE_SCALE + 2);
  for (let e = 0; e < total; e++) buckets[SCORE_SCALE - edgeScore[e]! + 1]!++;
  for (let s = 1; s < buckets.length; s++) buckets[s]! += buckets[s - 1]!;
  const order = new Int32Array(total);
  const owner = new Int32Array(total);
  for (let i = 0; i < n; i++) for (let e = edgeStart[i]!; e < edgeStart[i + 1]!; e++) owner[e] = i;
  // Edges are stored mentee-major with mentors ascending among equal scores, so a stable bucket pass yields
  // (score desc, mentee asc, mentor asc).
  for (let e = 0; e < total; e++) order[buckets[SCORE_SCALE - edgeScore[e]!]!++] = e;
  const assignment = new Int32Array(n).fill(-1);
  const load = new Int32Array(graph.mentorCount);
  for (let k = 0; k < total; k++) {
    const e = order[k]!;
    const i = owner[e]!;
    if (assignment[i] !== -1) continue;
    const j = edgeMentor[e]!;
    if (load[j]! >= graph.capacity[j]!) continue;
    load[j]!++;
    assignment[i] = j;
  }
  return assignment;
}
