// `npm run bench:matching`: generates realistic programs at three sizes, runs every solver on the same candidate
// graph, and measures incremental updates at 50k; then solves skewed instance families (see
// matching/skewed-families.ts) with the engine, a plain successive-shortest-path solver and, when Python has
// `ortools`, OR-tools. Options: --sizes=5k,50k (default all three, `none` for none), --families=5k|50k|none
// (default 50k; 5k is the quick run).
import {
  defaultRules,
  FlowEngine,
  generateCandidates,
  MatchingSession,
  prepareRound,
  roundMetrics,
  type RoundMetrics,
  type SessionChange,
  solveGraph,
  type SolverName,
} from '@trellis/matching/engine';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { generateProgram, rng } from './matching/generate-program';
import { FAMILY_SIZES, type FamilySize, runSkewedFamilies } from './matching/run-skewed-families';

/** Forces a full GC (the flag can be set at run time; `gc` then exists in fresh contexts). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const SIZES = [
  { label: '5k', mentees: 5_000, mentors: 1_000 },
  { label: '50k', mentees: 50_000, mentors: 10_000 },
  { label: '170k', mentees: 170_000, mentors: 34_000 },
];
const SOLVERS: SolverName[] = ['min-cost-flow', 'deferred-acceptance', 'greedy'];

const peakMb = () => process.resourceUsage().maxRSS / 1024;
const fmt = (x: number, d = 3) => x.toFixed(d);

const sizeArg = process.argv
  .find((a) => a.startsWith('--sizes='))
  ?.slice(8)
  .split(',');
const result: Record<string, string> = {};

for (const size of SIZES.filter((s) => !sizeArg || sizeArg.includes(s.label))) {
  const rules = defaultRules({
    topK: 50,
    matchingQuestionIds: ['q1', 'q2', 'q3'],
    hardRules: {
      excludeReportingLine: true,
      excludeSameDepartment: true,
      requireSharedLanguage: true,
      maxTimezoneGapHours: 10,
    },
  });
  let t = performance.now();
  const program = generateProgram(size.mentees, size.mentors, 42);
  const genS = (performance.now() - t) / 1000;
  t = performance.now();
  const round = prepareRound(program.mentors, program.mentees, rules);
  const candidates = generateCandidates(round);
  const candS = (performance.now() - t) / 1000;
  const edges = candidates.graph.edgeStart[candidates.graph.menteeCount]!;
  console.log(
    `\n== ${size.label}: ${size.mentees} mentees × ${size.mentors} mentors, K=${rules.topK}, ${edges} candidate edges ` +
      `(generate ${fmt(genS, 1)} s, score+candidates ${fmt(candS, 1)} s, widened ${candidates.widened.length}, ` +
      `no feasible mentor ${candidates.noFeasible.size})`,
  );
  const metrics = new Map<SolverName, RoundMetrics>();
  const peaks = new Map<SolverName, number>();
  let engine: FlowEngine | undefined;
  for (const solver of SOLVERS) {
    const solution = solveGraph(candidates.graph, { solver, objective: 'max-score' });
    if (solution.engine) engine = solution.engine;
    metrics.set(solver, roundMetrics(candidates.graph, solution.assignment, solution.solveTimeMs));
    peaks.set(solver, peakMb());
  }
  const mcf = metrics.get('min-cost-flow')!;
  console.log(
    'solver               time_s   peak_mb  coverage  mean_score  min_score  total_score  mean_rank  util_sd  blocking  total/greedy  total/DA',
  );
  for (const solver of SOLVERS) {
    const m = metrics.get(solver)!;
    console.log(
      [
        solver.padEnd(19),
        fmt(m.solveTimeMs / 1000).padStart(7),
        fmt(peaks.get(solver)!, 0).padStart(8),
        fmt(m.coverage, 4).padStart(9),
        fmt(m.meanScore, 4).padStart(11),
        fmt(m.minScore, 4).padStart(10),
        fmt(m.totalScore, 1).padStart(12),
        fmt(m.meanRank, 2).padStart(10),
        fmt(m.load.utilisationStdDev, 3).padStart(8),
        String(m.blockingPairs).padStart(9),
        fmt(m.totalScore / metrics.get('greedy')!.totalScore, 4).padStart(13),
        fmt(m.totalScore / metrics.get('deferred-acceptance')!.totalScore, 4).padStart(9),
      ].join(' '),
    );
  }
  console.log(
    `min-cost-flow: ${engine?.auctionBids ?? 0} auction bids, ${engine?.augmentations ?? 0} shortest-path searches, ` +
      `${engine?.scannedMentors ?? 0} mentors settled; optimality certificate ${engine?.certificateViolation() ?? 'OK'}`,
  );
  result[`t${size.label}_s`] = fmt(mcf.solveTimeMs / 1000, 2);
  if (size.label === '170k') result.mem170k_mb = fmt(peakMb(), 0);

  if (size.label === '50k') {
    // Incremental: a mix of changes on the warm session, each timed alone; then the final state is checked
    // against a cold solve of the changed round.
    const session = new MatchingSession(round, candidates, 'max-score');
    const random = rng(7);
    const extra = generateProgram(200, 10, 99);
    const ids = program.mentees.map((m) => m.id);
    const mentorIds = program.mentors.map((m) => m.id);
    const changes: SessionChange[] = [];
    for (let k = 0; k < 40; k++) {
      const mentee = ids[Math.floor(random() * ids.length)]!;
      const mentor = mentorIds[Math.floor(random() * mentorIds.length)]!;
      switch (k % 6) {
        case 0:
          changes.push({ type: 'add-mentee', mentee: { ...extra.mentees[k]!, id: `new-mentee-${k}` } });
          break;
        case 1:
          changes.push({ type: 'remove-mentee', menteeId: mentee });
          break;
        case 2:
          changes.push({ type: 'set-capacity', mentorId: mentor, capacity: Math.floor(random() * 6) });
          break;
        case 3: {
          const assigned = session.result({ explain: 'none' }).assignments;
          const pair = assigned[Math.floor(random() * assigned.length)]!;
          changes.push({ type: 'forbid', menteeId: pair.menteeId, mentorId: pair.mentorId });
          break;
        }
        case 4:
          changes.push({
            type: 'add-mentor',
            mentor: { ...program.mentors[Math.floor(random() * 1000)]!, id: `new-mentor-${k}` },
          });
          break;
        default:
          changes.push({ type: 'remove-mentor', mentorId: mentor });
      }
    }
    const times: Record<string, number[]> = {};
    // The setup above (three cold solves, result() calls) leaves hundreds of MB of garbage; collect it now so
    // that a 300 ms full collection of the setup's garbage is not billed to whichever change it lands in.
    collectGarbage();
    for (const change of changes) {
      const started = performance.now();
      try {
        session.apply(change);
      } catch {
        continue; // e.g. a forbid/removal drawn twice; not part of the timing
      }
      (times[change.type] ??= []).push(performance.now() - started);
    }
    const all = Object.values(times).flat();
    const mean = all.reduce((s, x) => s + x, 0) / all.length;
    const cold = FlowEngine.fromGraph(session.graph(), 'max-score');
    const coldStart = performance.now();
    cold.solveAll();
    const coldMs = performance.now() - coldStart;
    const warm = session.objectiveValue();
    console.log(
      `incremental at 50k: mean ${fmt(mean, 2)} ms over ${all.length} changes; per type (mean/max ms): ` +
        Object.entries(times)
          .map(
            ([type, xs]) => `${type} ${fmt(xs.reduce((s, x) => s + x, 0) / xs.length, 2)}/${fmt(Math.max(...xs), 2)}`,
          )
          .join(', '),
    );
    console.log(
      `incremental == cold: total ${warm.totalScore} vs ${cold.totalScore()}, matched ${warm.matched} vs ${cold.matchedCount()} ` +
        `→ ${warm.totalScore === cold.totalScore() ? 'EQUAL' : 'DIFFERENT'} (cold re-solve took ${fmt(coldMs, 0)} ms)`,
    );
    result.incr50k_ms = fmt(mean, 2);
  }
}

const familyArg = process.argv.find((a) => a.startsWith('--families='))?.slice(11) ?? '50k';
if (familyArg in FAMILY_SIZES) {
  const label = familyArg as FamilySize;
  const families = runSkewedFamilies(label);
  result[`skew${label}_s`] = fmt(families.worstSeconds, 2);
  result[`skew${label}_speedup`] = fmt(families.worstSpeedup, 1);
  result.skew_totals = families.equal ? 'equal' : 'DIFFERENT';
}

console.log(
  `RESULT t5k_s=${result.t5k_s ?? 'n/a'} t50k_s=${result.t50k_s ?? 'n/a'} t170k_s=${result.t170k_s ?? 'n/a'} ` +
    `mem170k_mb=${result.mem170k_mb ?? 'n/a'} incr50k_ms=${result.incr50k_ms ?? 'n/a'}` +
    Object.entries(result)
      .filter(([key]) => key.startsWith('skew'))
      .map(([key, value]) => ` ${key}=${value}`)
      .join(''),
);
