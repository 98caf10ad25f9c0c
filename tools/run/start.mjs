#!/usr/bin/env node
// `npm start`: installs what is missing, brings the infrastructure up, builds and starts all five apps,
// waits until each is ready and prints their URLs. Ctrl-C stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { ensureRuntime } from './runtime.mjs';
import { build, ensureNpmPackages, repoRoot, say } from './shared.mjs';

const apps = [
  { name: 'gateway', port: 4000, path: '/graphql' },
  { name: 'profiles', port: 4001, path: '/graphql' },
  { name: 'matching', port: 4002, path: '/graphql' },
  { name: 'sessions', port: 4003, path: '/graphql' },
  { name: 'notifications', port: 4004, path: '/graphql' },
];
const portOf = (app) => Number(process.env[`TRELLIS_${app.name.toUpperCase()}_PORT`] ?? app.port);

await ensureRuntime({ announce: true });
ensureNpmPackages();
const infra = await import('../infra/infra.mjs');
say('infrastructure');
const startedInfra = await infra.up();
say('building');
build();

const children = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve();
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
  if (startedInfra.length) await infra.down(startedInfra);
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

// The development token issuer (libs/shared/auth) serves the JWKS the apps verify tokens with, unless
// TRELLIS_AUTH_ISSUER names a real identity provider.
const devIssuer = !process.env.TRELLIS_AUTH_ISSUER;
if (devIssuer) {
  const issuer = spawn(process.execPath, [path.join(repoRoot, 'tools/run/ts.mjs'), 'tools/auth/dev-issuer.ts'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  issuer.on('exit', (code) => {
    if (!stopping) {
      console.error(`development token issuer exited with ${code}; stopping everything`);
      void stopAll(1);
    }
  });
  children.push(issuer);
}

say('starting apps');
for (const app of apps) {
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', path.join(repoRoot, 'dist/apps', app.name, 'src/main.js')],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: {
        ...process.env,
        TRELLIS_LOG_LEVEL: process.env.TRELLIS_LOG_LEVEL ?? 'warn',
        // Profiles seeds the demo organization once (idempotent); set TRELLIS_SEED_DEMO=0 to start empty.
        TRELLIS_SEED_DEMO: process.env.TRELLIS_SEED_DEMO ?? '1',
        // Shared by profiles (serves contact details) and notifications (asks for them); local runs only.
        TRELLIS_INTERNAL_TOKEN: process.env.TRELLIS_INTERNAL_TOKEN ?? 'local-development-internal-token',
      },
    },
  );
  child.on('exit', (code) => {
    if (!stopping) {
      console.error(`${app.name} exited with ${code}; stopping everything`);
      void stopAll(1);
    }
  });
  children.push(child);
}

const deadline = Date.now() + 180_000;
for (const app of apps) {
  const url = `http://127.0.0.1:${portOf(app)}/health/ready`;
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      console.error(`${app.name} not ready at ${url} within 3 minutes`);
      await stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

console.log('\nTrellis is running:');
for (const app of apps) {
  const base = `http://127.0.0.1:${portOf(app)}`;
  console.log(`  ${app.name.padEnd(14)} ${base}   (health: ${base}/health/ready, metrics: ${base}/metrics)`);
}
if (devIssuer) {
  const tokens = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'tools/run/ts.mjs'), 'tools/auth/token.ts', '--demo', 'manager,mentor,mentee'],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  console.log(`\n▶ Open Trellis: http://127.0.0.1:${portOf(apps[0])}/`);
  console.log('  Sign in as Amara Okafor (new here) to join the demo program and ask a mentor for mentoring,');
  console.log('  or as Chen Fischer (a mentee) or Freya Varga (a mentor) of the demo program.');
  console.log(`\nGraphQL: http://127.0.0.1:${portOf(apps[0])}/graphql — tokens for the demo program (12 h; more with`);
  console.log(`npm run token -- --as <admin|manager|mentor|mentee>):\n${tokens.stdout || tokens.stderr}`);
}
console.log('\nCtrl-C stops the apps and the infrastructure this command started.');
