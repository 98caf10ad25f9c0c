import { FlowEngine } from '@trellis/matching/engine';
import { solveWithOrTools } from './ortools-anchor';
import { SKEWED_FAMILIES } from './skewed-families';
import { solveSuccessiveShortestPaths } from './successive-shortest-paths.solver';

export const FAMILY_SIZES = {
  '5k': { mentees: 5_000, mentors: 1_000 },
  '50k': { mentees: 50_000, mentors: 10_000 },
} as const;
export type FamilySize = keyof typeof FAMILY_SIZES;

const fmt = (x: number, d = 2) => x.toFixed(d);

/**
 * Solves every skewed family with the engine (cold, 'max-score'), the successive-shortest-path reference and,
 * when available, OR-tools, and checks that the three totals are equal. Returns the slowest engine time and the
 * smallest speed-up over the reference, the figures the goals are stated in.
 */
export function runSkewedFamilies(label: FamilySize): { worstSeconds: number; worstSpeedup: number; equal: boolean } {
  const size = FAMILY_SIZES[label];
  console.log(
    `\n== skewed families at ${label}: ${size.mentees} mentees × ${size.mentors} mentors, 50 candidates, Zipf 0.8 ` +
      `popularity (generated as graphs, independent of generateProgram)`,
  );
  console.log(
    'family          engine_s  baseline_s  speedup  ortools_s  searches  total (engine = baseline = ortools)',
  );
  let worstSeconds = 0;
  let worstSpeedup = Infinity;
  let equal = true;
  for (const [k, family] of SKEWED_FAMILIES.entries()) {
    const graph = family.generate(size.mentees, size.mentors, 1000 + k);
    let t = performance.now();
    const engine = FlowEngine.fromGraph(graph, 'max-score');
    engine.solveAll();
    const engineS = (performance.now() - t) / 1000;
    const violation = engine.certificateViolation();
    t = performance.now();
    const reference = solveSuccessiveShortestPaths(graph);
    const baselineS = (performance.now() - t) / 1000;
    const anchor = solveWithOrTools(graph);
    const totals = [engine.totalScore(), reference.total];
    if ('total' in anchor) totals.push(anchor.total);
    const same = totals.every((x) => x === totals[0]) && violation === null;
    equal &&= same;
    worstSeconds = Math.max(worstSeconds, engineS);
    worstSpeedup = Math.min(worstSpeedup, baselineS / engineS);
    console.log(
      [
        family.name.padEnd(14),
        fmt(engineS).padStart(9),
        fmt(baselineS).padStart(11),
        fmt(baselineS / engineS, 1).padStart(8),
        ('seconds' in anchor ? fmt(anchor.seconds) : 'n/a').padStart(10),
        String(engine.augmentations).padStart(9),
        ` ${totals.join(' = ')} → ${same ? 'EQUAL' : `DIFFERENT${violation ? ` (${violation})` : ''}`}`,
      ].join(' '),
    );
    if ('skipped' in anchor && k === 0) console.log(`  (OR-tools anchor skipped: ${anchor.skipped})`);
    console.log(`  ${family.description}`);
  }
  return { worstSeconds, worstSpeedup, equal };
}
