// `npm run bench:web`: what a person waits for in the web app. A production build of apps/web served by the gateway of
// the stack the browser journeys use (every service, the development OpenID provider, the demo program seeded), driven
// in Debian's chromium through playwright-core. Each figure is the median of --loads=5 cold loads: a fresh browser
// context, so an empty HTTP cache, with the demo mentee's session put back into sessionStorage (where oidc-client-ts
// keeps it) before the app starts.
//   initial_js_kb_gzip  the JavaScript the signed-in home requests until it is shown and the network is idle, each
//                       response gzipped here (-6; the gateway serves it uncompressed)
//   home_lcp_ms         the home's largest contentful paint
//   recommendations_ms  from navigation to the program page until a recommended mentor's "Ask" button is on screen
//                       and enabled
// Then the program manager's console on a program of 5,000 mentees and 1,000 mentors (web-console-scale.ts), as the
// demo manager:
//   participants_page_ms      from the click on the Participants tab until the first page's rows are on screen
//   participants_filtered_ms  from typing a last name into the search until the rows are the search's (the field's
//                             pause before it asks, 300 ms, included)
//   round_table_ms            from navigation to the draft round's console until its pairs table shows rows
// Baselines in the same run: the LCP of a static page the same gateway serves, the recommendedMentors round trip
// with fetch, and the console's own queries (the round's pairs, a participants page, the name search) with fetch. Last line: RESULT initial_js_kb_gzip=… home_lcp_ms=… recommendations_ms=… participants_page_ms=…
// participants_filtered_ms=… round_table_ms=…
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PROGRAM_ID, DEMO_USERS } from '@trellis/shared/demo';
import { buildWebApp, type E2eStack, launchBrowser, startStack } from '@trellis/shared/stack';
import { consoleRoundTrips, participantsLoad, roundTableLoad, SCALE, seedScaleProgram } from './web-console-scale';

const LOADS = Number(process.argv.find((a) => a.startsWith('--loads='))?.split('=')[1] ?? 5);
const GOALS = { initialJsKb: 200, homeLcpMs: 1000, recommendationsMs: 1500, participantsMs: 800, roundTableMs: 1500 };
const mentee = DEMO_USERS.find((u) => u.alias === 'mentee')!;
const manager = DEMO_USERS.find((u) => u.alias === 'manager')!;
const BASELINE_PAGE = 'bench-baseline.html';

// A load that failed counts as NaN: reported, and left out of the median.
const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const describe = (values: number[], unit: string) =>
  `median ${median(values).toFixed(0)} ${unit} (${values.map((v) => v.toFixed(0)).join(', ')})`;

// Runs in the page before any of its scripts: the session back in sessionStorage, and an observer of LCP entries.
const initScript = (session: Record<string, string>) => `
  for (const [key, value] of Object.entries(${JSON.stringify(session)})) sessionStorage.setItem(key, value);
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

async function coldPage(
  browser: Browser,
  session: Record<string, string>,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: initScript(session) });
  return { context, page: await context.newPage() };
}

async function largestContentfulPaint(page: Page): Promise<number> {
  // An LCP entry is reported once the frame is presented; two animation frames later it has been.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  const lcp = await page.evaluate<number>('window.__lcp');
  if (!lcp) throw new Error('the browser reported no largest contentful paint');
  return lcp;
}

/** Signs a demo person in through the development provider's pages and returns the tab's sessionStorage. */
async function signInAs(browser: Browser, webUrl: string, displayName: string): Promise<Record<string, string>> {
  const context = await browser.newContext({ locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(webUrl);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName} `) }).click();
    await page.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
    return JSON.parse(await page.evaluate<string>('JSON.stringify(sessionStorage)')) as Record<string, string>;
  } finally {
    await context.close();
  }
}

async function homeLoad(browser: Browser, webUrl: string, session: Record<string, string>) {
  const { context, page } = await coldPage(browser, session);
  try {
    const scripts: Array<Promise<number>> = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        scripts.push(response.body().then((body) => zlib.gzipSync(body).length));
      }
    });
    await page.goto(webUrl);
    await page.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
    await page.getByRole('link', { name: 'Spring Mentoring 2027' }).waitFor();
    await page.waitForLoadState('networkidle');
    const lcpMs = await largestContentfulPaint(page);
    const sizes = await Promise.all(scripts);
    return { lcpMs, jsKb: sizes.reduce((sum, size) => sum + size, 0) / 1000, files: sizes.length };
  } finally {
    await context.close();
  }
}

async function recommendationsLoad(browser: Browser, webUrl: string, session: Record<string, string>) {
  const { context, page } = await coldPage(browser, session);
  try {
    await page.goto(`${webUrl}/programs/${DEMO_PROGRAM_ID}`, { waitUntil: 'commit' });
    // Checked on every frame in the page, timed from its navigation start (performance.now()).
    const handle = await page.waitForFunction(
      `(() => {
        const button = [...document.querySelectorAll('button[aria-label^="Ask for mentoring: "]')].find(
          (b) => !b.disabled && b.getBoundingClientRect().height > 0,
        );
        return button ? performance.now() : 0;
      })()`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

async function baselineLcp(browser: Browser, webUrl: string): Promise<number> {
  const { context, page } = await coldPage(browser, {});
  try {
    await page.goto(`${webUrl}/${BASELINE_PAGE}`);
    await page.waitForLoadState('networkidle');
    return await largestContentfulPaint(page);
  } finally {
    await context.close();
  }
}

const recommendedMentorsQuery = `query($p: ID!) {
  recommendedMentors(programId: $p, first: 5) { mentorPersonId freeSeats mentor { id displayName } }
}`;

/** Matching knows the seeded profiles once it consumed their events: wait until the mentee gets recommendations. */
async function waitForRecommendations(stack: E2eStack): Promise<void> {
  const deadline = Date.now() + 180_000;
  const as = { personId: mentee.personId, tenantId: mentee.tenantId, orgAdmin: false };
  for (;;) {
    const result = await stack.gql<{ recommendedMentors: unknown[] }>(as, recommendedMentorsQuery, {
      p: DEMO_PROGRAM_ID,
    });
    if ((result.data?.recommendedMentors.length ?? 0) > 0) return;
    if (Date.now() > deadline) throw new Error(`no recommendations for the demo mentee: ${JSON.stringify(result)}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function graphqlRoundTrips(stack: E2eStack): Promise<number[]> {
  const token = await stack.issuer.mint({ personId: mentee.personId, tenantId: mentee.tenantId, orgAdmin: false });
  const times: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: recommendedMentorsQuery, variables: { p: DEMO_PROGRAM_ID } }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (!response.ok || body.errors) throw new Error(`recommendedMentors failed: ${JSON.stringify(body)}`);
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  const [load1, load5, load15] = os.loadavg().map((l) => l.toFixed(2));
  console.log(`load average ${load1} ${load5} ${load15}; ${os.cpus().length} CPUs; ${LOADS} cold loads per figure`);
  let webRoot: string | undefined;
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  const cleanUp = async () => {
    await browser?.close().catch(() => undefined);
    await stack?.close().catch(() => undefined);
    if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    let started = Date.now();
    webRoot = buildWebApp();
    // A page with one paragraph and no script, served like the app's own files: the floor for any page's LCP.
    fs.writeFileSync(
      path.join(webRoot, BASELINE_PAGE),
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Baseline</title></head>' +
        '<body><h1>Trellis</h1><p>A static page without scripts, for comparison.</p></body></html>',
    );
    console.log(`web build in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    started = Date.now();
    stack = await startStack({ env: { TRELLIS_SEED_DEMO: '1' }, webRoot, signInPeople: DEMO_USERS });
    await waitForRecommendations(stack);
    console.log(`stack ready with the demo program in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    browser = await launchBrowser();
    const session = await signInAs(browser, stack.webUrl, mentee.displayName);

    // One load of each first, not counted: the gateway's and services' first requests warm their own caches.
    await homeLoad(browser, stack.webUrl, session);
    await recommendationsLoad(browser, stack.webUrl, session);

    const baseline: number[] = [];
    const homes: Array<Awaited<ReturnType<typeof homeLoad>>> = [];
    const recommendations: number[] = [];
    for (let i = 0; i < LOADS; i++) {
      baseline.push(await baselineLcp(browser, stack.webUrl));
      homes.push(await homeLoad(browser, stack.webUrl, session));
      recommendations.push(await recommendationsLoad(browser, stack.webUrl, session));
    }
    const roundTrips = await graphqlRoundTrips(stack);

    started = Date.now();
    console.log(`console: seeding ${SCALE.mentees} mentees and ${SCALE.mentors} mentors through the API`);
    const scale = await seedScaleProgram(stack, manager, (line) => console.log(`console: ${line}`));
    console.log(`console: program ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const apiTrips: Array<Awaited<ReturnType<typeof consoleRoundTrips>>> = [];
    for (let i = 0; i < LOADS; i++)
      apiTrips.push(await consoleRoundTrips(stack, manager, scale.programId, scale.roundId));
    const managerSession = await signInAs(browser, stack.webUrl, manager.displayName);
    const consoleLoad = async () => {
      const { context, page } = await coldPage(browser!, managerSession);
      try {
        return await participantsLoad(page, stack!.webUrl, scale.programId);
      } finally {
        await context.close();
      }
    };
    const roundLoad = async () => {
      const { context, page } = await coldPage(browser!, managerSession);
      try {
        return await roundTableLoad(page, stack!.webUrl, scale.programId, scale.roundId);
      } finally {
        await context.close();
      }
    };
    const failed =
      <T>(fallback: T) =>
      (error: unknown) => {
        console.log(`console: a load failed: ${error instanceof Error ? error.message : String(error)}`);
        return fallback;
      };
    const noParticipants = { firstPageMs: Number.NaN, filteredMs: Number.NaN };
    const noRound = { ms: Number.NaN, rows: 0 };
    await consoleLoad().catch(failed(noParticipants));
    await roundLoad().catch(failed(noRound));
    const participants: Array<Awaited<ReturnType<typeof consoleLoad>>> = [];
    const rounds: Array<Awaited<ReturnType<typeof roundLoad>>> = [];
    for (let i = 0; i < LOADS; i++) {
      participants.push(await consoleLoad().catch(failed(noParticipants)));
      rounds.push(await roundLoad().catch(failed(noRound)));
    }
    const participantsMs = median(participants.map((p) => p.firstPageMs));
    const filteredMs = median(participants.map((p) => p.filteredMs));
    const roundTableMs = median(rounds.map((r) => r.ms));

    const jsKb = median(homes.map((h) => h.jsKb));
    const lcp = median(homes.map((h) => h.lcpMs));
    const recs = median(recommendations);
    console.log(`baseline: static page LCP               ${describe(baseline, 'ms')}`);
    console.log(`baseline: recommendedMentors round trip ${describe(roundTrips, 'ms')}`);
    console.log(
      `home: JavaScript requested              ${describe(
        homes.map((h) => h.jsKb),
        'kB gzip',
      )} in ${homes[0]!.files} file(s)`,
    );
    console.log(
      `home: largest contentful paint          ${describe(
        homes.map((h) => h.lcpMs),
        'ms',
      )}`,
    );
    console.log(`program page: "Ask" enabled after       ${describe(recommendations, 'ms')}`);
    console.log(
      `baseline: console queries with fetch     round ${describe(
        apiTrips.map((t) => t.roundMs),
        'ms',
      )}; participants page ${describe(
        apiTrips.map((t) => t.participantsMs),
        'ms',
      )}; by name ${describe(
        apiTrips.map((t) => t.filteredMs),
        'ms',
      )}`,
    );
    console.log(
      `console: participants first page        ${describe(
        participants.map((p) => p.firstPageMs),
        'ms',
      )}`,
    );
    console.log(
      `console: participants by name           ${describe(
        participants.map((p) => p.filteredMs),
        'ms',
      )}`,
    );
    console.log(
      `console: round of ${scale.pairs} pairs shown    ${describe(
        rounds.map((r) => r.ms),
        'ms',
      )}, ${Math.max(...rounds.map((r) => r.rows))} table rows in the page at most`,
    );
    const verdict = (name: string, value: number, goal: number, unit: string) =>
      `${name} ${value.toFixed(0)} ${unit} ${value <= goal ? '≤' : '>'} goal ${goal} ${unit}`;
    console.log(
      [
        verdict('initial JS', jsKb, GOALS.initialJsKb, 'kB'),
        verdict('home LCP', lcp, GOALS.homeLcpMs, 'ms'),
        verdict('recommendations', recs, GOALS.recommendationsMs, 'ms'),
        verdict('participants page', participantsMs, GOALS.participantsMs, 'ms'),
        verdict('round table', roundTableMs, GOALS.roundTableMs, 'ms'),
      ].join('; '),
    );
    console.log(
      `RESULT initial_js_kb_gzip=${jsKb.toFixed(1)} home_lcp_ms=${lcp.toFixed(0)} recommendations_ms=${recs.toFixed(0)} ` +
        `participants_page_ms=${participantsMs.toFixed(0)} participants_filtered_ms=${filteredMs.toFixed(0)} ` +
        `round_table_ms=${roundTableMs.toFixed(0)}`,
    );
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
