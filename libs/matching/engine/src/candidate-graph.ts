/**
 * The solvers' view of a round: mentees 0..n-1 and mentors 0..m-1 (indices follow ascending ids, which is what
 * makes every tie-break "by id"), each mentee's candidate mentors in CSR form, sorted by score descending then
 * mentor index ascending. Scores are integers (score × SCORE_SCALE).
 */
export interface CandidateGraph {
  menteeCount: number;
  mentorCount: number;
  capacity: Int32Array;
  edgeStart: Int32Array;
  edgeMentor: Int32Array;
  /** The pair score: the mentee's preference and the quantity the optimal solver maximises. */
  edgeScore: Int32Array;
  /** The mentor's preference for this mentee (deferred acceptance and blocking pairs only). */
  edgeMentorScore: Int32Array;
}

export interface CandidateEdge {
  mentor: number;
  score: number;
  mentorScore?: number;
}

export function compareEdges(a: CandidateEdge, b: CandidateEdge): number {
  return b.score - a.score || a.mentor - b.mentor;
}

export function buildCandidateGraph(
  capacity: ArrayLike<number>,
  lists: readonly (readonly CandidateEdge[])[],
): CandidateGraph {
  const n = lists.length;
  const edgeStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) edgeStart[i + 1] = edgeStart[i]! + lists[i]!.length;
  const total = edgeStart[n]!;
  const edgeMentor = new Int32Array(total);
  const edgeScore = new Int32Array(total);
  const edgeMentorScore = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const sorted = [...lists[i]!].sort(compareEdges);
    let e = edgeStart[i]!;
    for (const edge of sorted) {
      edgeMentor[e] = edge.mentor;
      edgeScore[e] = edge.score;
      edgeMentorScore[e] = edge.mentorScore ?? edge.score;
      e++;
    }
  }
  return {
    menteeCount: n,
    mentorCount: capacity.length,
    capacity: Int32Array.from(capacity),
    edgeStart,
    edgeMentor,
    edgeScore,
    edgeMentorScore,
  };
}

/** Position (0-based) of `mentor` in mentee `i`'s list, or -1. */
export function rankOf(graph: CandidateGraph, mentee: number, mentor: number): number {
  const start = graph.edgeStart[mentee]!;
  const end = graph.edgeStart[mentee + 1]!;
  for (let e = start; e < end; e++) if (graph.edgeMentor[e] === mentor) return e - start;
  return -1;
}

export function edgeScoreOf(graph: CandidateGraph, mentee: number, mentor: number): number {
  const start = graph.edgeStart[mentee]!;
  const end = graph.edgeStart[mentee + 1]!;
  for (let e = start; e < end; e++) if (graph.edgeMentor[e] === mentor) return graph.edgeScore[e]!;
  return -1;
}
