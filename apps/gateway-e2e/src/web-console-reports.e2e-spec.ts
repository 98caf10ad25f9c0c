// A reported conversation message handled in the program console, in a real browser (Debian's chromium) against the
// stack `npm start` runs. The demo mentee asks the demo mentor, who accepts; through the API (the conversation pane
// is built separately) the mentor writes, the mentee answers and reports one of the mentor's messages. The demo
// manager opens the console's Reports tab, sees the message with the ones around it, hides it after confirming, and
// both members then read "hidden by a moderator". Screenshots go to test-artifacts/web/console-reports/.
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_PROGRAM_ID, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const mentor = demoUser('mentor');
const mentee = demoUser('mentee');

const web = webJourney({ demoMentorship: true });

async function post(as: typeof mentor, body: string): Promise<string> {
  return dataOf(
    await web.stack.gql<{ postMessage: { id: string } }>(
      as,
      `mutation($m: ID!, $b: String!) { postMessage(mentorshipId: $m, body: $b) { id } }`,
      { m: web.mentorshipId, b: body },
    ),
  ).postMessage.id;
}

describe('a reported message handled in the console', () => {
  it('the manager sees it with its context only, hides it after confirming, and the members read it as hidden', async () => {
    await post(mentee, 'Hi! Looking forward to our first session.');
    const reported = await post(mentor, 'Your plan is stupid and so are you.');
    await post(mentee, 'That was not kind.');
    dataOf(
      await web.stack.gql(
        mentee,
        `mutation($m: ID!, $id: ID!) { reportMessage(mentorshipId: $m, messageId: $id, reason: HARASSMENT) { messageId } }`,
        { m: web.mentorshipId, id: reported },
      ),
    );

    const camera = new JourneyCamera('console-reports');
    const { context, page } = await personPage(web.browser);
    try {
      await page.goto(`${web.stack.webUrl}/manage/programs/${DEMO_PROGRAM_ID}`);
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
      await page.getByRole('tab', { name: 'Reports' }).click();
      const panel = page.getByRole('tabpanel', { name: 'Reports' });
      const card = panel.getByRole('article', { name: `Message by ${nameOf('mentor')}` });
      await card.waitFor();
      const context = card.getByRole('list', { name: 'The reported message and the messages around it' });
      await expect(context.getByRole('listitem').allTextContents()).resolves.toEqual([
        expect.stringContaining('Looking forward to our first session.'),
        expect.stringContaining('Your plan is stupid and so are you.'),
        expect.stringContaining('That was not kind.'),
      ]);
      await card.getByText(`Reported by ${nameOf('mentee')} as “Harassment”`, { exact: false }).waitFor();
      await expectNoSeriousViolations(page, 'reports tab');
      await camera.shot(page, 'open-report');

      await card.getByRole('button', { name: 'Hide message' }).click();
      const dialog = page.getByRole('dialog', { name: 'Hide this message?' });
      await dialog.waitFor();
      await expectNoSeriousViolations(page, 'hide confirmation');
      await camera.shot(page, 'confirm-hide');
      await dialog.getByRole('button', { name: 'Hide message' }).click();
      await panel.getByText('No open reports.').waitFor();
      await expectNoSeriousViolations(page, 'reports tab after hiding');
      await camera.shot(page, 'report-handled');
    } finally {
      await context.close();
    }

    for (const member of [mentor, mentee]) {
      const conversation = dataOf(
        await web.stack.gql<{ conversation: { messages: Array<{ id: string; body: string; status: string }> } }>(
          member,
          `query($m: ID!) { conversation(mentorshipId: $m) { messages { id body status } } }`,
          { m: web.mentorshipId },
        ),
      ).conversation;
      expect(conversation.messages.find((m) => m.id === reported)).toEqual({
        id: reported,
        body: 'hidden by a moderator',
        status: 'HIDDEN',
      });
    }
  });
});
