#!/usr/bin/env node
import { ensureRuntime } from './runtime.mjs';
import { build, ensureNpmPackages } from './shared.mjs';

await ensureRuntime();
ensureNpmPackages();
build();
console.log('built into dist/');
