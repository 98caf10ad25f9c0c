import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import mongoose from 'mongoose';
import { freePort, testInfrastructure, uniqueName } from './infrastructure';
import { GROUP_NAMESPACE_PRELOAD, startGroupsAtEnd } from './kafka-group-namespace';
import { eventually } from './waiting';

const repoRoot = path.resolve(__dirname, '../../../..');

export interface ServiceProcess {
  /** The service's HTTP base, e.g. `http://127.0.0.1:4321`. */
  base: string;
  /** Its GraphQL endpoint. */
  url: string;
  /** Stops the process (SIGTERM, then SIGKILL after 20 s) and drops its database. */
  stop(): Promise<void>;
}

/**
 * One service as `npm start` runs it, in its own process, on a free port with a database of its own and consumer
 * groups of its own that start at the end of each topic (only the test's own events). Tests run a service this way
 * when they need its real wiring but not its internals, or when two code-first schemas cannot share one process.
 */
export async function startServiceProcess(
  service: string,
  env: Record<string, string> = {},
  readyTimeoutMs = 180_000,
): Promise<ServiceProcess> {
  const port = await freePort();
  const database = uniqueName(`t_${service}`).slice(0, 60);
  const groupPrefix = uniqueName('svc');
  await startGroupsAtEnd(groupPrefix);
  const upper = service.toUpperCase();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      path.join(repoRoot, 'tools/run/register.cjs'),
      '-r',
      GROUP_NAMESPACE_PRELOAD,
      path.join(repoRoot, `apps/${service}/src/main.ts`),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        TRELLIS_LOG_LEVEL: process.env['TRELLIS_E2E_LOG_LEVEL'] ?? 'error',
        TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
        TRELLIS_KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
        [`TRELLIS_${upper}_PORT`]: String(port),
        [`TRELLIS_${upper}_MONGO_DB`]: database,
        TRELLIS_E2E_GROUP_PREFIX: groupPrefix,
        OTEL_TRACES_EXPORTER: 'none',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    const connection = mongoose.createConnection(testInfrastructure.mongoUrl, { dbName: database });
    await connection
      .asPromise()
      .then(() => connection.dropDatabase())
      .catch(() => undefined);
    await connection.close().catch(() => undefined);
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode} during start-up`);
        const ready = await fetch(`${base}/health/ready`).catch(() => null);
        if (!ready?.ok) throw new Error(`${service} is not ready at ${base}`);
      },
      { timeoutMs: readyTimeoutMs, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, url: `${base}/graphql`, stop };
}
