// The mentor's "what needs me" screens in a real browser against the stack `npm start` runs: a notification arrives
// live (the unread badge rises without a reload), the inbox leads to the page it is about and the badge drops, declining
// that request can keep the mentee out of the mentor's later rounds (and be undone), and the notification preferences
// save what the person chose — or show the API's refusal on its field and save nothing.
// Screenshots of each step go to test-artifacts/web/inbox-and-preferences/.
import { eventually } from '@trellis/shared/testing';
import type { Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_MENTEE_COUNT, DEMO_PROGRAM_ID, demoMenteeId, demoPerson, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { errorMessageOf, expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(420_000);

const mentor = demoUser('mentor');

const web = webJourney();

/** The unread count as the header's inbox link says it in words (the badge's number is hidden from screen readers). */
async function unreadInHeader(page: Page): Promise<number> {
  const text =
    (await page
      .getByRole('banner')
      .getByRole('link', { name: /^Inbox/ })
      .textContent()) ?? '';
  const match = /, (\d+) unread notifications?$/.exec(text);
  return match ? Number(match[1]) : 0;
}

async function unreadInApi(): Promise<number> {
  return dataOf(await web.stack.gql<{ unreadNotificationCount: number }>(mentor, '{ unreadNotificationCount }'))
    .unreadNotificationCount;
}

interface Preferences {
  channels: Array<{ category: string; inApp: boolean; email: boolean }>;
  quietHours: { startMinute: number; endMinute: number } | null;
  dailyEmailBudget: number;
}

async function preferencesInApi(): Promise<Preferences> {
  return dataOf(
    await web.stack.gql<{ notificationPreferences: Preferences }>(
      mentor,
      '{ notificationPreferences { channels { category inApp email } quietHours { startMinute endMinute } dailyEmailBudget } }',
    ),
  ).notificationPreferences;
}

/**
 * A demo mentee asks the demo mentor, which notifies the mentor. Matching learns the seeded people from the profiles
 * topic, so the first attempts may find nobody yet; a mentee who cannot ask (already matched) makes way for the next.
 */
async function someMenteeAsksTheMentor(): Promise<{ requestId: string; menteeName: string; menteePersonId: string }> {
  let asked: { requestId: string; menteeName: string; menteePersonId: string } | undefined;
  await eventually(
    async () => {
      for (let i = 0; i < Math.min(DEMO_MENTEE_COUNT, 10) && !asked; i += 1) {
        const mentee = demoPerson(demoMenteeId(i));
        const result = await web.stack.gql<{ requestMentor: { requestId: string } }>(
          mentee,
          `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m, message: "Could you help me grow as a team lead?") { requestId } }`,
          { p: DEMO_PROGRAM_ID, m: mentor.personId },
        );
        if (!result.data?.requestMentor) continue;
        const me = dataOf(
          await web.stack.gql<{ participant: { displayName: string } }>(
            mentee,
            'query($id: ID!) { participant(id: $id) { displayName } }',
            { id: await participantIdOf(mentee) },
          ),
        );
        asked = {
          requestId: result.data.requestMentor.requestId,
          menteeName: me.participant.displayName,
          menteePersonId: mentee.personId,
        };
      }
      expect(asked).toBeDefined();
    },
    { timeoutMs: 90_000, intervalMs: 1_000 },
  );
  return asked as { requestId: string; menteeName: string; menteePersonId: string };
}

async function ratherNotInApi(): Promise<string[]> {
  return dataOf(
    await web.stack.gql<{ myMatchingPreferences: { ratherNotMenteePersonIds: string[] } }>(
      mentor,
      'query($p: ID!) { myMatchingPreferences(programId: $p) { ratherNotMenteePersonIds } }',
      { p: DEMO_PROGRAM_ID },
    ),
  ).myMatchingPreferences.ratherNotMenteePersonIds;
}

async function participantIdOf(person: ReturnType<typeof demoPerson>): Promise<string> {
  const me = dataOf(
    await web.stack.gql<{ me: { participations: Array<{ id: string; programId: string }> } }>(
      person,
      '{ me { participations { id programId } } }',
    ),
  );
  return me.me.participations.find((p) => p.programId === DEMO_PROGRAM_ID)?.id ?? '';
}

describe('the mentor’s inbox and notification preferences', () => {
  it('raises the badge live, leads from a notification to its page, and saves preferences or shows refusals', async () => {
    const camera = new JourneyCamera('inbox-and-preferences');
    const { context, page } = await personPage(web.browser, { timezoneId: 'America/New_York' });
    try {
      await journey(camera, page);
    } catch (error) {
      await camera.shot(page, 'failed-here');
      throw error;
    } finally {
      await context.close();
    }
  });
});

async function journey(camera: JourneyCamera, page: Page) {
  await page.goto(web.stack.webUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/interaction\//);
  await signInAsListed(page, nameOf('mentor'));
  await page.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
  const needsYou = page.getByRole('region', { name: 'Needs you now' });
  await needsYou.getByRole('link', { name: /inbox/i }).waitFor();
  await expectNoSeriousViolations(page, 'home with "needs you now"');
  await camera.shot(page, 'home-before');

  // The header says what the API says, then follows it live.
  const before = await unreadInApi();
  await eventually(async () => expect(await unreadInHeader(page)).toBe(before));
  const { requestId, menteeName, menteePersonId } = await someMenteeAsksTheMentor();
  await eventually(async () => expect(await unreadInHeader(page)).toBe(before + 1), { timeoutMs: 30_000 });
  const unreadName = new RegExp(`^Inbox\\s*, ${before + 1} unread notifications?$`);
  await page.getByRole('banner').getByRole('link', { name: unreadName }).waitFor();
  expect(await unreadInApi()).toBe(before + 1);
  // The home page's own section follows too: the request waits for the mentor, with a way to answer it.
  await needsYou.getByRole('link', { name: `Answer ${menteeName} in Spring Mentoring 2027` }).waitFor();
  await camera.shot(page, 'badge-rose-live');

  await page
    .getByRole('banner')
    .getByRole('link', { name: /^Inbox/ })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
  const newest = page.getByRole('list', { name: 'Notifications, newest first' }).getByRole('listitem').first();
  await newest.getByRole('link', { name: 'Someone asked you to be their mentor' }).waitFor();
  await newest.getByText('Unread', { exact: true }).waitFor();
  await expectNoSeriousViolations(page, 'inbox');
  await camera.shot(page, 'inbox');

  // The link is the server's absolute URL of the request; the app follows it in place to the program's page.
  expect(await newest.getByRole('link').first().getAttribute('href')).toBe(
    `/matching/requests/${encodeURIComponent(requestId)}`,
  );
  await newest.getByRole('link', { name: 'Someone asked you to be their mentor' }).click();
  await page.waitForURL(`${web.stack.webUrl}/programs/${DEMO_PROGRAM_ID}`);
  await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
  await page.getByRole('region', { name: 'Requests to you' }).getByText(menteeName).waitFor();
  await eventually(async () => expect(await unreadInHeader(page)).toBe(before));
  expect(await unreadInApi()).toBe(before);
  await camera.shot(page, 'landed-on-request-badge-dropped');

  // Declining, the mentor asks not to be proposed this mentee again: the program page lists them by name, matching
  // has them on the mentor's list (rounds leave the pair out), and "Allow again" takes them off.
  const request = page
    .getByRole('region', { name: 'Requests to you' })
    .getByRole('listitem')
    .filter({ hasText: menteeName });
  await request.getByRole('button', { name: 'Decline', exact: true }).click();
  await request.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: 'Not a good fit' }).click();
  await request.getByRole('checkbox', { name: `Do not propose ${menteeName} to me in later rounds` }).check();
  await camera.shot(page, 'declining-rather-not');
  await request.getByRole('button', { name: 'Decline request' }).click();
  const ratherNot = page.getByRole('region', { name: 'Mentees you would rather not take' });
  const allowAgain = ratherNot.getByRole('button', { name: `Allow again: ${menteeName}` });
  await allowAgain.waitFor();
  await ratherNot.getByText(menteeName, { exact: true }).waitFor();
  expect(await ratherNotInApi()).toEqual([menteePersonId]);
  await expectNoSeriousViolations(page, 'program page with the rather-not list');
  await camera.shot(page, 'rather-not-listed');
  await allowAgain.click();
  await ratherNot.getByText(/^Nobody\. When you decline a request/).waitFor();
  expect(await ratherNotInApi()).toEqual([]);

  // Preferences: email off for requests, quiet hours at night.
  await page.goto(`${web.stack.webUrl}/inbox`);
  await page.getByRole('link', { name: 'Notification settings' }).click();
  await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
  await expectNoSeriousViolations(page, 'notification settings');
  await camera.shot(page, 'settings');
  await page.getByRole('checkbox', { name: 'Email: Requests to be a mentor' }).uncheck();
  await page.getByRole('switch', { name: 'Hold back emails during quiet hours' }).check();
  const from = page.getByLabel('From', { exact: true });
  const until = page.getByLabel('Until', { exact: true });
  await from.fill('22:00');
  await until.fill('07:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Your notification settings are saved.' }).waitFor();
  await camera.shot(page, 'settings-saved');
  const saved = await preferencesInApi();
  expect(saved.channels.find((c) => c.category === 'MENTORSHIP_REQUESTS')).toEqual({
    category: 'MENTORSHIP_REQUESTS',
    inApp: true,
    email: false,
  });
  expect(saved.channels.filter((c) => !c.email).map((c) => c.category)).toEqual(['MENTORSHIP_REQUESTS']);
  expect(saved.quietHours).toEqual({ startMinute: 22 * 60, endMinute: 7 * 60 });

  // Quiet hours that start when they end: the API refuses, its words show on the field, nothing changes.
  await until.fill('22:00');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await eventually(async () =>
    expect(await errorMessageOf(page, until)).toMatch(/quiet hours need two different minutes/),
  );
  expect(await page.getByText('Your notification settings are saved.').count()).toBe(0);
  await camera.shot(page, 'settings-refused-on-field');
  expect(await preferencesInApi()).toEqual(saved);
}
