import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DevIssuer, type Principal, type SignInPerson, startDevIssuer } from '@trellis/shared/auth';
import {
  freePorts,
  GROUP_NAMESPACE_PRELOAD,
  startGroupsAtEnd,
  testInfrastructure,
  uniqueName,
} from '@trellis/shared/testing';
import mongoose from 'mongoose';
import { waitUntilSettled } from './settled';
import { phaseTimer } from './timing';

const repoRoot = path.resolve(__dirname, '../../../..');
const ALL_SUBGRAPHS = ['profiles', 'matching', 'sessions', 'notifications'] as const;

export interface GraphqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

/** The whole stack for end-to-end tests: every subgraph that exists, the gateway, a development issuer. */
export interface E2eStack {
  gatewayUrl: string;
  /** The gateway's origin, where it serves the web app when started with a webRoot. */
  webUrl: string;
  subgraphs: Array<{ name: string; url: string }>;
  issuer: DevIssuer;
  gql<T = Record<string, unknown>>(
    as: Principal | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResult<T>>;
  close(): Promise<void>;
}

/**
 * The subgraphs to run: every service whose app mounts the shared subgraph module (so services built later are
 * picked up without touching this file), or TRELLIS_E2E_SUBGRAPHS=profiles,sessions.
 */
export function discoverSubgraphs(env: NodeJS.ProcessEnv = process.env): string[] {
  const chosen = env['TRELLIS_E2E_SUBGRAPHS']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (chosen?.length) return chosen;
  return ALL_SUBGRAPHS.filter((name) => {
    const file = path.join(repoRoot, 'apps', name, 'src', 'app.module.ts');
    return fs.existsSync(file) && fs.readFileSync(file, 'utf8').includes('SubgraphGraphqlModule');
  });
}

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} during start-up`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${name} not ready at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface StackOptions {
  /** Extra environment for every process, e.g. `{ TRELLIS_SEED_DEMO: '1' }` to have profiles seed the demo organization. */
  env?: Record<string, string>;
  /** How long each process may take to report ready (default 240 s); the demo seed runs before profiles is ready. */
  readyTimeoutMs?: number;
  /** A production build of apps/web for the gateway to serve at / (see buildWebApp); none by default. */
  webRoot?: string;
  /** Who the development issuer's sign-in page lists. */
  signInPeople?: readonly SignInPerson[];
}

/** A stack's databases go with it; one that cannot be reached is left for the next infrastructure reset. */
export async function dropStackDatabases(databases: readonly string[]): Promise<void> {
  await Promise.all(
    databases.map(async (dbName) => {
      const connection = mongoose.createConnection(testInfrastructure.mongoUrl, { dbName });
      await connection
        .asPromise()
        .then(() => connection.dropDatabase())
        .catch(() => undefined);
      await connection.close().catch(() => undefined);
    }),
  );
}

export async function startStack(options: StackOptions = {}): Promise<E2eStack> {
  const lap = phaseTimer('stack');
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-e2e')));
  const names = discoverSubgraphs();
  const processes = ['gateway', ...ALL_SUBGRAPHS];
  const [issuerPort, ...processPorts] = await freePorts(processes.length + 1);
  const ports = new Map(processes.map((name, i) => [name, processPorts[i]!]));
  // The web app signs in from the gateway's origin, so the issuer must know that origin before it starts.
  const webUrl = `http://127.0.0.1:${ports.get('gateway')}`;
  const issuer = await startDevIssuer({
    port: issuerPort!,
    keyFile: path.join(keyDir, 'key.json'),
    webOrigins: [webUrl],
    people: options.signInPeople ?? [],
  });
  const databases = names.map((name) => uniqueName(`e2e_${name}`).slice(0, 60));
  const groupPrefix = uniqueName('e2e');
  const readyTimeoutMs = options.readyTimeoutMs ?? 240_000;
  await startGroupsAtEnd(groupPrefix);
  lap('issuer and consumer groups');
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    TRELLIS_LOG_LEVEL: process.env['TRELLIS_E2E_LOG_LEVEL'] ?? 'error',
    TRELLIS_AUTH_ISSUER: issuer.issuer,
    TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl,
    TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
    TRELLIS_KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
    TRELLIS_GATEWAY_SUBGRAPHS: names.join(','),
    TRELLIS_GATEWAY_RATE_PER_MINUTE: '100000',
    TRELLIS_GATEWAY_RATE_BURST: '100000',
    TRELLIS_INFRA_DIR: keyDir,
    TRELLIS_INTERNAL_TOKEN: uniqueName('internal'),
    TRELLIS_E2E_GROUP_PREFIX: groupPrefix,
    ...(options.webRoot && { TRELLIS_WEB_ROOT: options.webRoot }),
    ...options.env,
  };
  for (const [name, port] of ports) env[`TRELLIS_${name.toUpperCase()}_PORT`] = String(port);
  // Notifications asks profiles for contact addresses; without this it would ask the `npm start` port.
  env['TRELLIS_PROFILES_URL'] ??= `http://127.0.0.1:${ports.get('profiles')}`;
  names.forEach((name, i) => (env[`TRELLIS_${name.toUpperCase()}_MONGO_DB`] = databases[i]!));

  const children: ChildProcess[] = [];
  // TRELLIS_E2E_LOG_DIR=<dir> keeps each process's log (stdout and stderr) in <dir>/<name>.log, to see why a run failed.
  const logDir = process.env['TRELLIS_E2E_LOG_DIR'];
  if (logDir) fs.mkdirSync(logDir, { recursive: true });
  const spawnApp = (name: string) => {
    const log = logDir ? fs.openSync(path.join(logDir, `${name}.log`), 'a') : null;
    const child = spawn(
      process.execPath,
      [
        '-r',
        path.join(repoRoot, 'tools/run/register.cjs'),
        '-r',
        GROUP_NAMESPACE_PRELOAD,
        path.join(repoRoot, 'apps', name, 'src', 'main.ts'),
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, ...env },
        stdio: log === null ? ['ignore', 'ignore', 'inherit'] : ['ignore', log, log],
      },
    );
    if (log !== null) fs.closeSync(log);
    children.push(child);
    return child;
  };
  const stop = async () => {
    const stopLap = phaseTimer('stack');
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(killer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    await dropStackDatabases(databases);
    stopLap('processes stopped, databases dropped');
    await issuer.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  };

  try {
    await Promise.all(
      names.map((name) => {
        const child = spawnApp(name);
        return waitFor(`http://127.0.0.1:${ports.get(name)}/health/ready`, child, name, readyTimeoutMs).then(() =>
          lap(`${name} ready`),
        );
      }),
    );
    const gateway = spawnApp('gateway');
    await waitFor(`http://127.0.0.1:${ports.get('gateway')}/health/ready`, gateway, 'gateway', readyTimeoutMs);
    lap('gateway ready');
    await waitUntilSettled(databases, groupPrefix, readyTimeoutMs);
    lap('settled');
  } catch (error) {
    await stop();
    throw error;
  }

  const gatewayUrl = `http://127.0.0.1:${ports.get('gateway')}/graphql`;
  return {
    gatewayUrl,
    webUrl,
    issuer,
    subgraphs: names.map((name) => ({ name, url: `http://127.0.0.1:${ports.get(name)}` })),
    async gql(as, query, variables = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as) headers['authorization'] = `Bearer ${await issuer.mint(as)}`;
      const response = await fetch(gatewayUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      const body = (await response.json()) as Omit<GraphqlResult<never>, 'status'>;
      return { status: response.status, ...body };
    },
    close: stop,
  };
}
