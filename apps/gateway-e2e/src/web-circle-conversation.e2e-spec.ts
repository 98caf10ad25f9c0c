// A circle's conversation in a real browser (Debian's chromium through playwright-core) against the stack `npm start`
// runs: the manager sets up a circle led by the demo mentor with the demo mentee in it; the mentor writes on the
// circle's page, the mentee's home names the circle's unread message, leads to the circle's page and the reply arrives
// for the mentor live; the program page's circle links to its conversation with the unread count.
// Screenshots go to test-artifacts/web/circle-conversation/.
import type { Locator, Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_PROGRAM_ID, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const web = webJourney();

const messages = (page: Page): Locator => page.getByRole('list', { name: 'Messages' });
const message = (page: Page, text: string): Locator => messages(page).getByRole('listitem').filter({ hasText: text });

describe('journey: a circle talks in its conversation', () => {
  let circleId = '';

  beforeAll(async () => {
    const manager = demoUser('manager');
    // The demo program is one-on-one; group mentoring is a setting of the program.
    dataOf(
      await web.stack.gql(
        manager,
        `mutation($p: ID!) { changeProgramSettings(programId: $p, settings: { format: BOTH }) { settings { maxCircleSize } } }`,
        { p: DEMO_PROGRAM_ID },
      ),
    );
    // Matching learns the program's new format from its event a moment after profiles: until then it refuses.
    const create = () =>
      web.stack.gql<{ createCircle: { id: string } }>(
        manager,
        `mutation($p: ID!, $m: ID!) { createCircle(programId: $p, mentorPersonId: $m, maxSize: 4, selfJoin: false) { id } }`,
        { p: DEMO_PROGRAM_ID, m: demoUser('mentor').personId },
      );
    let attempt = await create();
    for (const until = Date.now() + 30_000; attempt.errors?.length && Date.now() < until; attempt = await create()) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const created = dataOf(attempt);
    circleId = created.createCircle.id;
    dataOf(
      await web.stack.gql(
        manager,
        `mutation($c: ID!, $m: ID!) { placeInCircle(circleId: $c, menteePersonId: $m) { id } }`,
        {
          c: circleId,
          m: demoUser('mentee').personId,
        },
      ),
    );
    // Matching's circle events reach sessions through the broker: the mentee is in the conversation once they have.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const result = await web.stack.gql<{ conversation: { memberPersonIds: string[] } }>(
        demoUser('mentee'),
        `query($m: ID!) { conversation(mentorshipId: $m) { memberPersonIds } }`,
        { m: `circle-${circleId}` },
      );
      if (result.data?.conversation.memberPersonIds.includes(demoUser('mentee').personId)) break;
      if (Date.now() > deadline) throw new Error(`no circle conversation: ${JSON.stringify(result.errors)}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
  });

  it('the mentor writes, the mentee’s home and program page count it and lead to the circle, the reply is live', async () => {
    const camera = new JourneyCamera('circle-conversation');
    const mentorSide = await personPage(web.browser, { timezoneId: 'America/New_York' });
    const menteeSide = await personPage(web.browser, { timezoneId: 'Europe/Berlin' });
    const mentor = mentorSide.page;
    const mentee = menteeSide.page;
    try {
      await mentor.goto(`${web.stack.webUrl}/circles/${circleId}`);
      await signInAsListed(mentor, nameOf('mentor'));
      await mentor.getByRole('heading', { level: 1, name: 'Your circle' }).waitFor();
      await mentor.getByText(`In the circle: ${nameOf('mentee')}`).waitFor();
      await mentor.getByText('No messages yet. Say hello!').waitFor();
      const composer = mentor.getByRole('textbox', { name: 'Your message' });
      await composer.fill('Welcome to our circle! First meeting on Thursday.');
      await composer.press('Enter');
      await message(mentor, 'Welcome to our circle!').waitFor();
      await expectNoSeriousViolations(mentor, 'circle conversation');
      await camera.shot(mentor, 'mentor-circle-page');

      // The mentee's home names the circle by its mentor and leads to the circle's page.
      await mentee.goto(web.stack.webUrl);
      await mentee.getByRole('button', { name: 'Sign in' }).click();
      await mentee.waitForURL(/\/interaction\//);
      await signInAsListed(mentee, nameOf('mentee'));
      const unread = mentee.getByRole('link', { name: `1 unread message in ${nameOf('mentor')}’s circle` });
      await unread.waitFor({ timeout: 20_000 });
      await camera.shot(mentee, 'mentee-home-unread');
      await unread.click();
      await mentee.getByRole('heading', { level: 1, name: `${nameOf('mentor')}’s circle` }).waitFor();
      await message(mentee, 'Welcome to our circle!').getByText(nameOf('mentor')).waitFor();
      await mentee
        .getByText(
          'Only the people of this circle read this conversation: not the program’s managers, not anyone else.',
        )
        .waitFor();
      await expectNoSeriousViolations(mentee, 'mentee at the circle');

      // The reply reaches the mentor's open page live; the mentor's read shows as "Seen" for the mentee.
      const reply = mentee.getByRole('textbox', { name: 'Your message' });
      await reply.fill('Thursday works for me.');
      await reply.press('Enter');
      await message(mentor, 'Thursday works for me.').getByText(nameOf('mentee')).waitFor({ timeout: 20_000 });
      await message(mentee, 'Thursday works for me.').getByText('Seen').waitFor({ timeout: 20_000 });
      await camera.shot(mentee, 'mentee-circle-page');

      // The program page's circle links to the conversation with its unread count.
      await composer.fill('Bring one question each.');
      await composer.press('Enter');
      await message(mentor, 'Bring one question each.').waitFor();
      await mentee.goto(`${web.stack.webUrl}/programs/${DEMO_PROGRAM_ID}`);
      const card = mentee.getByRole('article', { name: `Circle led by ${nameOf('mentor')}` });
      const link = card.getByRole('link', { name: 'Open the circle’s conversation (1 unread message)' });
      await link.waitFor({ timeout: 20_000 });
      await camera.shot(mentee, 'mentee-program-circle');
      await link.click();
      await message(mentee, 'Bring one question each.').waitFor();
    } catch (error) {
      await camera.shot(mentor, 'failed-here-mentor');
      await camera.shot(mentee, 'failed-here-mentee');
      throw error;
    } finally {
      await mentorSide.context.close();
      await menteeSide.context.close();
    }
  });
});
