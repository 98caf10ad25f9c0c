// docker-compose.yml, checked without a Docker engine: valid against the Compose specification's JSON schema, and
// the rules the stack relies on (healthchecks everywhere, a replica set that initiates itself, KRaft Kafka without
// topic auto-creation, hardened app containers, the same variables as `npm start`, all of them known to the code).
import fs from 'node:fs';
import path from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { CONSUMER_SESSION_TIMEOUT_MS } from '@trellis/shared/messaging';
import { loadServiceConfig, serviceNames } from '@trellis/shared/platform';
import { configVariables, platformSchemaVariables, repoRoot } from '@trellis/tools/config';
import { composeSchemaPath } from './compose-schema';

jest.setTimeout(180_000);

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string; args: Record<string, string> };
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string; disable?: boolean };
  depends_on?: Record<string, { condition: string }>;
  read_only?: boolean;
  tmpfs?: string[];
  user?: string;
  cap_drop?: string[];
  security_opt?: string[];
  stop_grace_period?: string;
  ports?: string[];
}

interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** Compose interpolates `${VAR:-default}` before anything else; the check uses the defaults (nothing set). */
function interpolate(text: string, env: Record<string, string | undefined> = {}): string {
  return text.replace(
    /\$\$|\$\{(\w+)(?:(:?-)([^}]*))?\}/g,
    (all, name: string | undefined, op?: string, fallback?: string) => {
      if (all === '$$') return '$';
      const value = env[name ?? ''];
      if (op === ':-') return value ? value : (fallback ?? '');
      if (op === '-') return value ?? fallback ?? '';
      return value ?? '';
    },
  );
}

function stripDraft4Ids(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(stripDraft4Ids);
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record['id'] === 'string') delete record['id'];
  Object.values(record).forEach(stripDraft4Ids);
}

const seconds = (duration: string) => {
  let total = 0;
  for (const [, n, unit] of duration.matchAll(/(\d+(?:\.\d+)?)(h|ms|m|s|us|ns)/g)) {
    total += Number(n) * { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, ns: 1e-9 }[unit as 'h'];
  }
  return total;
};

describe('docker-compose.yml', () => {
  const raw = fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8');
  const compose = parse(interpolate(raw), { merge: true }) as ComposeFile;
  const services = compose.services;
  const apps = [...serviceNames];

  it('is valid against the Compose specification schema', () => {
    const schema = JSON.parse(fs.readFileSync(composeSchemaPath(), 'utf8')) as Record<string, unknown>;
    // Written in draft-04 style (`id`) under a 2019-09 `$schema`: Ajv takes it once the draft-04 ids are dropped.
    delete schema['$schema'];
    stripDraft4Ids(schema);
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    addFormats(ajv);
    // Formats the Compose schema defines for itself (compose-go implements them the same way).
    ajv.addFormat('duration', /^(\d+(\.\d+)?(h|m|s|ms|us|ns))+$/);
    ajv.addFormat('ports', /^((\d{1,3}\.){3}\d{1,3}:)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp))?$/);
    ajv.addFormat('subnet_ip_address', true);
    const validate = ajv.compile(schema);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The same schema rejects what Compose would: a misspelled service key is an error, not silently ignored.
    expect(validate({ services: { x: { image: 'a', restrat: 'always' } } })).toBe(false);
  });

  it('runs Kafka (KRaft), a MongoDB replica set, Mailpit, the four services and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(['kafka', 'mailpit', 'mongodb', ...apps].sort());
  });

  it('gives every service a healthcheck', () => {
    for (const [name, service] of Object.entries(services)) {
      expect({ name, healthcheck: Boolean(service.healthcheck?.test && !service.healthcheck.disable) }).toEqual({
        name,
        healthcheck: true,
      });
    }
  });

  it('runs Kafka in KRaft mode with topic auto-creation off', () => {
    const env = services['kafka']!.environment!;
    expect(env['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(env['KAFKA_CONTROLLER_QUORUM_VOTERS']).toMatch(/^1@kafka:\d+$/);
    expect(env['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
    expect(env['KAFKA_ADVERTISED_LISTENERS']).toContain('kafka:9092');
  });

  it('initiates the MongoDB replica set by itself and the apps connect to it as a replica set', () => {
    const mongo = services['mongodb']!;
    const replSet = mongo.command![mongo.command!.indexOf('--replSet') + 1];
    expect(replSet).toBeTruthy();
    const test = JSON.stringify(mongo.healthcheck!.test);
    expect(test).toContain('rs.initiate(');
    expect(test).toContain(`_id: '${replSet}'`);
    expect(test).toContain('isWritablePrimary');
    const url = new URL(services['profiles']!.environment!['TRELLIS_MONGO_URL']!);
    expect(url.host).toBe('mongodb:27017');
    expect(url.searchParams.get('replicaSet')).toBe(replSet);
  });

  it('builds each app from docker/Dockerfile and hardens its container', () => {
    for (const app of apps) {
      const service = services[app]!;
      expect(service.build).toEqual({ context: '.', dockerfile: 'docker/Dockerfile', args: { APP: app } });
      expect(service.read_only).toBe(true);
      expect(service.tmpfs?.some((t) => t.startsWith('/tmp'))).toBe(true);
      expect(service.cap_drop).toEqual(['ALL']);
      expect(service.security_opt).toContain('no-new-privileges:true');
      expect(Number(service.user?.split(':')[0])).toBeGreaterThan(0);
      // Compose's stop timeout must outlast the consumer drain, as Kubernetes' grace period does.
      const drain = Math.max(
        CONSUMER_SESSION_TIMEOUT_MS,
        loadServiceConfig(app, service.environment).shutdownTimeoutMs,
      );
      expect(seconds(service.stop_grace_period ?? '10s')).toBeGreaterThan(drain / 1000);
      for (const dependency of ['kafka', 'mongodb', 'mailpit']) {
        expect(service.depends_on?.[dependency]?.condition).toBe('service_healthy');
      }
    }
    for (const subgraph of apps.filter((a) => a !== 'gateway')) {
      expect(services['gateway']!.depends_on?.[subgraph]?.condition).toBe('service_healthy');
    }
    // Only the gateway (and the Mailpit UI) is published on the host.
    expect(
      Object.entries(services)
        .filter(([, s]) => s.ports?.length)
        .map(([n]) => n)
        .sort(),
    ).toEqual(['gateway', 'mailpit']);
  });

  it('sets the variables `npm start` uses, with values the apps accept and names the code reads', () => {
    const known = configVariables();
    for (const app of apps) {
      const env = services[app]!.environment!;
      for (const name of Object.keys(env)) expect({ name, known: known.has(name) }).toEqual({ name, known: true });
      for (const name of platformSchemaVariables())
        expect({ app, name, set: name in env }).toEqual({ app, name, set: true });
      const config = loadServiceConfig(app, env);
      expect(config.host).toBe('0.0.0.0');
      expect(config.kafkaBrokers).toEqual(['kafka:9092']);
      expect(config.smtpUrl).toBe('smtp://mailpit:1025');
      expect(env['TRELLIS_APP']).toBe(app);
      for (const subgraph of apps.filter((a) => a !== 'gateway')) {
        expect(env[`TRELLIS_${subgraph.toUpperCase()}_URL`]).toBe(
          `http://${subgraph}:${env[`TRELLIS_${subgraph.toUpperCase()}_PORT`]}`,
        );
      }
      for (const name of ['TRELLIS_AUTH_ISSUER', 'TRELLIS_AUTH_AUDIENCE', 'TRELLIS_AUTH_JWKS_URL']) {
        expect(env[name]).toBeTruthy();
      }
    }
  });
});
