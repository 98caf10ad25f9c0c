import fc from 'fast-check';
import { buildCandidateGraph, type CandidateEdge, type CandidateGraph } from '../candidate-graph';

export interface GraphSpec {
  capacity: number[];
  lists: CandidateEdge[][];
}

/**
 * Random candidate graphs for property tests. `coarse` draws scores from a handful of values so that ties —
 * the hard case for determinism and for optimality proofs — are common.
 */
export function graphSpec(opts: { maxMentees: number; maxMentors: number; maxCapacity: number; coarse?: boolean }) {
  return fc
    .record({
      mentors: fc.integer({ min: 1, max: opts.maxMentors }),
      mentees: fc.integer({ min: 0, max: opts.maxMentees }),
    })
    .chain(({ mentors, mentees }) =>
      fc.record({
        capacity: fc.array(fc.integer({ min: 0, max: opts.maxCapacity }), { minLength: mentors, maxLength: mentors }),
        lists: fc.array(
          fc.uniqueArray(
            fc.record({
              mentor: fc.integer({ min: 0, max: mentors - 1 }),
              score: opts.coarse
                ? fc.constantFrom(0, 250_000, 500_000, 750_000, 1_000_000)
                : fc.integer({ min: 0, max: 1_000_000 }),
              mentorScore: fc.integer({ min: 0, max: 1_000_000 }),
            }),
            { selector: (e) => e.mentor, maxLength: mentors },
          ),
          { minLength: mentees, maxLength: mentees },
        ),
      }),
    );
}

export function toGraph(spec: GraphSpec): CandidateGraph {
  return buildCandidateGraph(spec.capacity, spec.lists);
}

export interface BruteForceBest {
  maxScore: number;
  maxMatched: { matched: number; score: number };
  fairest: { matched: number; min: number; score: number };
}

/** Enumerates every feasible assignment (each mentee: one candidate or none) and keeps the best per objective. */
export function bruteForce(spec: GraphSpec): BruteForceBest {
  const n = spec.lists.length;
  const load = spec.capacity.map(() => 0);
  const best: BruteForceBest = {
    maxScore: 0,
    maxMatched: { matched: 0, score: 0 },
    fairest: { matched: 0, min: -1, score: 0 },
  };
  const visit = (i: number, matched: number, score: number, min: number): void => {
    if (i === n) {
      if (score > best.maxScore) best.maxScore = score;
      const mm = best.maxMatched;
      if (matched > mm.matched || (matched === mm.matched && score > mm.score)) best.maxMatched = { matched, score };
      const f = best.fairest;
      const fm = matched === 0 ? -1 : min;
      if (matched > f.matched || (matched === f.matched && (fm > f.min || (fm === f.min && score > f.score)))) {
        best.fairest = { matched, min: fm, score };
      }
      return;
    }
    visit(i + 1, matched, score, min);
    for (const e of spec.lists[i]!) {
      if (load[e.mentor]! >= spec.capacity[e.mentor]!) continue;
      load[e.mentor]!++;
      visit(i + 1, matched + 1, score + e.score, Math.min(min, e.score));
      load[e.mentor]!--;
    }
  };
  visit(0, 0, 0, Infinity);
  return best;
}

export function checkFeasible(graph: CandidateGraph, assignment: Int32Array): void {
  const load = new Int32Array(graph.mentorCount);
  for (let i = 0; i < graph.menteeCount; i++) {
    const j = assignment[i]!;
    if (j < 0) continue;
    let isCandidate = false;
    for (let e = graph.edgeStart[i]!; e < graph.edgeStart[i + 1]!; e++)
      if (graph.edgeMentor[e] === j) isCandidate = true;
    if (!isCandidate) throw new Error(`mentee ${i} assigned to non-candidate mentor ${j}`);
    load[j]!++;
  }
  for (let j = 0; j < graph.mentorCount; j++) {
    if (load[j]! > graph.capacity[j]!) throw new Error(`mentor ${j} over capacity: ${load[j]} > ${graph.capacity[j]}`);
  }
}
