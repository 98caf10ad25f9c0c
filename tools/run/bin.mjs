#!/usr/bin/env node
// `node tools/run/bin.mjs <tool> [args…]`: runs an installed npm tool (eslint, jest, tsc, prettier, nx…) on the
// repository's runtime (runtime.mjs) rather than on whatever `node` comes first on PATH.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureRuntime } from './runtime.mjs';
import { repoRoot } from './shared.mjs';

await ensureRuntime();
const [tool, ...args] = process.argv.slice(2);
const link = tool && path.join(repoRoot, 'node_modules', '.bin', tool);
if (!link || !fs.existsSync(link)) {
  console.error(tool ? `${tool} is not installed: run npm ci` : 'usage: node tools/run/bin.mjs <tool> [args…]');
  process.exit(2);
}
const child = spawn(process.execPath, [fs.realpathSync(link), ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
