// The fault drills' bookkeeping, apart from the processes they start and kill: what one drill found, the line it
// prints, and the RESULT line over all of them. Used by tools/ops/fault-drills.drill.ts (`npm run drill:faults`).
import type { LoadReport, VerifyReport } from './graphql-load';

export const FAULTS = ['broker', 'mongo', 'smtp', 'services'] as const;
export type Fault = (typeof FAULTS)[number];

export interface DrillOutcome {
  fault: Fault;
  load: LoadReport;
  verify: VerifyReport;
  /** Messages in every dead-letter topic that arrived during this drill. */
  deadLettered: number;
  /** Per fault injected: seconds from putting things right again until every instance answered ready. */
  recoveriesS: number[];
  /** What went wrong with the drill itself (an instance that did not come back, a timeout); empty when it ran. */
  errors: string[];
}

export interface FaultSummary {
  acknowledged: number;
  lost: number;
  doubled: number;
  deadLettered: number;
  /** Operations that ended with INTERNAL: a client is never to see it for an outage. */
  internal: number;
  /** Operations that failed after the retries the server asked for (INTERNAL included), but for `cutOff`. */
  failed: number;
  /** Operations in flight through a process killed with SIGKILL: no answer can come (services drill only). */
  cutOff: number;
  maxRecoveryS: number;
  problems: number;
  errors: number;
}

export function parseFaults(only: string | undefined): Fault[] {
  if (!only) return [...FAULTS];
  const wanted = only.split(',').map((s) => s.trim());
  const unknown = wanted.filter((w) => !(FAULTS as readonly string[]).includes(w));
  if (unknown.length) throw new Error(`--only: unknown drill ${unknown.join(', ')} (known: ${FAULTS.join('|')})`);
  return FAULTS.filter((f) => wanted.includes(f));
}

/** Mutations the gateway answered with success: each must show its effects once. */
export function acknowledgedCommands(load: LoadReport): number {
  const a = load.acknowledged;
  return a.enrollments + a.requests + a.profileUpdates;
}

/** Client-visible outcomes by error code: retries the server asked for, and failures (code before the colon). */
export function codesSeen(load: LoadReport): { retried: Record<string, number>; failed: Record<string, number> } {
  const retried: Record<string, number> = {};
  for (const [reason, n] of Object.entries(load.retryReasons)) {
    const code = reason.split(':')[0] ?? reason;
    retried[code] = (retried[code] ?? 0) + n;
  }
  const failed: Record<string, number> = {};
  for (const f of load.failures) {
    const code = /^[A-Z_]+(?=:)/.exec(f.reason)?.[0] ?? f.reason.split(':')[0] ?? 'unknown';
    failed[code] = (failed[code] ?? 0) + 1;
  }
  return { retried, failed };
}

/** The connection to the gateway broke, or the balancer's did (HTTP 502): the answer was lost with the process. */
export function isCutOff(reason: string): boolean {
  return /^(network: |HTTP 502\b)/.test(reason);
}

/** A cut-off answer is what kill -9 of a process does to the requests it holds; in any other drill it is a failure. */
function cutOffs(o: DrillOutcome): number {
  return o.fault === 'services' ? o.load.failures.filter((f) => isCutOff(f.reason)).length : 0;
}

export function summarize(outcomes: readonly DrillOutcome[]): FaultSummary {
  const sum = (pick: (o: DrillOutcome) => number) => outcomes.reduce((n, o) => n + pick(o), 0);
  return {
    acknowledged: sum((o) => acknowledgedCommands(o.load)),
    lost: sum((o) => o.verify.lost),
    doubled: sum((o) => o.verify.doubled),
    deadLettered: sum((o) => o.deadLettered),
    internal: sum((o) => codesSeen(o.load).failed['INTERNAL'] ?? 0),
    failed: sum((o) => o.load.failed - cutOffs(o)),
    cutOff: sum(cutOffs),
    maxRecoveryS: Math.max(0, ...outcomes.flatMap((o) => o.recoveriesS)),
    problems: sum((o) => o.verify.problems.length),
    errors: sum((o) => o.errors.length),
  };
}

/** Nothing lost, nothing twice, nothing dead-lettered, no client told INTERNAL, and every drill ran to its end. */
export function passed(summary: FaultSummary): boolean {
  return (
    summary.lost === 0 &&
    summary.doubled === 0 &&
    summary.deadLettered === 0 &&
    summary.internal === 0 &&
    summary.failed === 0 &&
    summary.problems === 0 &&
    summary.errors === 0
  );
}

const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `${k}=${v}`)
    .join(',') || 'none';

export function formatOutcome(o: DrillOutcome): string {
  const s = summarize([o]);
  const codes = codesSeen(o.load);
  return (
    `DRILL ${o.fault} operations=${o.load.operations} acknowledged=${s.acknowledged} lost=${s.lost} ` +
    `doubled=${s.doubled} dead_lettered=${s.deadLettered} internal=${s.internal} failed=${s.failed} ` +
    `cut_off=${s.cutOff} applied_unanswered=${o.verify.appliedUnanswered} ` +
    `recovery_s=${o.recoveriesS.map((r) => r.toFixed(1)).join('/') || '-'} settle_s=${(o.verify.settleMs / 1000).toFixed(1)} ` +
    `emails=${o.verify.checked.emails} notifications=${o.verify.checked.notifications} ` +
    `retried=${list(codes.retried)} failed_codes=${list(codes.failed)}` +
    (o.errors.length ? ` ERRORS=${o.errors.length}` : '')
  );
}

export function formatResult(summary: FaultSummary): string {
  return (
    `RESULT acknowledged=${summary.acknowledged} lost=${summary.lost} doubled=${summary.doubled} ` +
    `dead_lettered=${summary.deadLettered} max_recovery_s=${summary.maxRecoveryS.toFixed(1)} ` +
    `internal=${summary.internal} failed=${summary.failed}`
  );
}
