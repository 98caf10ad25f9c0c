#!/usr/bin/env node
// `npm test`: installs what is missing, brings the infrastructure up if it is not running (and takes down again
// what it started), then runs every tier against the real servers and ends with a summary.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './browser.mjs';
import { ensureRuntime } from './runtime.mjs';
import { ensureNpmPackages, repoRoot, runStep, say } from './shared.mjs';

await ensureRuntime({ announce: true });
const began = Date.now();
ensureNpmPackages();
// The end-to-end tier drives the web app in a real browser.
const chromium = ensureChromium();
const infra = await import('../infra/infra.mjs');
say('infrastructure');
const started = await infra.up();

const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-test-'));
const jest = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
const nx = path.join(repoRoot, 'node_modules', 'nx', 'bin', 'nx.js');
const eslint = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const jestTier = (tier, extra = []) => [
  jest,
  '--selectProjects',
  tier,
  '--json',
  `--outputFile=${path.join(resultsDir, `${tier}.json`)}`,
  // kafkajs leaves retry timers behind after disconnect; every suite closes what it opened, so do not wait for them.
  '--forceExit',
  ...extra,
];

const steps = [];
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = true;
  });
}
const env = { NODE_ENV: 'test', NX_DAEMON: 'false', TRELLIS_CHROMIUM: chromium };
try {
  // The web app has its own TypeScript projects (DOM, JSX): one typecheck step covers all three.
  const typecheck = [];
  for (const project of ['tsconfig.json', 'apps/web/tsconfig.json', 'apps/web/tsconfig.node.json']) {
    typecheck.push(await runStep(`typecheck ${project}`, process.execPath, [tsc, '-p', project, '--noEmit'], env));
  }
  steps.push({
    name: 'typecheck',
    ok: typecheck.every((s) => s.ok),
    seconds: typecheck.reduce((sum, s) => sum + s.seconds, 0),
  });
  steps.push(await runStep('project graph', process.execPath, [nx, 'show', 'projects'], env));
  steps.push(await runStep('lint', process.execPath, [eslint, '.', '--max-warnings=0'], env));
  steps.push(await runStep('unit tests', process.execPath, jestTier('unit'), env));
  // Vitest's JSON report has Jest's shape, so its counts join the summary below.
  steps.push(
    await runStep(
      'web unit tests',
      process.execPath,
      [
        vitest,
        'run',
        '--config',
        'apps/web/vite.config.mts',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${path.join(resultsDir, 'web.json')}`,
      ],
      env,
    ),
  );
  if (!interrupted) {
    steps.push(await runStep('integration tests', process.execPath, jestTier('integration', ['--runInBand']), env));
  }
  if (!interrupted) {
    steps.push(
      await runStep('end-to-end tests', process.execPath, jestTier('e2e', ['--runInBand', '--passWithNoTests']), env),
    );
  }
} finally {
  if (started.length) {
    say(`stopping what this run started: ${started.join(', ')}`);
    await infra.down(started);
  }
}

let passed = 0;
let failed = 0;
for (const tier of ['unit', 'web', 'integration', 'e2e']) {
  const file = path.join(resultsDir, `${tier}.json`);
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  for (const suite of report.testResults) {
    for (const test of suite.assertionResults) {
      if (test.status === 'failed')
        console.log(`  ✗ [${tier}] ${path.relative(repoRoot, suite.name)} › ${test.fullName}`);
    }
    if (suite.status === 'failed' && suite.assertionResults.length === 0) {
      console.log(`  ✗ [${tier}] ${path.relative(repoRoot, suite.name)}: ${suite.message.split('\n')[0]}`);
      failed += 1;
    }
  }
}

console.log('\nSummary');
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.name.padEnd(20)} ${step.seconds.toFixed(1)}s`);
console.log(`  total ${((Date.now() - began) / 1000).toFixed(0)}s`);
const ok = steps.length === 7 && steps.every((s) => s.ok) && failed === 0;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = ok ? 0 : 1;
