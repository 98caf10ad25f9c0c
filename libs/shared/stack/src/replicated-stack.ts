import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { type DevIssuer, startDevIssuer } from '@trellis/shared/auth';
import { freePorts, testInfrastructure, uniqueName } from '@trellis/shared/testing';
// The drill's balancer stands in for the Kubernetes Service / ingress.
import { type Balancer, startBalancer } from './local-balancer';
import { discoverSubgraphs, dropStackDatabases } from './stack';

const repoRoot = path.resolve(__dirname, '../../../..');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** From the signal to the process's end. */
  ms: number;
  /** The app's own account of its drain ("drained" or "drain exceeded…" log line: steps and their durations). */
  drainLog?: DrainLog;
}

export interface DrainLog {
  msg: string;
  err?: unknown;
  finished?: Record<string, number>;
  pending?: Record<string, number>;
  openConnections?: number;
}

/** One process of the stack, which a drill may stop (SIGTERM, as Kubernetes does) and start again on its port. */
export interface AppInstance {
  app: string;
  index: number;
  port: number;
  base: string;
  readonly running: boolean;
  stop(): Promise<Exit>;
  /** Ends the process with SIGKILL (a crash or an OOM kill: no drain, nothing flushed) and resolves once it is gone. */
  kill(): Promise<Exit>;
  /** Starts the process again and resolves once its /health/ready answers 200. */
  start(): Promise<void>;
}

export interface ReplicatedStackOptions {
  /** Instances of each subgraph (as a Deployment with that many replicas). */
  replicas?: number;
  /** Gateway instances; clients reach them through a balancer that routes by readiness. */
  gateways?: number;
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

/**
 * The whole stack as a rolling update sees it: every subgraph and the gateway run as several instances sharing one
 * database and one consumer group per service. The gateway is given every subgraph instance
 * (TRELLIS_GATEWAY_<SUBGRAPH>_URLS) and routes by their readiness; clients, and notifications' calls to profiles,
 * go through local balancers that do what a Kubernetes Service does. Instances drain for
 * TRELLIS_SHUTDOWN_DELAY_MS after SIGTERM (readiness 503, still serving), standing in for the preStop pause.
 */
export interface ReplicatedStack {
  /** The balancer in front of the gateways: what a client uses. */
  gatewayUrl: string;
  issuer: DevIssuer;
  subgraphs: string[];
  instances: AppInstance[];
  balancers: Record<string, Balancer>;
  /** Output of every process (stderr), for a failure message. */
  logs: string[];
  close(): Promise<void>;
}

function withPoolSize(mongoUrl: string, size: number): string {
  const url = new URL(mongoUrl);
  url.searchParams.set('maxPoolSize', String(size));
  return url.toString();
}

async function waitReady(base: string, child: ChildProcess, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited with ${child.exitCode ?? child.signalCode} during start-up`);
    }
    const ok = await fetch(`${base}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${name} not ready at ${base} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function startReplicatedStack(options: ReplicatedStackOptions = {}): Promise<ReplicatedStack> {
  const replicas = options.replicas ?? 2;
  const gateways = options.gateways ?? 2;
  const startTimeoutMs = options.startTimeoutMs ?? 420_000;
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-rolling')));
  const names = discoverSubgraphs();
  const databases = names.map((name) => uniqueName(`e2e_${name}`).slice(0, 60));
  const logs: string[] = [];
  const balancers: Record<string, Balancer> = {};

  const slots: Array<{ app: string; index: number }> = [];
  for (const app of names) {
    for (let index = 0; index < replicas; index += 1) slots.push({ app, index });
  }
  for (let index = 0; index < gateways; index += 1) slots.push({ app: 'gateway', index });
  const [issuerPort, ...ports] = await freePorts(slots.length + 1);
  const plan = slots.map((slot, i) => ({ ...slot, port: ports[i]! }));
  const issuer = await startDevIssuer({ port: issuerPort!, keyFile: path.join(keyDir, 'key.json') });
  const basesOf = (app: string) => plan.filter((p) => p.app === app).map((p) => `http://127.0.0.1:${p.port}`);

  const env: Record<string, string> = {
    // As deployed, not 'test': libraries behave differently under test (Apollo then leaves SIGTERM alone).
    NODE_ENV: 'development',
    TRELLIS_LOG_LEVEL: process.env['TRELLIS_E2E_LOG_LEVEL'] ?? 'error',
    TRELLIS_AUTH_ISSUER: issuer.issuer,
    TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl,
    // Small pools: ten processes share one FerretDB, whose PostgreSQL pool is the limit.
    TRELLIS_MONGO_URL: withPoolSize(testInfrastructure.mongoUrl, 5),
    TRELLIS_KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
    TRELLIS_GATEWAY_SUBGRAPHS: names.join(','),
    TRELLIS_GATEWAY_RATE_PER_MINUTE: '100000',
    TRELLIS_GATEWAY_RATE_BURST: '100000',
    // Readiness costs a MongoDB ping and a Kafka round trip: probes every second, not faster, on a shared machine.
    TRELLIS_GATEWAY_SUBGRAPH_PROBE_MS: '1000',
    TRELLIS_GATEWAY_RETRY_AFTER_MS: '500',
    TRELLIS_SHUTDOWN_DELAY_MS: '2000',
    TRELLIS_INFRA_DIR: keyDir,
    TRELLIS_INTERNAL_TOKEN: uniqueName('internal'),
    OTEL_TRACES_EXPORTER: 'none',
    ...options.env,
  };
  names.forEach((name, i) => (env[`TRELLIS_${name.toUpperCase()}_MONGO_DB`] = databases[i]!));
  for (const name of names) env[`TRELLIS_GATEWAY_${name.toUpperCase()}_URLS`] = basesOf(name).join(',');
  if (names.includes('profiles')) {
    // Notifications asks profiles for contact details through "the profiles Service".
    balancers['profiles'] = await startBalancer({ backends: basesOf('profiles'), probeIntervalMs: 500 });
    env['TRELLIS_PROFILES_URL'] = balancers['profiles'].url;
  }

  const instances: Array<AppInstance & { child?: ChildProcess; drainLog?: DrainLog }> = plan.map(
    ({ app, index, port }) => {
      const base = `http://127.0.0.1:${port}`;
      const name = `${app}#${index}`;
      const instance: AppInstance & { child?: ChildProcess; drainLog?: DrainLog } = {
        app,
        index,
        port,
        base,
        get running() {
          const child = instance.child;
          return child !== undefined && child.exitCode === null && child.signalCode === null;
        },
        async start() {
          const child = spawn(
            process.execPath,
            ['-r', path.join(repoRoot, 'tools/run/register.cjs'), path.join(repoRoot, 'apps', app, 'src', 'main.ts')],
            {
              cwd: repoRoot,
              env: { ...process.env, ...env, [`TRELLIS_${app.toUpperCase()}_PORT`]: String(port) },
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          // JSON logs on stdout: the drain's account (at info level; TRELLIS_E2E_LOG_LEVEL=info) and warnings.
          readline.createInterface({ input: child.stdout }).on('line', (line) => {
            // Warnings and errors too: what a drill prints about an instance that stays unready.
            if (/"level":"(warn|error|fatal)"/.test(line)) {
              logs.push(`[${name}] ${line.slice(0, 2000)}\n`);
              if (logs.length > 400) logs.splice(0, logs.length - 400);
            }
            if (!/"msg":"(drained|drain exceeded|drain failed|second signal)/.test(line)) return;
            try {
              instance.drainLog = JSON.parse(line) as DrainLog;
            } catch {
              // A torn line: the drill reports the drain without its steps.
            }
          });
          child.stderr?.on('data', (chunk: Buffer) => {
            logs.push(`[${name}] ${chunk.toString()}`);
            if (logs.length > 400) logs.splice(0, logs.length - 400);
          });
          instance.child = child;
          await waitReady(base, child, name, startTimeoutMs);
        },
        async stop() {
          const child = instance.child;
          if (!child || !instance.running)
            return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0 };
          const signalled = Date.now();
          instance.drainLog = undefined;
          return new Promise<Exit>((resolve) => {
            const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
            child.once('exit', (code, signal) => {
              clearTimeout(killer);
              // stdout may still hold the last lines when 'exit' fires.
              setTimeout(() => resolve({ code, signal, ms: Date.now() - signalled, drainLog: instance.drainLog }), 100);
            });
            child.kill('SIGTERM');
          });
        },
        async kill() {
          const child = instance.child;
          if (!child || !instance.running)
            return { code: child?.exitCode ?? null, signal: child?.signalCode ?? null, ms: 0 };
          const signalled = Date.now();
          return new Promise<Exit>((resolve) => {
            child.once('exit', (code, signal) => resolve({ code, signal, ms: Date.now() - signalled }));
            child.kill('SIGKILL');
          });
        },
      };
      return instance;
    },
  );

  const close = async () => {
    await Promise.all(instances.map((i) => i.stop()));
    for (const balancer of Object.values(balancers)) await balancer.close();
    await dropStackDatabases(databases);
    await issuer.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  };

  try {
    await Promise.all(instances.filter((i) => i.app !== 'gateway').map((i) => i.start()));
    await Promise.all(instances.filter((i) => i.app === 'gateway').map((i) => i.start()));
    balancers['gateway'] = await startBalancer({ backends: basesOf('gateway'), probeIntervalMs: 500 });
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n${logs.slice(-40).join('')}`);
  }
  return {
    gatewayUrl: `${balancers['gateway'].url}/graphql`,
    issuer,
    subgraphs: names,
    instances,
    balancers,
    logs,
    close,
  };
}
