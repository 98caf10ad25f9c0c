// The rolling-restart drill: a steady GraphQL load runs while every app is stopped with SIGTERM and started again,
// one instance at a time, as `kubectl rollout restart` does with `maxUnavailable: 0`. Used by
// `npm run drill:rolling-restart` and apps/gateway-e2e/src/rolling-restart.e2e-spec.ts.
import { formatReport, type GraphqlLoad, type LoadReport, type VerifyReport } from './graphql-load';

export interface RestartableInstance {
  app: string;
  index: number;
  stop(): Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    ms: number;
    drainLog?: DrainAccount;
  }>;
  start(): Promise<void>;
}

export interface RestartRecord {
  instance: string;
  /** From SIGTERM to exit: the drain (readiness 503 pause, in-flight requests, consumers, relay). */
  drainMs: number;
  /** From spawning to /health/ready 200. */
  startMs: number;
  /** Exit code 0: the drain finished within TRELLIS_SHUTDOWN_TIMEOUT_MS. */
  clean: boolean;
  /** The drain's steps as the app logged them, "name ms" (pending ones marked). */
  steps: string;
}

export interface DrillOptions {
  load: GraphqlLoad;
  instances: RestartableInstance[];
  /** Apps in the order they are restarted. */
  order: string[];
  /** Restart every instance of each app (a full rolling restart) or only the first one. */
  everyInstance?: boolean;
  warmupMs?: number;
  /** Pause after an instance is ready again, before the next one stops (readiness propagation, rebalance). */
  settleMs?: number;
  cooldownMs?: number;
  verifyTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface DrillResult {
  restarts: RestartRecord[];
  load: LoadReport;
  verify: VerifyReport;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runRollingRestart(options: DrillOptions): Promise<DrillResult> {
  const log = options.log ?? (() => undefined);
  const restarts: RestartRecord[] = [];
  options.load.start();
  let failure: Error | undefined;
  try {
    await sleep(options.warmupMs ?? 5000);
    for (const app of options.order) {
      const own = options.instances.filter((i) => i.app === app).sort((a, b) => a.index - b.index);
      for (const instance of options.everyInstance ? own : own.slice(0, 1)) {
        const name = `${instance.app}#${instance.index}`;
        const exit = await instance.stop();
        const starting = Date.now();
        await instance.start();
        const record: RestartRecord = {
          instance: name,
          drainMs: exit.ms,
          startMs: Date.now() - starting,
          clean: exit.code === 0,
          steps: describeSteps(exit.drainLog),
        };
        restarts.push(record);
        const so = options.load.report();
        log(
          `restarted ${name}: drained in ${record.drainMs} ms (${record.clean ? 'clean' : `exit ${exit.code ?? exit.signal}`}), ` +
            `ready in ${record.startMs} ms [${record.steps}]; load so far: ${so.ok} ok, ${so.failed} failed, ${so.retries} retries`,
        );
        await sleep(options.settleMs ?? 2000);
      }
    }
    await sleep(options.cooldownMs ?? 3000);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
  }
  // The load is stopped even when a restart fails, so no operation outlives the drill.
  const load = await options.load.stop();
  if (failure) {
    throw new Error(`${failure.message}\nrestarts so far: ${JSON.stringify(restarts)}\n${formatReport(load)}`);
  }
  const verify = await options.load.verify(options.verifyTimeoutMs ?? 180_000);
  return { restarts, load, verify };
}

interface DrainAccount {
  msg?: string;
  err?: unknown;
  finished?: Record<string, number>;
  pending?: Record<string, number>;
  openConnections?: number;
}

function describeSteps(log?: DrainAccount): string {
  if (!log) return 'no drain log';
  const trouble =
    log.msg === 'drained'
      ? []
      : [`${log.msg ?? 'no message'}${log.err ? `: ${JSON.stringify(log.err).slice(0, 300)}` : ''}`];
  if (log.openConnections !== undefined) trouble.push(`${log.openConnections} connections open`);
  const finished = Object.entries(log.finished ?? {}).map(([name, ms]) => `${name} ${ms} ms`);
  const pending = Object.entries(log.pending ?? {}).map(([name, ms]) => `${name} STILL RUNNING after ${ms} ms`);
  return [...trouble, ...finished, ...pending].join(', ');
}

export function formatDrill(result: DrillResult): string[] {
  const lines = result.restarts.map(
    (r) =>
      `  ${r.instance.padEnd(16)} drain ${String(r.drainMs).padStart(6)} ms   ready ${String(r.startMs).padStart(6)} ms   ${r.clean ? 'clean' : 'NOT CLEAN'}   ${r.steps}`,
  );
  const l = result.load;
  lines.push(
    `load: ${l.operations} operations in ${l.seconds.toFixed(0)} s (${(l.operations / Math.max(1, l.seconds)).toFixed(1)}/s), ` +
      `${l.ok} ok, ${l.failed} failed after retries, ${l.retries} retries told by the server ` +
      `(${l.retriedOperations} operations), latency p50 ${l.p50Ms} ms, p99 ${l.p99Ms} ms, max ${l.maxMs} ms`,
  );
  if (Object.keys(l.retryReasons).length) {
    lines.push(
      `retry reasons: ${Object.entries(l.retryReasons)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
  }
  for (const f of l.failures.slice(0, 20)) lines.push(`failed ${f.operation} at ${f.at}: ${f.reason}`);
  const v = result.verify;
  lines.push(
    `verified: ${v.checked.participants} enrollments, ${v.checked.requests} mentorship requests, ` +
      `${v.checked.notifications} notifications, ${v.checked.profileUpdates} profile updates; ` +
      `settled in ${v.settleMs} ms; ${v.ok ? 'nothing lost, nothing twice' : `${v.problems.length} PROBLEMS`}`,
  );
  for (const p of v.problems.slice(0, 30)) lines.push(`  problem: ${p}`);
  return lines;
}
