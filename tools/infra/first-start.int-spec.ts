// A newcomer's first `npm start` meets a broker that has never seen a topic: every service creates its topics at
// start and must wait for their leaders instead of dying of the broker's "does not host this topic-partition" while
// the new metadata spreads. This starts a brand-new broker of its own (never the shared one) and the four services
// on it at once, the way `npm start` does.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serviceNames } from '@trellis/shared/platform';
import { dropStackDatabases } from '@trellis/shared/stack';
import { eventually, freePort, testInfrastructure, uniqueName } from '@trellis/shared/testing';

jest.setTimeout(300_000);

const repoRoot = path.resolve(__dirname, '../..');
const infraScript = path.join(repoRoot, 'tools/infra/infra.mjs');
const subgraphs = serviceNames.filter((name) => name !== 'gateway');

interface Started {
  name: string;
  child: ChildProcess;
  output: string[];
  base: string;
}

describe('the first start on a brand-new broker', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-first-start')));
  const databases = subgraphs.map((name) => uniqueName(`first_${name}`).slice(0, 60));
  const started: Started[] = [];
  let brokerEnv: Record<string, string> = {};

  const infra = (command: 'up' | 'down') =>
    spawnSync(process.execPath, [infraScript, command, 'kafka'], {
      cwd: repoRoot,
      env: { ...process.env, ...brokerEnv },
      encoding: 'utf8',
    });

  beforeAll(async () => {
    brokerEnv = {
      TRELLIS_INFRA_DIR: dataDir,
      TRELLIS_KAFKA_PORT: String(await freePort()),
      TRELLIS_KAFKA_CONTROLLER_PORT: String(await freePort()),
    };
    const up = infra('up');
    if (up.status !== 0) throw new Error(`the test broker did not start:\n${up.stderr}`);
  });

  afterAll(async () => {
    await Promise.all(
      started.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
            child.once('exit', () => {
              clearTimeout(killer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
    infra('down');
    await dropStackDatabases(databases);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('brings every service to ready, none of them exits, and no service logs an error of its own', async () => {
    for (const [i, name] of subgraphs.entries()) {
      const port = await freePort();
      const upper = name.toUpperCase();
      const child = spawn(
        process.execPath,
        ['-r', path.join(repoRoot, 'tools/run/register.cjs'), path.join(repoRoot, `apps/${name}/src/main.ts`)],
        {
          cwd: repoRoot,
          env: {
            ...process.env,
            NODE_ENV: 'test',
            TRELLIS_LOG_LEVEL: 'warn',
            TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
            TRELLIS_KAFKA_BROKERS: `127.0.0.1:${brokerEnv['TRELLIS_KAFKA_PORT']}`,
            TRELLIS_INFRA_DIR: dataDir,
            [`TRELLIS_${upper}_PORT`]: String(port),
            [`TRELLIS_${upper}_MONGO_DB`]: databases[i]!,
            OTEL_TRACES_EXPORTER: 'none',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      started.push({ name, child, output, base: `http://127.0.0.1:${port}` });
    }

    await eventually(
      async () => {
        for (const service of started) {
          if (service.child.exitCode !== null) {
            throw new Error(`${service.name} exited with ${service.child.exitCode}:\n${service.output.join('')}`);
          }
          const ready = await fetch(`${service.base}/health/ready`).catch(() => null);
          if (!ready?.ok) throw new Error(`${service.name} is not ready`);
        }
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
    // Still up a moment later: a consumer that crashed after readiness would take its process down with it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const service of started) {
      expect({ service: service.name, exitCode: service.child.exitCode }).toEqual({
        service: service.name,
        exitCode: null,
      });
      const ownErrors = service.output
        .join('')
        .split('\n')
        .filter((line) => line.includes('"level":"error"') && !line.includes('"component":"kafkajs"'));
      expect({ service: service.name, ownErrors }).toEqual({ service: service.name, ownErrors: [] });
    }
  });
});
