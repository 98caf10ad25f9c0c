// Every manifest of k8s/ rendered by the real kustomize (base and both overlays), validated against the Kubernetes
// schemas, and held to the rules operators rely on (docs/architecture.md §14, and §16 on Kubernetes; operations.md).
// No cluster needed.
import fs from 'node:fs';
import path from 'node:path';
import { CONSUMER_SESSION_TIMEOUT_MS } from '@trellis/shared/messaging';
import { loadServiceConfig, serviceNames } from '@trellis/shared/platform';
import { configVariables, platformSchemaVariables } from '@trellis/tools/config';
import { render, type K8sObject } from './kustomize';
import { validateObject } from './schemas';
import { consumerGroups, deadLetterTopicsFile, deadLetterTopicsYaml, eventTopics } from './topics';

// The first run on a fresh machine builds kustomize with Go; later runs take well under a second per render.
jest.setTimeout(15 * 60_000);

const repoRoot = path.resolve(__dirname, '../..');
const subgraphs = serviceNames.filter((s) => s !== 'gateway');
// What the services store only in `trellis-secrets` (credentials live in these URLs and the token).
const secretVariables = ['TRELLIS_MONGO_URL', 'TRELLIS_SMTP_URL', 'TRELLIS_INTERNAL_TOKEN'];

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment,
   @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return,
   @typescript-eslint/no-unsafe-argument --
   Rendered YAML has no static type: these tests read it field by field, and a missing field fails an expectation. */
type Any = any;

interface Probe {
  httpGet?: { path: string; port: string | number };
}

const overlays = ['base', 'overlays/dev', 'overlays/prod'] as const;
const rendered = new Map<string, K8sObject[]>();

beforeAll(() => {
  for (const overlay of overlays) rendered.set(overlay, render(path.join(repoRoot, 'k8s', overlay)));
});

const of = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind) as Any[];
const configMap = (objects: K8sObject[]): Record<string, string> => of(objects, 'ConfigMap')[0]?.data ?? {};
const secretData = (objects: K8sObject[]): Record<string, string> => {
  const secret = of(objects, 'Secret')[0];
  return Object.fromEntries(
    Object.entries<string>(secret?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]),
  );
};
const matches = (selector: Record<string, string> | undefined, labels: Record<string, string> | undefined) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

describe.each(overlays)('k8s/%s', (overlay) => {
  const objects = () => rendered.get(overlay)!;
  const deployments = () => of(objects(), 'Deployment');
  const containers = () =>
    deployments().flatMap((d) =>
      [...(d.spec.template.spec.initContainers ?? []), ...d.spec.template.spec.containers].map((c: Any) => ({
        deployment: d,
        container: c,
      })),
    );

  it('renders objects that are all valid against their schemas', () => {
    expect(objects().length).toBeGreaterThan(30);
    const invalid: string[] = [];
    for (const object of objects()) {
      try {
        validateObject(object);
      } catch (error) {
        invalid.push(String(error));
      }
    }
    expect(invalid).toEqual([]);
    // The validation is not a formality: a wrong type is rejected.
    const broken = structuredClone(deployments()[0]);
    broken.spec.template.spec.containers[0].securityContext.runAsNonRoot = 'yes';
    expect(() => validateObject(broken)).toThrow(/runAsNonRoot must be boolean/);
  });

  it('has one Deployment per app', () => {
    expect(
      deployments()
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual([...serviceNames].sort());
  });

  it('gives every container startup, liveness and readiness probes on the health endpoints', () => {
    for (const { container } of containers()) {
      const probes = container as { startupProbe?: Probe; livenessProbe?: Probe; readinessProbe?: Probe };
      expect({ name: container.name, startup: probes.startupProbe?.httpGet?.path }).toEqual({
        name: container.name,
        startup: '/health/live',
      });
      expect(probes.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(probes.readinessProbe?.httpGet?.path).toBe('/health/ready');
    }
  });

  it('gives every container CPU and memory requests and limits', () => {
    for (const { container } of containers()) {
      for (const kind of ['requests', 'limits']) {
        for (const resource of ['cpu', 'memory']) {
          expect({
            container: container.name,
            kind,
            resource,
            set: Boolean(container.resources?.[kind]?.[resource]),
          }).toEqual({
            container: container.name,
            kind,
            resource,
            set: true,
          });
        }
      }
    }
  });

  it('runs every container non-root, read-only, without privilege escalation and with all capabilities dropped', () => {
    for (const { deployment, container } of containers()) {
      const pod = deployment.spec.template.spec.securityContext ?? {};
      const own = container.securityContext ?? {};
      expect(own.runAsNonRoot ?? pod.runAsNonRoot).toBe(true);
      expect(own.runAsUser ?? pod.runAsUser).toBeGreaterThan(0);
      expect(own.readOnlyRootFilesystem).toBe(true);
      expect(own.allowPrivilegeEscalation).toBe(false);
      expect(own.privileged ?? false).toBe(false);
      expect(own.capabilities?.drop).toContain('ALL');
      expect(own.capabilities?.add ?? []).toEqual([]);
      // The only writable place is /tmp, an emptyDir.
      const tmp = deployment.spec.template.spec.volumes.find((v: Any) => v.name === 'tmp');
      expect(tmp?.emptyDir).toBeDefined();
      expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
    }
  });

  it('gives every Deployment a PodDisruptionBudget that can be satisfied and an HPA', () => {
    for (const deployment of deployments()) {
      const labels = deployment.spec.template.metadata.labels;
      const pdbs = of(objects(), 'PodDisruptionBudget').filter((p) => matches(p.spec.selector.matchLabels, labels));
      expect({ deployment: deployment.metadata.name, pdbs: pdbs.length }).toEqual({
        deployment: deployment.metadata.name,
        pdbs: 1,
      });
      const hpas = of(objects(), 'HorizontalPodAutoscaler').filter(
        (h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === deployment.metadata.name,
      );
      expect(hpas).toHaveLength(1);
      const hpa = hpas[0];
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(1);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
      expect(deployment.spec.replicas).toBeGreaterThanOrEqual(hpa.spec.minReplicas);
      // A budget that allows no disruption at the minimum scale would block every node drain.
      const pdb = pdbs[0];
      if (pdb.spec.minAvailable !== undefined) expect(pdb.spec.minAvailable).toBeLessThan(hpa.spec.minReplicas);
      else expect(pdb.spec.maxUnavailable).toBeGreaterThanOrEqual(1);
      expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    }
  });

  it('lets a pod drain its consumers before it is killed', () => {
    const config = configMap(objects());
    const drainMs = Math.max(CONSUMER_SESSION_TIMEOUT_MS, Number(config['TRELLIS_SHUTDOWN_TIMEOUT_MS'] ?? 25_000));
    for (const deployment of deployments()) {
      const spec = deployment.spec.template.spec;
      const preStop = spec.containers[0].lifecycle?.preStop?.exec?.command ?? [];
      const pause = preStop[0] === 'sleep' ? Number(preStop[1]) : 0;
      expect(spec.terminationGracePeriodSeconds).toBeGreaterThan(drainMs / 1000 + pause);
    }
  });

  it('has a NetworkPolicy per app on top of a default deny', () => {
    const policies = of(objects(), 'NetworkPolicy');
    const deny = policies.find((p) => Object.keys(p.spec.podSelector).length === 0);
    expect(deny?.spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    expect(deny?.spec.ingress ?? []).toEqual([]);
    expect(deny?.spec.egress ?? []).toEqual([]);
    for (const deployment of deployments()) {
      const own = policies.filter(
        (p) =>
          Object.keys(p.spec.podSelector.matchLabels ?? {}).length > 0 &&
          matches(p.spec.podSelector.matchLabels, deployment.spec.template.metadata.labels),
      );
      expect({ app: deployment.metadata.name, policies: own.length }).toEqual({
        app: deployment.metadata.name,
        policies: 1,
      });
      expect(own[0].spec.policyTypes.sort()).toEqual(['Egress', 'Ingress']);
    }
  });

  it('lets subgraphs accept traffic only from the gateway (profiles also from notifications) and Prometheus', () => {
    const prometheus = {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } },
      podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
    };
    const fromApp = (app: string) => ({ podSelector: { matchLabels: { 'app.kubernetes.io/name': app } } });
    for (const subgraph of subgraphs) {
      const policy = of(objects(), 'NetworkPolicy').find((p) => p.metadata.name === subgraph);
      const peers = policy.spec.ingress.flatMap((rule: Any) => {
        // A rule without `from` admits everyone: never allowed here.
        expect(rule.from?.length).toBeGreaterThan(0);
        expect(rule.ports?.map((p: Any) => p.port)).toEqual(['http']);
        return rule.from;
      });
      const allowed = [fromApp('gateway'), prometheus, ...(subgraph === 'profiles' ? [fromApp('notifications')] : [])];
      expect(peers).toHaveLength(allowed.length);
      expect(peers).toEqual(expect.arrayContaining(allowed));
    }
  });

  it('lets the apps reach only what they need', () => {
    const policies = of(objects(), 'NetworkPolicy');
    for (const app of serviceNames) {
      const egress = policies.find((p) => p.metadata.name === app).spec.egress as Any[];
      const ports = new Set(egress.flatMap((rule) => rule.ports.map((p: Any) => p.port)));
      // Kafka for every app, MongoDB for the services, DNS and the issuer's JWKS over HTTPS.
      for (const port of [9092, 53, 443]) expect(ports.has(port)).toBe(true);
      expect(ports.has(27017)).toBe(app !== 'gateway');
      // SMTP only from notifications.
      expect([25, 465, 587, 1025].some((p) => ports.has(p))).toBe(app === 'notifications');
      for (const rule of egress) expect(rule.ports?.length).toBeGreaterThan(0);
    }
  });

  it('exposes only the gateway through an Ingress', () => {
    const backends = of(objects(), 'Ingress').flatMap((ingress) =>
      ingress.spec.rules.flatMap((r: Any) => r.http.paths.map((p: Any) => p.backend.service.name)),
    );
    expect(new Set(backends)).toEqual(new Set(['gateway']));
    expect(of(objects(), 'Service').filter((s) => s.spec.type && s.spec.type !== 'ClusterIP')).toEqual([]);
  });

  it('wires Services, ports and images consistently', () => {
    const config = configMap(objects());
    for (const deployment of deployments()) {
      const app = deployment.metadata.name as string;
      const container = deployment.spec.template.spec.containers[0];
      const port = Number(config[`TRELLIS_${app.toUpperCase()}_PORT`]);
      expect(container.ports).toEqual([{ name: 'http', containerPort: port, protocol: 'TCP' }]);
      const service = of(objects(), 'Service').find((s) => s.metadata.name === app);
      expect(matches(service.spec.selector, deployment.spec.template.metadata.labels)).toBe(true);
      expect(service.spec.ports).toEqual([{ name: 'http', port, targetPort: 'http', protocol: 'TCP' }]);
      // The base names the images; each overlay gives them a version (never `latest`).
      const tag = overlay === 'base' ? '' : String.raw`:[\w.-]+(@sha256:[a-f0-9]{64})?`;
      expect(container.image).toMatch(new RegExp(`(^|/)trellis/${app}${tag}$`));
      expect(container.image).not.toMatch(/:latest$/);
      expect(container.env).toContainEqual({ name: 'TRELLIS_APP', value: app });
    }
    for (const subgraph of subgraphs) {
      const port = config[`TRELLIS_${subgraph.toUpperCase()}_PORT`];
      expect(config[`TRELLIS_${subgraph.toUpperCase()}_URL`]).toBe(`http://${subgraph}:${port}`);
    }
  });

  it('configures only variables the code reads, and every variable of the platform schema', () => {
    const known = configVariables();
    const config = configMap(objects());
    for (const name of Object.keys(config)) expect({ name, known: known.has(name) }).toEqual({ name, known: true });
    for (const name of Object.keys(secretData(objects()))) expect(secretVariables).toContain(name);
    for (const name of platformSchemaVariables().filter((n) => !secretVariables.includes(n))) {
      expect({ name, set: name in config }).toEqual({ name, set: true });
    }
    for (const deployment of deployments()) {
      const envFrom = deployment.spec.template.spec.containers[0].envFrom;
      expect(envFrom.map((e: Any) => e.configMapRef?.name ?? e.secretRef?.name)).toEqual([
        of(objects(), 'ConfigMap')[0].metadata.name,
        expect.stringMatching(/^trellis-secrets/),
      ]);
    }
  });

  it('declares the Kafka topics the code uses, with its partitions, replication and retention', () => {
    const config = configMap(objects());
    const partitions = Number(config['TRELLIS_KAFKA_PARTITIONS']);
    const replication = Number(config['TRELLIS_KAFKA_REPLICATION']);
    const topics = of(objects(), 'KafkaTopic');
    const byName = new Map(topics.map((t) => [t.spec.topicName ?? t.metadata.name, t]));
    // The settings ensureTopics() gives a topic it creates (libs/shared/messaging/src/topics.ts).
    const code = fs.readFileSync(path.join(repoRoot, 'libs/shared/messaging/src/topics.ts'), 'utf8');
    const literal = Object.fromEntries(
      [...code.matchAll(/\{ name: '([a-z.]+)', value: '([^']*)' \}/g)].map((m) => [m[1], m[2]]),
    );
    expect(literal).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' });
    expect(code).toContain("{ name: 'min.insync.replicas', value: String(Math.min(2, settings.replication)) }");
    const minIsr = (replicas: number) => String(Math.min(2, replicas));

    for (const name of eventTopics()) {
      const topic = byName.get(name);
      expect({ name, declared: Boolean(topic) }).toEqual({ name, declared: true });
      expect(topic.metadata.labels['strimzi.io/cluster']).toBe('trellis');
      expect({ name, partitions: topic.spec.partitions, replicas: topic.spec.replicas }).toEqual({
        name,
        partitions,
        replicas: replication,
      });
      expect(topic.spec.config).toEqual({ ...literal, 'min.insync.replicas': minIsr(replication) });
    }
    const groups = consumerGroups();
    // One group of each way the code names them, so a convention the scan misses fails here.
    expect(groups).toEqual(
      expect.arrayContaining(['notifications.reactor', 'matching.mentor-books', 'sessions.memberships']),
    );
    for (const group of groups) {
      const topic = byName.get(`${group}.dlq`);
      expect({ group, declared: Boolean(topic) }).toEqual({ group, declared: true });
      expect(topic.spec.replicas).toBe(replication);
      expect(topic.spec.config).toEqual({ ...literal, 'min.insync.replicas': minIsr(replication) });
    }
    // Nothing declared that the code does not use.
    expect([...byName.keys()].sort()).toEqual([...eventTopics(), ...groups.map((g) => `${g}.dlq`)].sort());
    if (overlay === 'overlays/prod') expect(replication).toBeGreaterThanOrEqual(3);
  });
});

describe('k8s/overlays/dev', () => {
  it('gives the apps a configuration they accept', () => {
    const objects = rendered.get('overlays/dev')!;
    const env = { ...configMap(objects), ...secretData(objects) };
    for (const app of serviceNames) {
      const config = loadServiceConfig(app, env);
      expect(config.host).toBe('0.0.0.0');
      expect(config.mongoUrl).toMatch(/replicaSet=/);
    }
  });
});

describe('k8s/base/kafka/dead-letter-topics.yaml', () => {
  it('is up to date with the consumer groups in the code', () => {
    const expected = deadLetterTopicsYaml(consumerGroups());
    if (fs.readFileSync(deadLetterTopicsFile, 'utf8') !== expected) {
      throw new Error(
        'A consumer group was added, renamed or removed: regenerate its dead-letter topics with ' +
          '`node tools/run/ts.mjs tools/k8s/topics.ts --write` and commit k8s/base/kafka/dead-letter-topics.yaml',
      );
    }
    expect(expected).toContain('# Generated by');
  });
});
