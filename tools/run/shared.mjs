// Helpers for the README's two commands; plain Node so they run before `npm ci` has installed anything.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const say = (msg) => process.stdout.write(`\n▶ ${msg}\n`);

/**
 * Installs npm packages when node_modules is missing or older than the lock file or a dependency patch (patches/,
 * applied by the install's postinstall step: a checkout that brings a new patch must not run the unpatched library).
 */
export function ensureNpmPackages() {
  const installed = path.join(repoRoot, 'node_modules', '.package-lock.json');
  const patches = path.join(repoRoot, 'patches');
  const inputs = [
    path.join(repoRoot, 'package-lock.json'),
    ...(fs.existsSync(patches) ? fs.readdirSync(patches).map((name) => path.join(patches, name)) : []),
  ];
  const fresh =
    fs.existsSync(installed) && inputs.every((input) => fs.statSync(installed).mtimeMs >= fs.statSync(input).mtimeMs);
  if (fresh) return;
  // A git worktree that borrows another checkout's packages through a symlink must not reinstall them: npm ci would
  // empty the folder the other checkout runs from.
  if (fs.lstatSync(path.join(repoRoot, 'node_modules'), { throwIfNoEntry: false })?.isSymbolicLink()) {
    say('node_modules is a link to another checkout: not installing (run npm ci there when its lock file changed)');
    return;
  }
  say('installing npm packages (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm ci failed');
}

export function runStep(name, cmd, args, env = {}) {
  return new Promise((resolve) => {
    const began = Date.now();
    say(name);
    const child = spawn(cmd, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) =>
      resolve({ name, ok: code === 0, code: code ?? signal, seconds: (Date.now() - began) / 1000 }),
    );
  });
}

export function build() {
  fs.rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
  const swc = path.join(repoRoot, 'node_modules', '@swc', 'cli', 'bin', 'swc.js');
  const result = spawnSync(
    process.execPath,
    [
      swc,
      'apps',
      'libs',
      '-d',
      'dist',
      '--config-file',
      '.swcrc',
      '-q',
      '--ignore',
      // The web app is bundled by Vite below, not compiled file by file.
      '**/*.spec.ts,**/*.int-spec.ts,**/*.e2e-spec.ts,apps/web/**',
    ],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('build failed');
  // The web app's production build into dist/web, which the gateway serves at / (ADR 0009).
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const web = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    {
      cwd: repoRoot,
      stdio: 'inherit',
    },
  );
  if (web.status !== 0) throw new Error('web app build failed');
}
