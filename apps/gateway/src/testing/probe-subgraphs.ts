import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { AuthConfig } from '@trellis/shared/auth';

/**
 * Two small subgraphs shaped like Trellis's — a program with participants in one, per-participant figures
 * contributed by another — for the gateway's own tests and benchmark, independent of the real services' progress.
 * Each runs in its own process, as real subgraphs do (and because Nest's code-first type registry is per process).
 */
export const PROBE_TENANT = 'org-probe';
export const PROBE_PROGRAM = 'program-probe';

export type ProbeKind = 'programs' | 'stats';

export interface ProbeSubgraph {
  kind: ProbeKind;
  url: string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../../..');

export async function spawnProbeSubgraph(
  kind: ProbeKind,
  auth: AuthConfig,
  port: number,
  http: 'express' | 'fastify' = 'fastify',
): Promise<ProbeSubgraph> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', path.join(repoRoot, 'tools/run/register.cjs'), path.join(__dirname, 'probe-subgraph.main.ts')],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PROBE_KIND: kind,
        PROBE_PORT: String(port),
        PROBE_HTTP: http,
        PROBE_AUTH: JSON.stringify(auth),
        TRELLIS_LOG_LEVEL: process.env['PROBE_LOG_LEVEL'] ?? 'error',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`probe subgraph ${kind} exited with ${child.exitCode}`);
    const up = await fetch(`${url}/subgraph/sdl`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`probe subgraph ${kind} did not start within 60 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    kind,
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
