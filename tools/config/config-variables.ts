// The environment variables the apps read, found in their source, so that the compose file, the Kubernetes ConfigMaps
// and the operators' documentation can be checked against the code rather than against a list kept by hand.
import fs from 'node:fs';
import path from 'node:path';
import { serviceNames } from '@trellis/shared/platform';

export const repoRoot = path.resolve(__dirname, '../..');

/** Variables that are not `TRELLIS_*` but that the apps or the image read. */
export const standardVariables = [
  'NODE_ENV',
  'OTEL_TRACES_EXPORTER',
  'OTEL_SERVICE_NAME',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
];

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|fixture)\.ts$/.test(f))
    .filter((f) => !/(^|\/)(testing|tmp|[^/]+-e2e)(\/|$)/.test(f))
    .map((f) => path.join(repoRoot, dir, f));
}

/**
 * Every variable the running apps may read: literal `TRELLIS_*` names in apps/ and libs/ (tests and test helpers
 * excluded), per-service templates such as `TRELLIS_${upper}_PORT` expanded for the five apps, and the image's own.
 */
export function configVariables(): Set<string> {
  const names = new Set<string>([...standardVariables, 'TRELLIS_APP']);
  for (const file of [...sourceFiles('apps'), ...sourceFiles('libs')]) {
    const code = fs.readFileSync(file, 'utf8');
    for (const [name] of code.matchAll(/\bTRELLIS_[A-Z0-9]+(?:_[A-Z0-9]+)*\b/g)) names.add(name);
    for (const [, suffix] of code.matchAll(/`TRELLIS_\$\{\w+\}(_[A-Z0-9_]+)`/g)) {
      for (const service of serviceNames) names.add(`TRELLIS_${service.toUpperCase()}${suffix}`);
    }
  }
  // A bare prefix in an error message ("TRELLIS_AUTH_") is not a variable.
  for (const name of [...names]) if (name.endsWith('_')) names.delete(name);
  return names;
}

/** The keys of the platform's configuration schema (libs/shared/platform/src/service-config.ts). */
export function platformSchemaVariables(): string[] {
  const code = fs.readFileSync(path.join(repoRoot, 'libs/shared/platform/src/service-config.ts'), 'utf8');
  const schema = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(code)?.[1] ?? '';
  return [...schema.matchAll(/^\s+(TRELLIS_[A-Z0-9_]+):/gm)].map((m) => m[1] ?? '');
}
