#!/usr/bin/env node
import { build, ensureNpmPackages } from './shared.mjs';

ensureNpmPackages();
build();
console.log('built into dist/');
