import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { buildWebApp, type E2eStack, launchBrowser, startStack } from '@trellis/shared/stack';
import { DEMO_USERS } from './demo';
import { startDemoMentorship } from './demo-mentorship';

export interface WebJourneyOptions {
  /** How long each process may take to report ready, where the suite's stack needs longer than the default. */
  readyTimeoutMs?: number;
  /** The set-up's own time limit, where it may take longer than the suite's jest.setTimeout allows a hook. */
  setUpTimeoutMs?: number;
  /** Starts the demo pair's mentorship once the stack is up (startDemoMentorship); its id is then `mentorshipId`. */
  demoMentorship?: boolean;
}

/** What a browser suite works with, there once the suite's beforeAll has run. */
export interface WebJourney {
  readonly stack: E2eStack;
  readonly browser: Browser;
  /** The demo pair's mentorship, with `demoMentorship: true`. */
  readonly mentorshipId: string;
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not there: the suite's set-up did not run or failed`);
  return value;
}

/**
 * A suite's browser and the stack `npm start` runs (the demo organization seeded, the production build of apps/web
 * served by the gateway, the demo users listed on the provider's sign-in page), started before the suite's tests and
 * closed after them. Call it at the top of the suite; a later beforeAll of the suite runs once all this is up.
 */
export function webJourney(options: WebJourneyOptions = {}): WebJourney {
  let webRoot: string | undefined;
  let stack: E2eStack | undefined;
  let browser: Browser | undefined;
  let mentorshipId: string | undefined;

  beforeAll(async () => {
    webRoot = buildWebApp();
    stack = await startStack({
      env: { TRELLIS_SEED_DEMO: '1' },
      webRoot,
      signInPeople: DEMO_USERS,
      ...(options.readyTimeoutMs !== undefined && { readyTimeoutMs: options.readyTimeoutMs }),
    });
    browser = await launchBrowser();
    if (options.demoMentorship) mentorshipId = await startDemoMentorship(stack);
  }, options.setUpTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
  });

  return {
    get stack() {
      return ready(stack, 'the stack');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    get mentorshipId() {
      return ready(mentorshipId, 'the demo mentorship (webJourney({ demoMentorship: true }))');
    },
  };
}
