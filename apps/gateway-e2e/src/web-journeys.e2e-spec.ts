// The mentee's and mentor's journeys in a real browser (Debian's chromium through playwright-core) against the stack
// `npm start` runs: every service, the gateway serving the production build of apps/web, and the development OpenID
// provider. Screenshots of each step go to test-artifacts/web/<journey>/.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  buildWebApp,
  JourneyCamera,
  launchBrowser,
  personPage,
  seriousAccessibilityViolations,
} from './support/browser';
import { DEMO_PROGRAM_ID, DEMO_TENANT_ID, DEMO_USERS, demoUser } from './support/demo';
import { dataOf } from './support/graphql-results';
import { type E2eStack, startStack } from './support/stack';

jest.setTimeout(420_000);

const newcomer = demoUser('newcomer');
const newcomerName = DEMO_USERS.find((u) => u.alias === 'newcomer')?.displayName ?? '';

let stack: E2eStack;
let browser: Browser;
let webRoot: string;

beforeAll(async () => {
  webRoot = buildWebApp();
  stack = await startStack({ env: { TRELLIS_SEED_DEMO: '1' }, webRoot, signInPeople: DEMO_USERS });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (webRoot) fs.rmSync(webRoot, { recursive: true, force: true });
});

/** Through the development provider's own pages, as a person clicks them. */
async function signInAsListed(page: Page, displayName: string) {
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${displayName} `) }).click();
}

async function signInAsSomeoneElse(page: Page, personId: string) {
  await page.getByLabel('Person id').fill(personId);
  await page.getByLabel('Organization id').fill(DEMO_TENANT_ID);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function expectNoSeriousViolations(page: Page, where: string) {
  const violations = await seriousAccessibilityViolations(page);
  expect({ where, violations }).toEqual({ where, violations: [] });
}

describe('journey 1: a newcomer joins, asks a mentor, the mentor accepts', () => {
  it('works end to end in the browser, live on both sides', async () => {
    const camera = new JourneyCamera('1-join-and-request');
    const mentee = await personPage(browser, { timezoneId: 'Europe/Berlin' });
    const page = mentee.page;
    try {
      await journeyOne(camera, page);
    } catch (error) {
      await camera.shot(page, 'failed-here');
      throw error;
    } finally {
      await mentee.context.close();
    }
  });
});

async function journeyOne(camera: JourneyCamera, page: Page) {
  {
    await page.goto(stack.webUrl);
    await page.getByRole('heading', { level: 1, name: 'Welcome to Trellis' }).waitFor();
    await expectNoSeriousViolations(page, 'sign-in landing');
    await camera.shot(page, 'landing');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/interaction\//);
    await camera.shot(page, 'provider-sign-in');
    await signInAsListed(page, newcomerName);

    await page.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
    await page.getByText(newcomerName).first().waitFor();
    const joinable = page.getByRole('region', { name: 'Programs you can join' });
    await joinable.getByRole('heading', { name: 'Spring Mentoring 2027' }).waitFor();
    await expectNoSeriousViolations(page, 'home');
    await camera.shot(page, 'home-joinable');
    await joinable.getByRole('link', { name: 'Join Spring Mentoring 2027' }).click();

    await page.getByRole('heading', { level: 1, name: 'Join Spring Mentoring 2027' }).waitFor();
    await page.getByLabel('Email').fill('amara.okafor@example.org');
    await page.getByLabel('Headline').fill('Junior data analyst, curious about leadership');
    const skills = page.getByLabel('Skills you want to grow').and(page.locator('input'));
    await skills.fill('Public speaking');
    await skills.press('Enter');
    await skills.fill('C++ !!');
    await skills.press('Enter');
    await page.getByRole('radio', { name: 'Leadership' }).check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await expectNoSeriousViolations(page, 'join form');
    await page.getByRole('button', { name: 'Join the program' }).click();

    // The API's refusal shows on the field it concerns, and nothing was saved.
    const skillsField = skills;
    await page.getByText(/not a valid entry/).waitFor();
    expect(await errorMessageOf(page, skillsField)).toMatch(/"C\+\+ !!" is not a valid entry/i);
    await camera.shot(page, 'join-refused-on-field');
    const refused = dataOf(
      await stack.gql<{ me: { participations: unknown[] } }>(newcomer, '{ me { participations { id } } }'),
    );
    expect(refused.me.participations).toEqual([]);

    await skillsField.click();
    await skillsField.press('Backspace'); // takes the last tag off, as a keyboard user would
    await page.getByRole('button', { name: 'Join the program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Find a mentor' }).waitFor();
    const firstCard = page.getByRole('region', { name: 'Find a mentor' }).getByRole('article').first();
    await retryUntilVisible(page, firstCard);
    await firstCard.getByRole('listitem').first().waitFor();
    await expectNoSeriousViolations(page, 'program page (mentee)');
    await camera.shot(page, 'recommendations');

    // Which mentor the page shows first, by the API's own order: that person will answer.
    const mentorName = await firstCard.getByRole('heading').first().innerText();
    const recommended = dataOf(
      await stack.gql<{ recommendedMentors: Array<{ mentorPersonId: string; mentor: { displayName: string } }> }>(
        newcomer,
        `query($p: ID!) { recommendedMentors(programId: $p, first: 5) { mentorPersonId mentor { displayName } } }`,
        { p: DEMO_PROGRAM_ID },
      ),
    );
    const mentorPersonId = recommended.recommendedMentors.find(
      (r) => r.mentor.displayName === mentorName,
    )?.mentorPersonId;
    expect(mentorPersonId).toBeDefined();

    // The mentor opens the program page first: the request must arrive there without a reload.
    const mentor = await personPage(browser, { timezoneId: 'America/New_York' });
    await mentor.page.goto(`${stack.webUrl}/programs/${DEMO_PROGRAM_ID}`);
    await signInAsSomeoneElse(mentor.page, mentorPersonId ?? '');
    await mentor.page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
    await mentor.page.getByText('No requests are waiting for you.').waitFor();

    await firstCard.getByRole('button', { name: `Ask for mentoring: ${mentorName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Ask ${mentorName} for mentoring` });
    await dialog.getByLabel('Your message').fill('I would like to grow into leading a small team.');
    await camera.shot(page, 'request-dialog');
    await dialog.getByRole('button', { name: 'Send request' }).click();
    const myRequests = page.getByRole('region', { name: 'Your requests' });
    await myRequests.getByText(mentorName).waitFor();
    await myRequests.getByText('Waiting for an answer').waitFor();
    await camera.shot(page, 'request-sent');

    const incoming = mentor.page.getByRole('region', { name: 'Requests to you' });
    await incoming.getByText(newcomerName).waitFor({ timeout: 20_000 });
    await expectNoSeriousViolations(mentor.page, 'program page (mentor)');
    await camera.shot(mentor.page, 'mentor-sees-request');
    await incoming.getByRole('button', { name: 'Accept' }).click();
    await mentor.page.getByRole('region', { name: 'Your mentees' }).getByText(newcomerName).waitFor();
    await camera.shot(mentor.page, 'mentor-accepted');

    await page.getByRole('region', { name: 'Your mentorship' }).getByText(mentorName).waitFor({ timeout: 20_000 });
    await camera.shot(page, 'mentee-sees-mentorship');

    await mentor.context.close();
  }
}

/** Recommendations appear once matching has the new profile (an event away); the page offers to look again. */
async function retryUntilVisible(page: Page, locator: ReturnType<Page['locator']>) {
  const deadline = Date.now() + 30_000;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error('no recommendation appeared within 30 s');
    const again = page.getByRole('button', { name: 'Look again' });
    if (await again.isVisible()) await again.click();
    await page.waitForTimeout(500);
  }
}

/** The error a field announces: the text of what its aria-describedby names, when it is marked invalid. */
async function errorMessageOf(page: Page, field: ReturnType<Page['locator']>): Promise<string> {
  if ((await field.getAttribute('aria-invalid')) !== 'true') return '';
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
  return texts.join(' ');
}
