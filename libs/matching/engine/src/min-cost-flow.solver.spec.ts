import fc from 'fast-check';
import solver from 'javascript-lp-solver';
import { countBlockingPairs } from './deferred-acceptance.solver';
import { FlowEngine, INACTIVE } from './min-cost-flow.solver';
import { assignedScores, solveGraph } from './solve-graph';
import { bruteForce, checkFeasible, graphSpec, toGraph } from './testing/random-graph';

function summary(graph: ReturnType<typeof toGraph>, assignment: Int32Array) {
  const scores = assignedScores(graph, assignment);
  let matched = 0;
  let score = 0;
  let min = Infinity;
  for (const s of scores) {
    if (s < 0) continue;
    matched++;
    score += s;
    min = Math.min(min, s);
  }
  return { matched, score, min: matched === 0 ? -1 : min };
}

describe('min-cost-flow solver', () => {
  it('equals brute force on small instances for every objective', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 6, maxMentors: 4, maxCapacity: 3, coarse: true }), (spec) => {
        const graph = toGraph(spec);
        const best = bruteForce(spec);
        const a = solveGraph(graph, { solver: 'min-cost-flow', objective: 'max-score' }).assignment;
        checkFeasible(graph, a);
        expect(summary(graph, a).score).toBe(best.maxScore);
        const b = solveGraph(graph, { solver: 'min-cost-flow', objective: 'max-matched' }).assignment;
        checkFeasible(graph, b);
        const sb = summary(graph, b);
        expect({ matched: sb.matched, score: sb.score }).toEqual(best.maxMatched);
        const c = solveGraph(graph, { solver: 'min-cost-flow', objective: 'fairest' }).assignment;
        checkFeasible(graph, c);
        expect(summary(graph, c)).toEqual(best.fairest);
      }),
      { numRuns: 300 },
    );
  });

  it('equals the LP optimum on medium instances', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 40, maxMentors: 15, maxCapacity: 4 }), (spec) => {
        const graph = toGraph(spec);
        const variables: Record<string, Record<string, number>> = {};
        const constraints: Record<string, { max: number }> = {};
        spec.capacity.forEach((c, j) => (constraints[`r${j}`] = { max: c }));
        spec.lists.forEach((list, i) => {
          constraints[`e${i}`] = { max: 1 };
          for (const e of list) variables[`x${i}_${e.mentor}`] = { score: e.score, [`e${i}`]: 1, [`r${e.mentor}`]: 1 };
        });
        const lp = solver.Solve({ optimize: 'score', opType: 'max', constraints, variables });
        const a = solveGraph(graph, { solver: 'min-cost-flow', objective: 'max-score' }).assignment;
        checkFeasible(graph, a);
        // The b-matching polytope is integral, so the LP optimum is the integer optimum.
        expect(Math.abs(summary(graph, a).score - lp.result)).toBeLessThan(1e-3);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 30, maxMentors: 8, maxCapacity: 3, coarse: true }), (spec) => {
        const graph = toGraph(spec);
        const a = solveGraph(graph, { solver: 'min-cost-flow' }).assignment;
        const b = solveGraph(toGraph(spec), { solver: 'min-cost-flow' }).assignment;
        expect(Array.from(a)).toEqual(Array.from(b));
      }),
      { numRuns: 50 },
    );
  });

  it('never exceeds capacity or leaves the candidate lists, for any solver', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 40, maxMentors: 10, maxCapacity: 5 }), (spec) => {
        const graph = toGraph(spec);
        for (const solverName of ['min-cost-flow', 'deferred-acceptance', 'greedy'] as const) {
          checkFeasible(graph, solveGraph(graph, { solver: solverName }).assignment);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports the exact loss of forcing a mentee onto a mentor it did not get', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 6, maxMentors: 4, maxCapacity: 2 }), (spec) => {
        const graph = toGraph(spec);
        const engine = FlowEngine.fromGraph(graph);
        engine.solveAll();
        const optimum = engine.totalScore();
        for (let i = 0; i < spec.lists.length; i++) {
          for (const e of spec.lists[i]!) {
            if (engine.assigned[i] === e.mentor || spec.capacity[e.mentor] === 0) continue;
            const change = engine.forcedChange(i, e.mentor);
            // Brute force with the pair forced: only that candidate for mentee i.
            const forcedSpec = { capacity: spec.capacity, lists: spec.lists.map((l, k) => (k === i ? [e] : l)) };
            const forcedBest = bruteForceForced(forcedSpec, i);
            expect(change).not.toBeNull();
            expect(optimum + change!.scoreDelta).toBe(forcedBest);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('finds the same forced change with the sink exits computed once', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 7, maxMentors: 4, maxCapacity: 2 }), (spec) => {
        const engine = FlowEngine.fromGraph(toGraph(spec));
        engine.solveAll();
        const exits = engine.sinkExits();
        for (let i = 0; i < spec.lists.length; i++) {
          for (const e of spec.lists[i]!) {
            if (engine.assigned[i] === e.mentor || spec.capacity[e.mentor] === 0) continue;
            const plain = engine.forcedChange(i, e.mentor);
            const withExits = engine.forcedChange(i, e.mentor, exits);
            expect(withExits?.scoreDelta).toBe(plain?.scoreDelta);
            expect(withExits?.matchedDelta).toBe(plain?.matchedDelta);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

/** Best total when mentee `i` must be matched (its only candidate is the forced one). */
function bruteForceForced(spec: { capacity: number[]; lists: { mentor: number; score: number }[][] }, i: number) {
  const n = spec.lists.length;
  const load = spec.capacity.map(() => 0);
  let best = -1;
  const visit = (k: number, score: number): void => {
    if (k === n) {
      best = Math.max(best, score);
      return;
    }
    if (k !== i) visit(k + 1, score);
    for (const e of spec.lists[k]!) {
      if (load[e.mentor]! >= spec.capacity[e.mentor]!) continue;
      load[e.mentor]!++;
      visit(k + 1, score + e.score);
      load[e.mentor]!--;
    }
  };
  visit(0, 0);
  return best;
}

describe('deferred acceptance', () => {
  it('leaves no blocking pair', () => {
    fc.assert(
      fc.property(graphSpec({ maxMentees: 40, maxMentors: 10, maxCapacity: 4, coarse: true }), (spec) => {
        const graph = toGraph(spec);
        const a = solveGraph(graph, { solver: 'deferred-acceptance' }).assignment;
        checkFeasible(graph, a);
        expect(countBlockingPairs(graph, a)).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it('counts blocking pairs that exist', () => {
    // Mentee 0 prefers mentor 1, which is empty: (0, 1) blocks the assignment 0→0.
    const graph = toGraph({
      capacity: [1, 1],
      lists: [
        [
          { mentor: 1, score: 900, mentorScore: 1 },
          { mentor: 0, score: 100, mentorScore: 1 },
        ],
      ],
    });
    expect(countBlockingPairs(graph, Int32Array.of(0))).toBe(1);
    expect(countBlockingPairs(graph, Int32Array.of(1))).toBe(0);
  });
});

describe('min-cost-flow auction phase', () => {
  it('leaves a valid optimality certificate, whatever share of mentees the auction places', () => {
    fc.assert(
      fc.property(
        graphSpec({ maxMentees: 30, maxMentors: 8, maxCapacity: 3, coarse: true }),
        fc.constantFrom(0, 1, 30),
        (spec, bids) => {
          for (const objective of ['max-score', 'max-matched', 'cardinality'] as const) {
            const reference = FlowEngine.fromGraph(toGraph(spec), objective);
            reference.auctionBidsPerMentee = 0;
            reference.solveAll();
            const engine = FlowEngine.fromGraph(toGraph(spec), objective);
            engine.auctionBidsPerMentee = bids;
            engine.solveAll();
            expect(engine.certificateViolation()).toBeNull();
            checkFeasible(
              toGraph(spec),
              Int32Array.from(engine.assigned.subarray(0, engine.n), (a) => (a >= 0 ? a : -1)),
            );
            // 'cardinality' ignores scores, 'max-score' may trade zero-gain matches: compare what is optimised.
            if (objective !== 'cardinality') expect(engine.totalScore()).toBe(reference.totalScore());
            if (objective !== 'max-score') expect(engine.matchedCount()).toBe(reference.matchedCount());
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('min-cost-flow price estimate', () => {
  it('reaches the same optimum and an exact certificate with or without estimated prices', () => {
    fc.assert(
      fc.property(
        graphSpec({ maxMentees: 40, maxMentors: 10, maxCapacity: 4, coarse: true }),
        fc.constantFrom(0, 1, 30),
        (spec, bids) => {
          const reference = FlowEngine.fromGraph(toGraph(spec));
          reference.estimateInitialPrices = false;
          reference.solveAll();
          const engine = FlowEngine.fromGraph(toGraph(spec));
          engine.auctionBidsPerMentee = bids;
          engine.solveAll();
          expect(engine.certificateViolation()).toBeNull();
          checkFeasible(
            toGraph(spec),
            Int32Array.from(engine.assigned.subarray(0, engine.n), (a) => (a >= 0 ? a : -1)),
          );
          expect(engine.totalScore()).toBe(reference.totalScore());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('repairs mentors that the estimate priced but that keep a free seat', () => {
    // Scarce, contested capacity with exact ties: the auction hands tied mentees back and leaves priced seats.
    let repaired = 0;
    fc.assert(
      fc.property(graphSpec({ maxMentees: 60, maxMentors: 8, maxCapacity: 3, coarse: true }), (spec) => {
        const graph = toGraph(spec);
        const best = solveGraph(graph, { solver: 'min-cost-flow' }).engine!.totalScore();
        const engine = FlowEngine.fromGraph(graph);
        engine.solveAll();
        repaired += engine.repairedMentors;
        expect(engine.certificateViolation()).toBeNull();
        expect(engine.totalScore()).toBe(best);
      }),
      { numRuns: 200 },
    );
    expect(repaired).toBeGreaterThan(0);
  });
});

describe('FlowEngine bookkeeping', () => {
  it('marks mentees inactive until they are added', () => {
    const engine = FlowEngine.fromGraph(toGraph({ capacity: [1], lists: [[{ mentor: 0, score: 5 }]] }));
    expect(engine.assigned[0]).toBe(INACTIVE);
    engine.solveAll();
    expect(engine.assigned[0]).toBe(0);
  });
});
