#!/usr/bin/env node
// `node tools/run/ts.mjs file.ts [args…]`: runs a TypeScript entry point of this repo (see register.cjs).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRuntime } from './runtime.mjs';

await ensureRuntime();
const here = path.dirname(fileURLToPath(import.meta.url));
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node tools/run/ts.mjs <file.ts> [args…]');
  process.exit(2);
}
const child = spawn(process.execPath, [...process.execArgv, '-r', path.join(here, 'register.cjs'), entry, ...args], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
