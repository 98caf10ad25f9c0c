// The web app at phone width in a real browser (Debian's chromium through playwright-core) against the stack `npm start`
// runs: the demo mentee, with a mentor, a session booked and a goal due, reads their home, the program page with its
// recommendations, the inbox and the mentorship's workspace on a 390×844 screen (an iPhone 12 to 15 in CSS pixels).
// No page may scroll sideways, the header's controls must stay on screen and usable, and axe must find nothing serious.
// Screenshots go to test-artifacts/web/6-phone/.
import type { Locator, Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { webCopy } from './support/web-copy';
import { expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(420_000);

const PHONE = { width: 390, height: 844 };
const ZONE = 'Europe/Berlin';
const PROGRAM_NAME = 'Spring Mentoring 2027';
const SESSION_TITLE = 'Career conversation';
const GOAL_TITLE = 'Present the quarterly numbers to the team';
/** WCAG 2.2's minimum target size (2.5.8): smaller controls are hard to hit with a finger. */
const MIN_TARGET_PX = 24;
const en = webCopy('en');
const de = webCopy('de');

const web = webJourney({ demoMentorship: true });

beforeAll(() => bookSessionAndGoal());

/** An online session in a week and a goal due in five days, so the home and the workspace show both. */
async function bookSessionAndGoal() {
  const mentee = demoUser('mentee');
  const start = new Date(Math.ceil((Date.now() + 7 * 86_400_000) / 3_600_000) * 3_600_000);
  dataOf(
    await web.stack.gql(mentee, `mutation($input: ScheduleSessionInput!) { scheduleSession(input: $input) { id } }`, {
      input: {
        mentorshipId: web.mentorshipId,
        title: SESSION_TITLE,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        timezone: ZONE,
        mode: 'VIRTUAL',
        meetingLink: 'https://meet.example.org/trellis-phone',
        overrideAvailability: true,
      },
    }),
  );
  const due = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  dataOf(
    await web.stack.gql(
      mentee,
      `mutation($m: ID!, $title: String!, $due: String!, $zone: String!) {
        setGoal(mentorshipId: $m, title: $title, targetDate: $due, timezone: $zone) { mentorshipId }
      }`,
      { m: web.mentorshipId, title: GOAL_TITLE, due, zone: ZONE },
    ),
  );
}

/** Nothing wider than the screen: the page never scrolls sideways; names what sticks out when something does. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const fit = await page.evaluate<{ scrollWidth: number; innerWidth: number; wide: string[] }>(`(() => {
    const innerWidth = window.innerWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
      .slice(0, 5)
      .map((e) => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '') + ': ' + (e.textContent || '').trim().slice(0, 40));
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, wide };
  })()`);
  expect({ where, fits: fit.scrollWidth <= fit.innerWidth, wide: fit.wide }).toEqual({ where, fits: true, wide: [] });
}

/** A control a person can see and tap: inside the screen, large enough, and not covered by anything else. */
async function expectTappable(control: Locator, name: string) {
  await control.waitFor();
  const box = await control.boundingBox();
  expect({ name, box: box !== null }).toEqual({ name, box: true });
  if (!box) return;
  const onScreen = box.x >= 0 && box.y >= 0 && box.x + box.width <= PHONE.width && box.y + box.height <= PHONE.height;
  const bigEnough = box.width >= MIN_TARGET_PX && box.height >= MIN_TARGET_PX;
  // Playwright's actionability checks without the click: visible, stable, and the one receiving a tap at its centre.
  const uncovered = await control.click({ trial: true, timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  expect({ name, onScreen, bigEnough, uncovered }).toEqual({ name, onScreen: true, bigEnough: true, uncovered: true });
}

/** Home, inbox, sign-out and both language buttons, on screen in the header of every page. */
async function expectHeaderUsable(page: Page, t: typeof en) {
  const header = page.locator('header');
  await expectTappable(header.getByRole('link', { name: t('shell.home') }), 'home link');
  await expectTappable(header.getByRole('link', { name: new RegExp(`^${t('shell.inbox')}`) }), 'inbox link');
  const languages = header.getByRole('group', { name: t('shell.language') });
  for (const [code, name] of [
    ['EN', 'English'],
    ['DE', 'Deutsch'],
  ] as const) {
    const button = languages.getByRole('button', { name: `${code} – ${name}` });
    await expectTappable(button, `language ${code}`);
    // Below the sm breakpoint the buttons show the short code; the accessible name still says the language in full.
    expect(await button.innerText()).toBe(code);
  }
  await expectTappable(header.getByRole('button', { name: t('shell.signOut') }), 'sign out');
}

async function checkPage(page: Page, camera: JourneyCamera, where: string, t = en) {
  await expectNoSidewaysScroll(page, where);
  await expectHeaderUsable(page, t);
  await expectNoSeriousViolations(page, where);
  await camera.shot(page, where);
}

/** Recommendations appear once matching has consumed the seeded profiles; the page offers to look again. */
async function waitForRecommendations(page: Page) {
  const findMentor = page.getByRole('region', { name: en('program.findMentor') });
  const deadline = Date.now() + 120_000;
  while (!(await findMentor.getByRole('article').first().isVisible())) {
    if (Date.now() > deadline) throw new Error('no recommendation appeared within 120 s');
    const again = page.getByRole('button', { name: en('recommendations.refresh') });
    if (await again.isVisible()) await again.click();
    await page.waitForTimeout(1_000);
  }
}

describe('journey 6: at phone width', () => {
  it('home, program page, inbox and workspace fit a 390 px screen with the header usable', async () => {
    const camera = new JourneyCamera('6-phone');
    const { context, page } = await personPage(web.browser, { viewport: PHONE, timezoneId: ZONE });
    try {
      await page.goto(web.stack.webUrl);
      await page.getByRole('heading', { level: 1, name: en('signIn.heading') }).waitFor();
      await expectNoSidewaysScroll(page, 'sign-in landing');
      await camera.shot(page, 'sign-in-landing');
      await page.getByRole('button', { name: en('signIn.button') }).click();
      await signInAsListed(page, nameOf('mentee'));

      // Home: what needs the person, with the session and the goal booked above.
      await page.getByRole('heading', { level: 1, name: en('home.heading') }).waitFor();
      await page
        .getByRole('region', { name: en('agenda.sessionsHeading') })
        .getByRole('link', { name: SESSION_TITLE, exact: true })
        .waitFor();
      await page
        .getByRole('region', { name: en('agenda.goalsHeading') })
        .getByText(GOAL_TITLE)
        .waitFor();
      await page.getByRole('link', { name: PROGRAM_NAME }).waitFor();
      await checkPage(page, camera, 'home');

      // The same home in German, whose words are longer; then back to English with the other short button.
      await page.locator('header').getByRole('button', { name: 'DE – Deutsch' }).click();
      await page.getByRole('heading', { level: 1, name: de('home.heading') }).waitFor();
      await page.getByRole('link', { name: PROGRAM_NAME }).waitFor();
      await checkPage(page, camera, 'home-german', de);
      await page.locator('header').getByRole('button', { name: 'EN – English' }).click();
      await page.getByRole('heading', { level: 1, name: en('home.heading') }).waitFor();

      // The program page with its recommendations.
      await page.getByRole('link', { name: PROGRAM_NAME }).click();
      await page.getByRole('heading', { level: 1, name: PROGRAM_NAME }).waitFor();
      await waitForRecommendations(page);
      await checkPage(page, camera, 'program-recommendations');

      // The inbox, reached through the header as a person would.
      await page
        .locator('header')
        .getByRole('link', { name: new RegExp(`^${en('shell.inbox')}`) })
        .click();
      await page.getByRole('heading', { level: 1, name: en('inbox.heading') }).waitFor();
      await page.getByRole('switch', { name: en('inbox.unreadOnly') }).waitFor();
      await checkPage(page, camera, 'inbox');

      // The mentorship's workspace: its tabs and the session list.
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await page.getByRole('heading', { level: 1, name: `Mentored by ${nameOf('mentor')}` }).waitFor();
      await page.getByRole('link', { name: SESSION_TITLE }).waitFor();
      await checkPage(page, camera, 'workspace-sessions');
      await page.getByRole('tab', { name: 'Goals' }).click();
      await page.getByText(GOAL_TITLE).waitFor();
      await checkPage(page, camera, 'workspace-goals');

      // Back home through the header's home link.
      await page
        .locator('header')
        .getByRole('link', { name: en('shell.home') })
        .click();
      await page.getByRole('heading', { level: 1, name: en('home.heading') }).waitFor();
    } catch (error) {
      await camera.shot(page, 'failed-here').catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});
