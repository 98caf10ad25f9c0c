import { type CandidateGraph } from '@trellis/matching/engine';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The optional OR-tools anchor: solves the same graph with OR-tools' min-cost flow in Python when an interpreter
 * with `ortools` is available (TRELLIS_BENCH_PYTHON, else python3). Returns null with the reason otherwise; the
 * benchmark never depends on it.
 */
export function solveWithOrTools(graph: CandidateGraph): { seconds: number; total: number } | { skipped: string } {
  const python = process.env.TRELLIS_BENCH_PYTHON ?? 'python3';
  const probe = spawnSync(python, ['-c', 'import ortools, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return { skipped: `no ortools for ${python} (set TRELLIS_BENCH_PYTHON)` };
  const n = graph.menteeCount;
  const m = graph.mentorCount;
  const edges = graph.edgeStart[n]!;
  const data = new Int32Array(3 + m + n + 1 + 2 * edges);
  data.set([n, m, edges], 0);
  data.set(graph.capacity.subarray(0, m), 3);
  data.set(graph.edgeStart.subarray(0, n + 1), 3 + m);
  data.set(graph.edgeMentor.subarray(0, edges), 4 + m + n);
  data.set(graph.edgeScore.subarray(0, edges), 4 + m + n + edges);
  const dir = mkdtempSync(path.join(tmpdir(), 'trellis-bench-'));
  try {
    const file = path.join(dir, 'instance.bin');
    writeFileSync(file, data);
    const script = path.join(__dirname, 'ortools-min-cost-flow.py');
    const run = spawnSync(python, [script, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.status !== 0) return { skipped: `OR-tools failed: ${run.stderr.trim().split('\n').pop() ?? run.status}` };
    const [seconds, total] = run.stdout.trim().split(/\s+/).map(Number);
    return { seconds: seconds!, total: total! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
