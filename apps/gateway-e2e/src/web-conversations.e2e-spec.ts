// The pair's private conversation in a real browser (Debian's chromium through playwright-core) against the stack
// `npm start` runs: mentee and mentor chat in two browser contexts, each message arriving live for the other; the
// mentor's home counts the unread message without a reload; a message is edited, deleted and reported; another
// mentee reaching the workspace address is told "not found" and a program manager is refused the conversation.
// Screenshots go to test-artifacts/web/conversations/.
import type { Locator, Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_TENANT_ID, demoMenteeId, demoUser, nameOf } from './support/demo';
import { errorCodes, expectHidden } from './support/graphql-results';
import { describedBy, expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const web = webJourney({ demoMentorship: true });

const messages = (page: Page): Locator => page.getByRole('list', { name: 'Messages' });
const message = (page: Page, text: string | RegExp): Locator =>
  messages(page).getByRole('listitem').filter({ hasText: text });

describe('journey: the pair talks in its conversation', () => {
  it('live messages both ways, the unread count on the home, read receipts, edit, delete, report', async () => {
    const camera = new JourneyCamera('conversations');
    const menteeSide = await personPage(web.browser, { timezoneId: 'Europe/Berlin' });
    const mentorSide = await personPage(web.browser, { timezoneId: 'America/New_York' });
    const page = menteeSide.page;
    const other = mentorSide.page;
    try {
      // The mentor waits on the home page; the mentee opens the workspace's conversation tab.
      await other.goto(web.stack.webUrl);
      await other.getByRole('button', { name: 'Sign in' }).click();
      await other.waitForURL(/\/interaction\//);
      await signInAsListed(other, nameOf('mentor'));
      await other.getByRole('heading', { level: 1, name: 'My programs' }).waitFor();
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await signInAsListed(page, nameOf('mentee'));
      await page.getByRole('heading', { level: 1, name: `Mentored by ${nameOf('mentor')}` }).waitFor();
      await page.getByRole('tab', { name: 'Conversation' }).click();
      await page.getByText('No messages yet. Say hello!').waitFor();
      await expectNoSeriousViolations(page, 'empty conversation');
      await camera.shot(page, 'empty-conversation');

      // Enter sends; markup stays text; a plain address is a link that tells the other site nothing.
      const composer = page.getByRole('textbox', { name: 'Your message' });
      await composer.fill('Hello! My notes: https://example.org/notes <b>not bold</b>');
      await composer.press('Enter');
      await message(page, 'Hello! My notes').waitFor();
      expect(await composer.inputValue()).toBe('');

      // The mentor's home counts it, live.
      const unread = other.getByRole('link', { name: `1 unread message from ${nameOf('mentee')}` });
      await unread.waitFor({ timeout: 20_000 });
      await expectNoSeriousViolations(other, 'home with an unread message');
      await camera.shot(other, 'mentor-home-unread');
      await unread.click();
      await other.getByRole('heading', { level: 1, name: `Mentoring ${nameOf('mentee')}` }).waitFor();
      await other.getByRole('tab', { name: 'Conversation', selected: true }).waitFor();
      const received = message(other, 'Hello! My notes');
      await received.waitFor();
      await received.getByText('<b>not bold</b>').waitFor();
      expect(await received.locator('b').count()).toBe(0);
      const link = received.getByRole('link', { name: 'https://example.org/notes' });
      expect(await link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
      expect(await link.getAttribute('href')).toBe('https://example.org/notes');
      // The mentor read it: the mentee sees "Seen" under it without a reload.
      await message(page, 'Hello! My notes').getByText('Seen').waitFor({ timeout: 20_000 });
      await camera.shot(page, 'mentee-message-seen');

      // Shift+Enter starts a new line; the reply arrives for the mentee live.
      const reply = other.getByRole('textbox', { name: 'Your message' });
      await reply.click();
      await reply.pressSequentially('Thanks for the notes.');
      await reply.press('Shift+Enter');
      await reply.pressSequentially('See you on Tuesday.');
      expect(await reply.inputValue()).toBe('Thanks for the notes.\nSee you on Tuesday.');
      await reply.press('Enter');
      await message(page, 'See you on Tuesday.').waitFor({ timeout: 20_000 });
      await expectNoSeriousViolations(page, 'conversation with messages');
      await camera.shot(page, 'reply-arrived-live');

      // The composer counts down near the limit, and a refused message shows the API's reason on it.
      await composer.fill('x'.repeat(3700));
      await page.getByText('300 characters left of 4,000').waitFor();
      await composer.fill('x'.repeat(4010));
      await page.getByText('10 characters over the limit of 4,000').waitFor();
      await composer.press('Enter');
      await page.getByText(/must be at most 4000 characters/).waitFor();
      expect(await describedBy(composer, page)).toMatch(/must be at most 4000 characters/);
      await camera.shot(page, 'too-long-refused');
      await composer.fill('');

      // The mentee corrects her message (within 15 minutes); the mentor sees the new text live.
      const mine = message(page, 'Hello! My notes');
      await mine.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('textbox', { name: 'Edit your message' });
      await edit.fill('Hello! My notes are at https://example.org/notes-v2');
      await page.getByRole('button', { name: 'Save' }).click();
      await message(page, 'notes-v2').getByText('(edited)').waitFor();
      await message(other, 'notes-v2').waitFor({ timeout: 20_000 });
      // The mentor cannot edit or delete the mentee's message; the mentee cannot report her own.
      expect(await message(other, 'notes-v2').getByRole('button', { name: 'Edit' }).count()).toBe(0);
      expect(await message(page, 'notes-v2').getByRole('button', { name: 'Report' }).count()).toBe(0);

      // The mentee deletes it, after confirming; both read "Message deleted".
      await message(page, 'notes-v2').getByRole('button', { name: 'Delete' }).click();
      const deleteDialog = page.getByRole('dialog', { name: 'Delete this message?' });
      await deleteDialog.waitFor();
      await expectNoSeriousViolations(page, 'delete dialog');
      await camera.shot(page, 'delete-dialog');
      await deleteDialog.getByRole('button', { name: 'Delete message' }).click();
      await deleteDialog.waitFor({ state: 'hidden' });
      await messages(page).getByText('Message deleted').waitFor();
      await messages(other).getByText('Message deleted').waitFor({ timeout: 20_000 });
      expect(await messages(other).getByText('notes-v2').count()).toBe(0);

      // The mentor reports another message with a reason from the list.
      await composer.fill('Buy cheap watches at my shop');
      await page.getByRole('button', { name: 'Send' }).click();
      const spam = message(other, 'Buy cheap watches');
      await spam.waitFor({ timeout: 20_000 });
      await spam.getByRole('button', { name: 'Report' }).click();
      const reportDialog = other.getByRole('dialog', { name: 'Report this message' });
      await reportDialog.getByRole('button', { name: 'Report message' }).click();
      await reportDialog.getByText('Choose a reason.').waitFor();
      await reportDialog.getByRole('radio', { name: 'Spam or advertising' }).check();
      await expectNoSeriousViolations(other, 'report dialog');
      await camera.shot(other, 'report-dialog');
      await reportDialog.getByRole('button', { name: 'Report message' }).click();
      await other.getByText('Thank you. The message was reported to the program’s managers.').waitFor();
      await expectNoSeriousViolations(other, 'reported');
      await camera.shot(other, 'reported');
      await camera.shot(page, 'mentee-conversation-end');
    } catch (error) {
      await camera.shot(page, 'failed-here-mentee');
      await camera.shot(other, 'failed-here-mentor');
      throw error;
    } finally {
      await menteeSide.context.close();
      await mentorSide.context.close();
    }
  });

  it('another mentee is told "not found", and a program manager is refused the conversation', async () => {
    const camera = new JourneyCamera('conversations-not-yours');
    const { context, page } = await personPage(web.browser);
    try {
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await page.getByLabel('Person id').fill(demoMenteeId(5));
      await page.getByLabel('Organization id').fill(DEMO_TENANT_ID);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await page
        .getByRole('alert')
        .getByText(/Not found: this does not exist, or it is not shared with you/)
        .waitFor();
      expect(await page.getByRole('tab', { name: 'Conversation' }).count()).toBe(0);
      expect(await page.getByText('Buy cheap watches').count()).toBe(0);
      await expectNoSeriousViolations(page, 'another mentee at the workspace');
      await camera.shot(page, 'another-mentee-not-found');
    } finally {
      await context.close();
    }
    const asked = await web.stack.gql(
      demoUser('manager'),
      `query($m: ID!) { conversation(mentorshipId: $m) { messages { body } } }`,
      { m: web.mentorshipId },
    );
    expect(errorCodes(asked)).toEqual(['FORBIDDEN']);
    expectHidden(asked, ['Buy cheap watches']);
  });
});
