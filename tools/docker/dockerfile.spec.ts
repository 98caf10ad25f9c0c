// No Docker engine runs here, so the image rules are checked on the Dockerfile itself: multi-stage, production
// dependencies only, non-root, read-only-root friendly, a healthcheck, a small base, each app buildable alone.
import fs from 'node:fs';
import path from 'node:path';
import { serviceNames } from '@trellis/shared/platform';

const repoRoot = path.resolve(__dirname, '../..');
const dockerfilePath = path.join(repoRoot, 'docker/Dockerfile');

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

interface Stage {
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

/** Joins continuation lines, drops comments and parser directives, splits into stages. */
function parseDockerfile(text: string): { globalArgs: Map<string, string>; stages: Stage[] } {
  const instructions: Instruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!pending && (line === '' || line.startsWith('#'))) return;
    if (pending && line.startsWith('#')) return;
    if (!pending) startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const [keyword = '', ...rest] = full.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: startLine });
  });
  const globalArgs = new Map<string, string>();
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [base = '', as, name] = instruction.args.split(/\s+/);
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0 && instruction.keyword === 'ARG') {
      const [key = '', value = ''] = instruction.args.split('=');
      globalArgs.set(key, value);
    } else {
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return { globalArgs, stages };
}

const resolve = (value: string, args: Map<string, string>) =>
  value.replace(
    /\$\{(\w+)\}|\$(\w+)/g,
    (_, a: string | undefined, b: string | undefined) => args.get(a ?? b ?? '') ?? '',
  );

describe('docker/Dockerfile', () => {
  const text = fs.readFileSync(dockerfilePath, 'utf8');
  const { globalArgs, stages } = parseDockerfile(text);
  const runtime = stages.at(-1)!;
  const all = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword);

  it('is multi-stage and the runtime starts from a small Node 24 LTS base', () => {
    expect(stages.length).toBeGreaterThanOrEqual(3);
    const base = resolve(runtime.base, globalArgs);
    expect(base).toMatch(
      /^(node:24(\.\d+)*-alpine[\d.]*|gcr\.io\/distroless\/nodejs24-debian\d+)(@sha256:[a-f0-9]{64})?$/,
    );
    for (const stage of stages) expect(resolve(stage.base, globalArgs)).toBe(base);
  });

  it('compiles with the same build as `npm run build`', () => {
    const build = stages.find((s) => s.name === 'build')!;
    expect(all(build, 'RUN').map((i) => i.args)).toContain('node tools/run/build.mjs');
  });

  it('ships production dependencies only, from a stage that installed them with npm ci --omit=dev', () => {
    const nodeModules = all(runtime, 'COPY').filter((i) => /node_modules/.test(i.args));
    expect(nodeModules).toHaveLength(1);
    const from = /--from=(\S+)/.exec(nodeModules[0]!.args)?.[1];
    const deps = stages.find((s) => s.name === from)!;
    const installs = all(deps, 'RUN').filter((i) => /\bnpm\s+(ci|install)\b/.test(i.args));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toMatch(/npm ci\b.*--omit=dev/);
    // The runtime never installs packages itself, so its node_modules are exactly the lock file's production set.
    expect(all(runtime, 'RUN').some((i) => /\bnpm\b/.test(i.args))).toBe(false);
  });

  it('runs as a numeric non-root user, with code owned by root and nothing to write outside /tmp', () => {
    const users = all(runtime, 'USER');
    expect(users).toHaveLength(1);
    const [uid, gid] = users[0]!.args.split(':');
    expect(Number(uid)).toBeGreaterThan(0);
    expect(Number(gid ?? uid)).toBeGreaterThan(0);
    const userLine = users[0]!.line;
    // Nothing after USER may write into the image, and nothing is handed to the runtime user to modify.
    expect(runtime.instructions.filter((i) => i.line > userLine && ['RUN', 'COPY', 'ADD'].includes(i.keyword))).toEqual(
      [],
    );
    expect(all(runtime, 'COPY').filter((i) => i.args.includes('--chown'))).toEqual([]);
    expect(all(runtime, 'VOLUME')).toEqual([]);
    const env = all(runtime, 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/\bHOME=\/tmp\b/);
    expect(env).toMatch(/\bTMPDIR=\/tmp\b/);
    expect(env).toMatch(/\bNODE_ENV=production\b/);
    expect(env).toMatch(/\bTRELLIS_HOST=0\.0\.0\.0\b/);
  });

  it('has a HEALTHCHECK on the readiness endpoint and an init process that forwards SIGTERM', () => {
    const [healthcheck] = all(runtime, 'HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD \["node", "\/app\/healthcheck\.js"\]/);
    expect(fs.readFileSync(path.join(repoRoot, 'docker/healthcheck.js'), 'utf8')).toContain('/health/ready');
    expect(all(runtime, 'ENTRYPOINT')[0]?.args).toBe('["/sbin/tini", "--"]');
    expect(all(runtime, 'CMD')[0]?.args).toMatch(/^\["node", /);
  });

  it('builds each of the five apps as its own image: APP is checked and names an app with an entry point', () => {
    const check = all(runtime, 'RUN').find((i) => i.args.includes('case "$APP" in'))!;
    const accepted = /in (\S+)\)/.exec(check.args)![1]!.split('|');
    expect(accepted.sort()).toEqual([...serviceNames].sort());
    for (const app of accepted) expect(fs.existsSync(path.join(repoRoot, 'apps', app, 'src/main.ts'))).toBe(true);
    expect(all(runtime, 'COPY').map((i) => i.args)).toContain('--from=build /src/dist/apps/${APP} ./dist/apps/${APP}');
  });

  it('puts the web app, from the same build, into the gateway image only (ADR 0009)', () => {
    const build = stages.find((s) => s.name === 'build')!;
    const buildIndex = build.instructions.findIndex((i) => i.args === 'node tools/run/build.mjs');
    const pick = build.instructions.findIndex((i) => i.keyword === 'RUN' && i.args.includes('dist/web'));
    expect(pick).toBeGreaterThan(buildIndex);
    expect(build.instructions[pick]!.args).toMatch(
      /if \[ "\$APP" = gateway \]; then cp -R dist\/web\/\. \/out\/web\/; fi/,
    );
    expect(all(runtime, 'COPY').map((i) => i.args)).toContain('--from=build /out/web ./dist/web');
    // The gateway looks for the build next to its compiled code (apps/gateway/src/web/web-app.config.ts).
    const config = fs.readFileSync(path.join(repoRoot, 'apps/gateway/src/web/web-app.config.ts'), 'utf8');
    expect(config).toContain("path.resolve(__dirname, '../../../../web')");
    expect(fs.readFileSync(path.join(repoRoot, 'apps/web/vite.config.mts'), 'utf8')).toContain("'../../dist/web'");
  });

  it('keeps the build context small without leaving out what the Dockerfile copies', () => {
    const ignore = fs
      .readFileSync(path.join(repoRoot, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const excluded of ['.git', '.infra', '**/node_modules', 'dist', '.env']) expect(ignore).toContain(excluded);
    const copied = stages
      .flatMap((s) => all(s, 'COPY'))
      .filter((i) => !i.args.includes('--from='))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
    const ignored = (file: string) => {
      let excluded = false;
      for (const pattern of ignore) {
        const negate = pattern.startsWith('!');
        const glob = (negate ? pattern.slice(1) : pattern)
          .replace(/[.+^${}()|[\]\\]/g, '\\$&')
          .replace(/\*\*\//g, '(.*/)?')
          .replace(/\*/g, '[^/]*');
        if (new RegExp(`^${glob}(/.*)?$`).test(file)) excluded = !negate;
      }
      return excluded;
    };
    for (const file of copied) {
      expect(fs.existsSync(path.join(repoRoot, file))).toBe(true);
      expect({ file, ignored: ignored(file) }).toEqual({ file, ignored: false });
    }
  });

  it('needs nothing at run time that `npm ci --omit=dev` leaves out', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    };
    // npm's lock file marks what only development needs with `dev: true`; everything else is installed by --omit=dev.
    const production = (name: string) => {
      const entry = lock.packages[`node_modules/${name}`];
      return name in pkg.dependencies || (entry !== undefined && entry.dev !== true);
    };
    const sources = ['apps', 'libs'].flatMap((dir) =>
      (fs.readdirSync(path.join(repoRoot, dir), { recursive: true }) as string[])
        .filter((f) => f.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|fixture)\.ts$/.test(f))
        // Test-only code (testing helpers, benchmarks, the end-to-end stack) is never loaded by an app.
        .filter((f) => !/(^|\/)(testing|bench|[^/]+-e2e)(\/|$)/.test(f) && !f.includes('node_modules'))
        .filter((f) => !(dir === 'libs' && f.startsWith('shared/stack/')))
        .map((f) => path.join(dir, f))
        // The web app is bundled at build time; the image carries its static files, not its imports.
        .filter((f) => !f.startsWith('apps/web/')),
    );
    const missing: string[] = [];
    for (const file of sources) {
      const code = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const match of code.matchAll(/^import (?!type\b)[^;]*?from '([^'.][^']*)'|require\('([^'.][^']*)'\)/gm)) {
        const spec = match[1] ?? match[2] ?? '';
        if (spec.startsWith('node:') || spec.startsWith('@trellis/')) continue;
        const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] ?? spec);
        // The optional OTLP exporter is loaded only when an operator installs it (OTEL_TRACES_EXPORTER=otlp).
        if (name === '@opentelemetry/exporter-trace-otlp-http') continue;
        if (!production(name)) missing.push(`${file}: ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
