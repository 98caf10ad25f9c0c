// What docker/Dockerfile assembles, rebuilt on disk without Docker: the swc build, then per app the runtime layout
// (/app/main.js → dist/apps/<app>, dist/libs, dist/tools, node_modules). Every app's module graph and the DLQ replay
// command must load from that layout alone, and the image's healthcheck script must tell ready from not ready.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serviceNames } from '@trellis/shared/platform';

jest.setTimeout(120_000);

const repoRoot = path.resolve(__dirname, '../..');
const swc = path.join(repoRoot, 'node_modules/@swc/cli/bin/swc.js');

function run(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: 'ignore' });
    child.once('exit', (code) => resolve(code));
  });
}

describe('the image layout', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-image-'));
  const dist = path.join(work, 'build/dist');

  beforeAll(() => {
    // The build stage: the same commands as the Dockerfile (tools/run/build.mjs's swc call, then tools/dlq).
    const ignore = '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts';
    execFileSync(
      process.execPath,
      [swc, 'apps', 'libs', '-d', dist, '--config-file', '.swcrc', '-q', '--ignore', ignore],
      {
        cwd: repoRoot,
      },
    );
    execFileSync(process.execPath, [swc, 'tools/dlq', '-d', dist, '--config-file', '.swcrc', '-q'], { cwd: repoRoot });
  });

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it.each([...serviceNames])('loads %s and the DLQ replay command from its own image tree', (app) => {
    const root = path.join(work, app);
    fs.mkdirSync(path.join(root, 'dist/apps'), { recursive: true });
    fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'));
    fs.cpSync(path.join(dist, 'libs'), path.join(root, 'dist/libs'), { recursive: true });
    fs.cpSync(path.join(dist, 'apps', app), path.join(root, 'dist/apps', app), { recursive: true });
    fs.cpSync(path.join(dist, 'tools'), path.join(root, 'dist/tools'), { recursive: true });
    fs.writeFileSync(path.join(root, 'main.js'), `require('./dist/apps/${app}/src/main.js');\n`);
    // Only this app is in the tree: nothing may reach into another app's code.
    expect(fs.readdirSync(path.join(root, 'dist/apps'))).toEqual([app]);
    expect(fs.existsSync(path.join(root, `dist/apps/${app}/src/main.js`))).toBe(true);

    const probe = `
      require('reflect-metadata');
      const path = require('node:path');
      const mod = require('./dist/apps/${app}/src/app.module.js');
      if (!mod.AppModule) throw new Error('no AppModule');
      const replay = path.resolve('dist/tools/dlq/replay.js');
      const code = require('node:fs').readFileSync(replay, 'utf8');
      for (const [, request] of code.matchAll(/require\\("([^"]+)"\\)/g)) {
        require.resolve(request.startsWith('.') ? path.resolve(path.dirname(replay), request) : request, { paths: [path.dirname(replay)] });
      }
      require.resolve(path.resolve('dist/apps/${app}/src/app.module'));
      process.stdout.write('ok');
    `;
    const output = execFileSync(process.execPath, ['-e', probe], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production', TRELLIS_LOG_LEVEL: 'silent' },
    });
    expect(output).toBe('ok');
  });

  it('has a healthcheck that passes only while the app is ready', async () => {
    let ready = true;
    const server = http.createServer((req, res) => {
      res.statusCode = req.url === '/health/ready' && ready ? 200 : 503;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = String((server.address() as { port: number }).port);
    const script = path.join(repoRoot, 'docker/healthcheck.js');
    try {
      expect(await run(work, [script], { TRELLIS_APP: 'sessions', TRELLIS_SESSIONS_PORT: port })).toBe(0);
      ready = false;
      expect(await run(work, [script], { TRELLIS_APP: 'sessions', TRELLIS_SESSIONS_PORT: port })).toBe(1);
      expect(await run(work, [script], { TRELLIS_APP: 'nonsense' })).toBe(1);
    } finally {
      server.close();
    }
  });
});
