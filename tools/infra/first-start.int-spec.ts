// A newcomer's first `npm start` meets a broker that has never seen a topic: every service creates its topics at
// start and must wait for their leaders and for its groups' coordinators instead of dying of the broker's transient
// answers ("does not host this topic-partition", "the coordinator is loading") while the new metadata spreads — and
// must not log those answers as errors either, or every deploy would fire the operators' error alerts. This starts a
// brand-new broker of its own (never the shared one) and all five apps on it at once, the way `npm start` does.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serviceNames } from '@trellis/shared/platform';
import { dropStackDatabases } from '@trellis/shared/stack';
import { eventually, freePorts, testInfrastructure, uniqueName } from '@trellis/shared/testing';

jest.setTimeout(420_000);

const repoRoot = path.resolve(__dirname, '../..');
const infraScript = path.join(repoRoot, 'tools/infra/infra.mjs');
const subgraphs = serviceNames.filter((name) => name !== 'gateway');
const errorLevel = /"level":"(error|fatal)"/;

interface Readiness {
  details?: { consumers?: { groups?: string[] } };
}

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
    const [kafkaPort, controllerPort] = await freePorts(2);
    brokerEnv = {
      TRELLIS_INFRA_DIR: dataDir,
      TRELLIS_KAFKA_PORT: String(kafkaPort),
      TRELLIS_KAFKA_CONTROLLER_PORT: String(controllerPort),
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

  it('brings every app to ready with every consumer in its group, none exits, and none logs an error', async () => {
    const ports = await freePorts(serviceNames.length);
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      // What `npm start` logs.
      TRELLIS_LOG_LEVEL: 'warn',
      TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
      TRELLIS_KAFKA_BROKERS: `127.0.0.1:${brokerEnv['TRELLIS_KAFKA_PORT']}`,
      TRELLIS_INFRA_DIR: dataDir,
      TRELLIS_INTERNAL_TOKEN: uniqueName('internal'),
      OTEL_TRACES_EXPORTER: 'none',
    };
    serviceNames.forEach((name, i) => (env[`TRELLIS_${name.toUpperCase()}_PORT`] = String(ports[i])));
    // Notifications asks profiles for contact details; without this it would ask the `npm start` port.
    env['TRELLIS_PROFILES_URL'] = `http://127.0.0.1:${env['TRELLIS_PROFILES_PORT']}`;
    subgraphs.forEach((name, i) => (env[`TRELLIS_${name.toUpperCase()}_MONGO_DB`] = databases[i]!));
    for (const [i, name] of serviceNames.entries()) {
      const child = spawn(
        process.execPath,
        ['-r', path.join(repoRoot, 'tools/run/register.cjs'), path.join(repoRoot, `apps/${name}/src/main.ts`)],
        { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      const output: string[] = [];
      child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      started.push({ name, child, output, base: `http://127.0.0.1:${ports[i]}` });
    }

    const exited = () =>
      started.find((service) => service.child.exitCode !== null || service.child.signalCode !== null);
    // Ready is not the end of start-up: a consumer whose join a loading coordinator refused is restarted by kafkajs
    // after it. So this waits until every group an app reports on its readiness has joined. Generous: two cores
    // shared with other test runs can make a cold start of five apps slow; only a start that never ends fails.
    await eventually(
      async () => {
        // An app that exited is reported below at once, not after the whole bound.
        if (exited()) return;
        for (const service of started) {
          const ready = await fetch(`${service.base}/health/ready`).catch(() => null);
          if (!ready?.ok) throw new Error(`${service.name} is not ready`);
          const groups = ((await ready.json()) as Readiness).details?.consumers?.groups ?? [];
          const joining = groups.filter((group) => !group.endsWith(':connected'));
          if (joining.length > 0)
            throw new Error(`${service.name} has consumers not in their groups: ${joining.join(', ')}`);
        }
      },
      { timeoutMs: 300_000, intervalMs: 500 },
    );
    const gone = exited();
    if (gone) throw new Error(`${gone.name} exited with ${gone.child.exitCode}:\n${gone.output.join('')}`);
    // Still up a moment later: a consumer that crashed after readiness would take its process down with it.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    for (const service of started) {
      expect({ service: service.name, exitCode: service.child.exitCode }).toEqual({
        service: service.name,
        exitCode: null,
      });
    }
    // Every error-level line of every app, kafkajs's included: the broker's transient answers at a first start are
    // waited for or written below error level; what is left would page an operator.
    const errorLines = Object.fromEntries(
      started.map((service) => [
        service.name,
        service.output
          .join('')
          .split('\n')
          .filter((line) => errorLevel.test(line)),
      ]),
    );
    expect(errorLines).toEqual(Object.fromEntries(serviceNames.map((name) => [name, []])));
  });
});
