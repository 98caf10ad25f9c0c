// The browser the web app's journeys run in: Debian's chromium, installed with apt when it is missing. Playwright's
// own browser downloads are never used (the machine reaches package registries only).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { say } from './shared.mjs';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export function ensureChromium() {
  const chosen = process.env.TRELLIS_CHROMIUM ?? DEFAULT_CHROMIUM;
  if (fs.existsSync(chosen)) return chosen;
  if (process.env.TRELLIS_CHROMIUM) throw new Error(`TRELLIS_CHROMIUM names ${chosen}, which does not exist`);
  say("browser: installing Debian's chromium with apt (once per machine)");
  const asRoot = process.getuid?.() === 0;
  const apt = (args) =>
    spawnSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  const steps = [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium'],
  ];
  for (const args of steps) {
    const result = apt(args);
    if (result.status !== 0) {
      throw new Error(
        `apt-get ${args[0]} failed (${result.error?.message ?? `exit ${result.status}`}); install chromium yourself ` +
          'or point TRELLIS_CHROMIUM at a Chromium binary',
      );
    }
  }
  if (!fs.existsSync(DEFAULT_CHROMIUM)) throw new Error(`apt installed chromium, but ${DEFAULT_CHROMIUM} is missing`);
  return DEFAULT_CHROMIUM;
}
