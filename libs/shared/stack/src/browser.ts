import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { phaseTimer } from './timing';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * Debian's chromium (installed by `npm test` with apt when missing), or TRELLIS_CHROMIUM. Playwright's own browser
 * downloads are never used: the machine reaches package registries only.
 */
export function chromiumExecutable(): string {
  const chosen = process.env['TRELLIS_CHROMIUM'] ?? '/usr/bin/chromium';
  if (!fs.existsSync(chosen)) {
    throw new Error(
      `no browser at ${chosen}: run npm test (it installs Debian's chromium with apt) or apt-get install chromium`,
    );
  }
  return chosen;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: ['--no-sandbox'] });
}

/**
 * A production build of apps/web in a folder of its own, for the gateway to serve (TRELLIS_WEB_ROOT): the journeys
 * test what `npm start` serves, not a development server, and leave dist/ alone.
 */
export function buildWebApp(): string {
  const lap = phaseTimer('web app');
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-web-'));
  const vite = path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'error', '--outDir', outDir],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`web app build failed:\n${result.stdout}\n${result.stderr}`);
  lap('built');
  return outDir;
}

/** A person's own browser: a fresh context per person, so two people never share a session. */
export async function personPage(
  browser: Browser,
  options: { locale?: string; timezoneId?: string; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-GB',
    timezoneId: options.timezoneId ?? 'Europe/Berlin',
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  return { context, page };
}

/**
 * Screenshots of a journey's steps, kept under test-artifacts/web/<journey>/ so a person can look at what the
 * assertions passed on.
 */
export class JourneyCamera {
  private step = 0;
  readonly dir: string;

  constructor(journey: string) {
    this.dir = path.join(repoRoot, 'test-artifacts', 'web', journey);
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.mkdirSync(this.dir, { recursive: true });
  }

  async shot(page: Page, name: string): Promise<void> {
    this.step += 1;
    const file = path.join(this.dir, `${String(this.step).padStart(2, '0')}-${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
  }
}

export interface AccessibilityViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** axe-core's serious and critical findings on the page as it is now (WCAG 2.1 A and AA rules). */
export async function seriousAccessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // A drawer or dialog still fading in is measured against its half-dimmed backdrop: colour contrast then fails or
  // passes by timing. The page is checked once its finite transitions have run (a spinner's loop never ends).
  await page.waitForFunction(
    `document.getAnimations().every((animation) =>
      animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)`,
    null,
    { timeout: 5_000 },
  );
  await page.addScriptTag({ content: axe.source });
  // Runs in the page, where axe-core was just injected; a string, because this project is typed for Node, not the DOM.
  const violations = await page.evaluate<AccessibilityViolation[]>(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '')),
    }));
  })()`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
