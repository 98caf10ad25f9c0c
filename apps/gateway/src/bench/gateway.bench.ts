// `npm run bench:gateway`: a typical nested query (program → 50 participants → fields from two subgraphs) through
// the Trellis gateway (Fastify, and Express for comparison), the same program straight from its subgraph, and through
// a default @apollo/gateway + @apollo/server on Express — same subgraphs, same machine, same run, real tokens.
// Options: --seconds=10 --connections=20 --warmup=3. Last line: RESULT gw_rps=… gw_p99_ms=… direct_rps=… …
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { composeSupergraph, fetchSubgraphSdl } from '@trellis/gateway/supergraph';
import { startDevIssuer } from '@trellis/shared/auth';
import { freePort, uniqueName } from '@trellis/shared/testing';
import { PROBE_PROGRAM, PROBE_TENANT, spawnProbeSubgraph } from '../testing/probe-subgraphs';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const SECONDS = arg('seconds', 10);
const CONNECTIONS = arg('connections', 20);
const WARMUP = arg('warmup', 3);
const repoRoot = path.resolve(__dirname, '../../../..');

const nestedQuery = `query Nested($id: ID!) {
  program(id: $id) { id name participants { id personId role capacity sessionsHeld nextSessionAt } }
}`;
const directQuery = `query Direct($id: ID!) {
  program(id: $id) { id name participants { id personId role capacity } }
}`;

function spawnTs(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['-r', path.join(repoRoot, 'tools/run/register.cjs'), path.join(repoRoot, entry)], {
    cwd: repoRoot,
    env: { ...process.env, TRELLIS_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitForGraphql(url: string, token: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    const ok = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: nestedQuery, variables: { id: PROBE_PROGRAM } }),
    }).then(
      async (r) => r.ok && !((await r.json()) as { errors?: unknown }).errors,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer the nested query within 2 minutes`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(label: string, url: string, token: string, query: string): Promise<Measured> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables: { id: PROBE_PROGRAM } }),
    connections: CONNECTIONS,
  };
  await autocannon({ ...options, duration: WARMUP });
  const result = await autocannon({ ...options, duration: SECONDS });
  const measured = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx + result.timeouts,
  };
  console.log(
    `${label.padEnd(34)} ${measured.rps.toFixed(0).padStart(7)} req/s   p50 ${measured.p50} ms   p99 ${measured.p99} ms   errors ${measured.errors}`,
  );
  return measured;
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-bench-gw')));
  const issuer = await startDevIssuer({ port: 0, keyFile: path.join(keyDir, 'key.json') });
  const stoppers: Array<() => Promise<void>> = [];
  try {
    const auth = { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 30 };
    const token = await issuer.mint({ personId: 'person-bench', tenantId: PROBE_TENANT, orgAdmin: false });
    const [programs, stats] = await Promise.all([
      spawnProbeSubgraph('programs', auth, await freePort()),
      spawnProbeSubgraph('stats', auth, await freePort()),
    ]);
    stoppers.push(programs.stop, stats.stop);
    const subgraphEnv = {
      TRELLIS_GATEWAY_SUBGRAPHS: 'programs,stats',
      TRELLIS_PROGRAMS_URL: programs.url,
      TRELLIS_STATS_URL: stats.url,
      TRELLIS_AUTH_ISSUER: auth.issuer,
      TRELLIS_AUTH_JWKS_URL: auth.jwksUrl,
      TRELLIS_GATEWAY_RATE_PER_MINUTE: '100000000',
      TRELLIS_GATEWAY_RATE_BURST: '100000000',
      NODE_ENV: 'production',
    };
    const gateways: Record<string, string> = {};
    for (const http of ['fastify', 'express'] as const) {
      const port = await freePort();
      const child = spawnTs('apps/gateway/src/main.ts', {
        ...subgraphEnv,
        TRELLIS_GATEWAY_HTTP: http,
        TRELLIS_GATEWAY_PORT: String(port),
      });
      children.push(child);
      gateways[http] = `http://127.0.0.1:${port}/graphql`;
      await waitForGraphql(gateways[http], token, child);
    }

    const sdls = await Promise.all(
      [programs, stats].map(async (s) => ({
        name: s.kind === 'programs' ? 'programs' : 'stats',
        url: `${s.url}/graphql`,
        sdl: (await fetchSubgraphSdl(`${s.url}/subgraph/sdl`)) ?? '',
      })),
    );
    const composed = composeSupergraph(sdls);
    if (!composed.ok) throw new Error(composed.errors.join('; '));
    const defaultPort = await freePort();
    const baseline = spawnTs('apps/gateway/src/bench/gateway-default.ts', {
      BENCH_PORT: String(defaultPort),
      BENCH_SUPERGRAPH: composed.supergraphSdl,
      NODE_ENV: 'production',
    });
    children.push(baseline);
    const defaultUrl = `http://127.0.0.1:${defaultPort}/graphql`;
    await waitForGraphql(defaultUrl, token, baseline);

    console.log(
      `nested query: program → 50 participants, 6 fields from 2 subgraphs; ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP} s warm-up; ${os.cpus().length} CPUs`,
    );
    const direct = await measure('subgraph directly (programs only)', `${programs.url}/graphql`, token, directQuery);
    const gateway = await measure('Trellis gateway (Fastify)', gateways['fastify']!, token, nestedQuery);
    const express = await measure('Trellis gateway (Express)', gateways['express']!, token, nestedQuery);
    const baselineResult = await measure('default @apollo/gateway (Express)', defaultUrl, token, nestedQuery);
    console.log(
      `Fastify vs Express under Nest: ${(gateway.rps / express.rps).toFixed(2)}× throughput, p99 ${gateway.p99} vs ${express.p99} ms`,
    );
    console.log(
      `RESULT gw_rps=${gateway.rps.toFixed(0)} gw_p99_ms=${gateway.p99} direct_rps=${direct.rps.toFixed(0)} direct_p99_ms=${direct.p99} default_rps=${baselineResult.rps.toFixed(0)} express_rps=${express.rps.toFixed(0)} gw_vs_default=${(gateway.rps / baselineResult.rps).toFixed(2)} gw_p99_vs_direct=${(gateway.p99 / Math.max(1, direct.p99)).toFixed(2)}`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(stoppers.map((stop) => stop()));
    await issuer.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
