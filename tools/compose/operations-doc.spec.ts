// The operators' configuration reference covers every variable the deployments set and the platform schema reads.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { serviceNames } from '@trellis/shared/platform';
import { configVariables, platformSchemaVariables, repoRoot } from '@trellis/tools/config';

const doc = fs.readFileSync(path.join(repoRoot, 'docs/operations.md'), 'utf8');

/** Documented literally, or through its per-app form (`TRELLIS_<APP>_PORT`, `TRELLIS_<SUBGRAPH>_URL`…). */
function documented(name: string): boolean {
  if (doc.includes(`\`${name}\``)) return true;
  const service = serviceNames.find((s) => name.startsWith(`TRELLIS_${s.toUpperCase()}_`));
  if (!service) return false;
  const suffix = name.slice(`TRELLIS_${service.toUpperCase()}`.length);
  return ['APP', 'SERVICE', 'SUBGRAPH'].some((placeholder) => doc.includes(`\`TRELLIS_<${placeholder}>${suffix}\``));
}

describe('docs/operations.md', () => {
  it('documents every variable of the platform schema, the compose file and the Kubernetes ConfigMap', () => {
    const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
      services: Record<string, { environment?: Record<string, string> }>;
    };
    const kustomization = parse(fs.readFileSync(path.join(repoRoot, 'k8s/base/kustomization.yaml'), 'utf8')) as {
      configMapGenerator: Array<{ literals: string[] }>;
    };
    const names = new Set([
      ...platformSchemaVariables(),
      ...Object.values(compose.services).flatMap((s) =>
        Object.keys(s.environment ?? {}).filter((n) => !n.startsWith('KAFKA_')),
      ),
      ...kustomization.configMapGenerator.flatMap((g) => g.literals.map((l) => l.split('=')[0] ?? '')),
    ]);
    expect(names.size).toBeGreaterThan(20);
    const undocumented = [...names].filter((name) => !documented(name));
    expect(undocumented).toEqual([]);
  });

  it('names only variables that exist', () => {
    const known = configVariables();
    const local = ['TRELLIS_KAFKA_PORT', 'TRELLIS_KAFKA_CONTROLLER_PORT', 'TRELLIS_KAFKA_HEAP', 'TRELLIS_MONGO_PORT'];
    const infra = [
      ...local,
      'TRELLIS_POSTGRES_PORT',
      'TRELLIS_SMTP_PORT',
      'TRELLIS_MAILPIT_HTTP_PORT',
      'TRELLIS_CACHE_DIR',
    ];
    const mentioned = [...doc.matchAll(/`(TRELLIS_[A-Z0-9_]+)`/g)].map((m) => m[1] ?? '');
    expect(mentioned.filter((name) => !known.has(name) && !infra.includes(name))).toEqual([]);
  });
});
