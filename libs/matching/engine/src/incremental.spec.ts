import fc from 'fast-check';
import { buildCandidateGraph, type CandidateEdge } from './candidate-graph';
import { FlowEngine, INACTIVE } from './min-cost-flow.solver';
import { checkFeasible } from './testing/random-graph';

type Op =
  | { kind: 'add-mentee'; edges: { mentor: number; score: number }[] }
  | { kind: 'remove-mentee'; pick: number }
  | { kind: 'capacity'; pick: number; capacity: number }
  | { kind: 'forbid'; pick: number; edge: number }
  | { kind: 'lock'; pick: number; edge: number }
  | { kind: 'add-mentor'; capacity: number; links: { pick: number; score: number }[] };

const score = fc.constantFrom(0, 100, 200, 300, 400, 500, 777, 1000);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('add-mentee' as const),
    edges: fc.uniqueArray(fc.record({ mentor: fc.nat(30), score }), { selector: (e) => e.mentor, maxLength: 5 }),
  }),
  fc.record({ kind: fc.constant('remove-mentee' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('capacity' as const), pick: fc.nat(), capacity: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('forbid' as const), pick: fc.nat(), edge: fc.nat() }),
  fc.record({ kind: fc.constant('lock' as const), pick: fc.nat(), edge: fc.nat() }),
  fc.record({
    kind: fc.constant('add-mentor' as const),
    capacity: fc.integer({ min: 0, max: 3 }),
    links: fc.array(fc.record({ pick: fc.nat(), score }), { maxLength: 6 }),
  }),
);

/** A plain model of the changed round, solved cold at the end for comparison. */
interface Model {
  capacity: number[];
  lists: (CandidateEdge[] | null)[];
  locked: Set<number>;
}

function coldValue(model: Model, objective: 'max-score' | 'max-matched') {
  const graph = buildCandidateGraph(
    model.capacity,
    model.lists.map((l) => l ?? []),
  );
  const engine = FlowEngine.fromGraph(graph, objective);
  for (const i of model.locked) engine.locked[i] = 1;
  engine.solveAll();
  let lockedMatched = 0;
  for (const i of model.locked) if (engine.assigned[i]! >= 0) lockedMatched++;
  return { total: engine.totalScore(), matched: engine.matchedCount(), lockedMatched };
}

describe('incremental re-solve', () => {
  for (const objective of ['max-score', 'max-matched'] as const) {
    it(`equals a cold solve after any sequence of changes (${objective})`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 8 }),
          fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 8, maxLength: 8 }),
          fc.array(
            fc.uniqueArray(fc.record({ mentor: fc.nat(7), score }), { selector: (e) => e.mentor, maxLength: 4 }),
            { maxLength: 12 },
          ),
          fc.array(op, { maxLength: 12 }),
          (m, caps, initialLists, ops) => {
            const model: Model = {
              capacity: caps.slice(0, m),
              lists: initialLists.map((l) => l.filter((e) => e.mentor < m)),
              locked: new Set(),
            };
            const engine = FlowEngine.fromGraph(
              buildCandidateGraph(
                model.capacity,
                model.lists.map((l) => l ?? []),
              ),
              objective,
            );
            engine.solveAll();
            const active = () => model.lists.flatMap((l, i) => (l ? [i] : []));
            for (const o of ops) {
              const mentees = active();
              const mentorCount = model.capacity.length;
              switch (o.kind) {
                case 'add-mentee': {
                  const edges = o.edges
                    .filter((e) => e.mentor < mentorCount)
                    .sort((a, b) => b.score - a.score || a.mentor - b.mentor);
                  model.lists.push(edges);
                  engine.addMentee(
                    edges.map((e) => e.mentor),
                    edges.map((e) => e.score),
                  );
                  break;
                }
                case 'remove-mentee': {
                  if (mentees.length === 0) break;
                  const i = mentees[o.pick % mentees.length]!;
                  model.lists[i] = null;
                  model.locked.delete(i);
                  engine.removeMentee(i);
                  break;
                }
                case 'capacity': {
                  const j = o.pick % mentorCount;
                  model.capacity[j] = o.capacity;
                  engine.setCapacity(j, o.capacity);
                  break;
                }
                case 'forbid':
                case 'lock': {
                  if (mentees.length === 0) break;
                  const i = mentees[o.pick % mentees.length]!;
                  const list = model.lists[i]!;
                  if (list.length === 0) break;
                  const edge = list[o.edge % list.length]!;
                  if (o.kind === 'forbid') {
                    model.lists[i] = list.filter((e) => e !== edge);
                    engine.forbid(i, edge.mentor);
                  } else {
                    model.lists[i] = [edge];
                    model.locked.add(i);
                    engine.lock(i, edge.mentor, edge.score);
                  }
                  break;
                }
                case 'add-mentor': {
                  const j = engine.addMentor(o.capacity);
                  model.capacity.push(o.capacity);
                  const updates = new Map<number, { mentor: number; score: number }[]>();
                  for (const link of o.links) {
                    if (mentees.length === 0) break;
                    const i = mentees[link.pick % mentees.length]!;
                    if (model.locked.has(i) || updates.has(i)) continue;
                    const next = [...model.lists[i]!, { mentor: j, score: link.score }].sort(
                      (a, b) => b.score - a.score || a.mentor - b.mentor,
                    );
                    model.lists[i] = next;
                    updates.set(i, next);
                  }
                  engine.connectMentor(
                    j,
                    [...updates].map(([mentee, l]) => ({
                      mentee,
                      mentors: l.map((e) => e.mentor),
                      scores: l.map((e) => e.score),
                    })),
                  );
                  break;
                }
              }
              // The certificate must hold after every single change, not only at the end.
              const cold = coldValue(model, objective);
              expect(engine.totalScore()).toBe(cold.total);
              // Under 'max-score' equal totals may match different numbers of mentees (zero-gain pairs).
              if (objective === 'max-matched') expect(engine.matchedCount()).toBe(cold.matched);
            }
            const graph = buildCandidateGraph(
              model.capacity,
              model.lists.map((l) => l ?? []),
            );
            const assignment = Int32Array.from(engine.assigned.subarray(0, graph.menteeCount), (a) =>
              a >= 0 ? a : -1,
            );
            checkFeasible(graph, assignment);
            model.lists.forEach((l, i) => {
              if (l === null) expect(engine.assigned[i]).toBe(INACTIVE);
            });
          },
        ),
        { numRuns: 250 },
      );
    });
  }
});
