// The mentorship workspace in a real browser (Debian's chromium through playwright-core) against the stack `npm start`
// runs: a mentee in Berlin and a mentor in New York agree, set a goal, book, move and hold sessions, share action
// items and resources, keep private reflections, and give feedback; other people reaching the same addresses are told
// "not found". Screenshots go to test-artifacts/web/<journey>/.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_TENANT_ID, demoMenteeId, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { describedBy, expectNoSeriousViolations, signInAsListed, signInAsSomeoneElse } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const MENTEE_ZONE = 'Europe/Berlin';
const MENTOR_ZONE = 'America/New_York';
const mentee = demoUser('mentee');
const mentor = demoUser('mentor');

const web = webJourney({ demoMentorship: true });

/** The wall-clock text a datetime-local input takes for an instant in a zone, e.g. 2027-01-12T10:00. */
function wallTime(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** The time of day of an instant in a zone, as the app writes it in English. */
function clock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(instant);
}

/** A day a few weeks ahead at 10:00 in the mentee's zone: far enough that the demo calendars are empty then. */
function tenOClockInAFewWeeks(): Date {
  const day = new Date(Date.now() + 30 * 86_400_000);
  const noonUtc = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12));
  const wall = wallTime(noonUtc, MENTEE_ZONE).slice(0, 10);
  // 10:00 in Berlin is 09:00 or 08:00 UTC; find it rather than assume the season.
  for (const hour of [8, 9]) {
    const candidate = new Date(`${wall}T${String(hour).padStart(2, '0')}:00:00Z`);
    if (wallTime(candidate, MENTEE_ZONE) === `${wall}T10:00`) return candidate;
  }
  throw new Error('no 10:00 in Berlin found');
}

async function scheduleSession(page: Page, title: string, start: Date, minutes: number) {
  await page.getByRole('button', { name: 'Schedule a session' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a session' });
  await dialog.getByLabel('Title (optional)').fill(title);
  await dialog.getByLabel('Starts').fill(wallTime(start, MENTEE_ZONE));
  await dialog.getByLabel('Length in minutes').fill(String(minutes));
  await dialog.getByLabel('Meeting link').fill('https://meet.example.org/trellis-pair');
  return dialog;
}

/** Submits the dialog; a time outside someone's stated availability is confirmed, as the organizer would. */
async function submitConfirmingAvailability(page: Page, dialog: ReturnType<Page['getByRole']>) {
  await dialog.getByRole('button', { name: 'Schedule session' }).click();
  const override = dialog.getByLabel('Schedule it anyway, outside the stated availability');
  const outcome = await Promise.race([
    page.waitForURL(/\/sessions\//).then(() => 'scheduled' as const),
    override.waitFor().then(() => 'outside' as const),
  ]);
  if (outcome === 'outside') {
    await override.check();
    await dialog.getByRole('button', { name: 'Schedule session' }).click();
    await page.waitForURL(/\/sessions\//);
  }
}

describe('journey 2: the mentorship workspace across two time zones', () => {
  it('agreement, goal, sessions booked, moved and held, action items, resources, reflections, feedback', async () => {
    const camera = new JourneyCamera('2-workspace');
    const menteeSide = await personPage(web.browser, { timezoneId: MENTEE_ZONE });
    const mentorSide = await personPage(web.browser, { timezoneId: MENTOR_ZONE });
    const page = menteeSide.page;
    const other = mentorSide.page;
    try {
      // The mentee goes straight to the workspace address (as from an email) and signs in on the way.
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await signInAsListed(page, nameOf('mentee'));
      await page.getByRole('heading', { level: 1, name: `Mentored by ${nameOf('mentor')}` }).waitFor();
      await expectNoSeriousViolations(page, 'workspace sessions');
      await camera.shot(page, 'workspace');

      // A short session starting within two minutes: by the time the rest is done it has begun and can be held.
      const soon = new Date(Math.ceil((Date.now() + 90_000) / 60_000) * 60_000);
      let dialog = await scheduleSession(page, 'Quick check-in', soon, 15);
      await submitConfirmingAvailability(page, dialog);
      const quickSessionUrl = page.url();
      await page.getByRole('heading', { level: 1, name: 'Quick check-in' }).waitFor();

      // Agreement: the mentee proposes, both sign.
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await page.getByRole('tab', { name: 'Agreement' }).click();
      await page.getByRole('button', { name: 'Propose an agreement' }).click();
      await page.getByLabel('Expectations').fill('We prepare one question before each session.');
      await page.getByLabel('Chat').check();
      await page.getByRole('button', { name: 'Propose agreement' }).click();
      await page.getByText('Nobody has signed it yet.').waitFor();
      await page.getByRole('button', { name: 'Sign version 1' }).click();
      await page.getByText('Signed by you').waitFor();
      await expectNoSeriousViolations(page, 'workspace agreement');
      await camera.shot(page, 'agreement-signed-by-mentee');

      await other.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await signInAsListed(other, nameOf('mentor'));
      await other.getByRole('heading', { level: 1, name: `Mentoring ${nameOf('mentee')}` }).waitFor();
      await other.getByRole('tab', { name: 'Agreement' }).click();
      await other.getByText(`Signed by ${nameOf('mentee')}`).waitFor();
      await other.getByRole('button', { name: 'Sign version 1' }).click();
      await other.getByText('Signed by both').waitFor();
      await camera.shot(other, 'agreement-in-effect-for-mentor');
      await page.getByText('Signed by both').waitFor({ timeout: 20_000 });

      // A goal with a milestone; the milestone reached moves the goal on.
      await page.getByRole('tab', { name: 'Goals' }).click();
      await page.getByRole('button', { name: 'Set a goal' }).click();
      await page.getByRole('textbox', { name: /^Goal\b/ }).fill('Lead the next team retrospective');
      // Ten days ahead: within the two weeks the home page lists goals due for.
      const due = wallTime(new Date(Date.now() + 10 * 86_400_000), MENTEE_ZONE).slice(0, 10);
      await page.getByLabel('Target date').fill(due);
      await page.getByLabel('First milestone (optional)').fill('Draft the agenda');
      await page.getByRole('button', { name: 'Save goal' }).click();
      const goal = page.getByRole('listitem').filter({ hasText: 'Lead the next team retrospective' });
      await goal.getByRole('checkbox', { name: /^Draft the agenda/ }).click(); // checked once the API has it
      await goal.getByRole('checkbox', { name: /^Draft the agenda/, checked: true, disabled: true }).waitFor();
      await expectNoSeriousViolations(page, 'workspace goals');
      await camera.shot(page, 'goal-with-milestone');

      // A session across the time-zone difference: 10:00 in Berlin is early morning in New York.
      const ten = tenOClockInAFewWeeks();
      await page.getByRole('tab', { name: 'Sessions' }).click();
      dialog = await scheduleSession(page, 'Retrospective practice', ten, 60);
      await dialog.getByText(`For ${nameOf('mentor')}:`).waitFor();
      await camera.shot(page, 'schedule-dialog-both-zones');
      await submitConfirmingAvailability(page, dialog);
      await page.getByRole('heading', { level: 1, name: 'Retrospective practice' }).waitFor();
      await page
        .getByText(new RegExp(`${clock(ten, MENTEE_ZONE)}.*GMT\\+\\d`))
        .first()
        .waitFor();
      await camera.shot(page, 'session-for-mentee');
      const sessionUrl = page.url();
      await other.goto(sessionUrl);
      await other.getByRole('heading', { level: 1, name: 'Retrospective practice' }).waitFor();
      await other
        .getByText(new RegExp(`${clock(ten, MENTOR_ZONE)}.*E[SD]T`))
        .first()
        .waitFor();
      expect(clock(ten, MENTOR_ZONE)).not.toBe(clock(ten, MENTEE_ZONE));
      await other.getByRole('button', { name: "I'll come" }).click();
      await other.getByRole('button', { name: "I'll come", pressed: true }).waitFor();
      await expectNoSeriousViolations(other, 'session page (mentor)');
      await camera.shot(other, 'session-for-mentor');

      // Moved an hour later: both sides see the new time.
      const later = new Date(ten.getTime() + 3_600_000);
      await page.getByRole('button', { name: 'Reschedule' }).click();
      await page.getByLabel('Starts').fill(wallTime(later, MENTEE_ZONE));
      await page.getByRole('button', { name: 'Move session' }).click();
      const override = page.getByLabel('Schedule it anyway, outside the stated availability');
      const moved = page.getByRole('button', { name: 'Move session' });
      const outcome = await Promise.race([
        moved.waitFor({ state: 'detached' }).then(() => 'moved' as const),
        override.waitFor().then(() => 'outside' as const),
      ]);
      if (outcome === 'outside') {
        await override.check();
        await moved.click();
      }
      await page.getByRole('button', { name: 'Move session' }).waitFor({ state: 'detached' });
      await page
        .getByText(new RegExp(`${clock(later, MENTEE_ZONE)}.*GMT\\+\\d`))
        .first()
        .waitFor();
      await other.reload();
      await other
        .getByText(new RegExp(`${clock(later, MENTOR_ZONE)}.*E[SD]T`))
        .first()
        .waitFor();
      await camera.shot(other, 'rescheduled-for-mentor');

      // A clash: the message names the session already booked at that time.
      await page.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      dialog = await scheduleSession(page, 'Overlapping', later, 30);
      await dialog.getByRole('button', { name: 'Schedule session' }).click();
      await dialog.getByText(/It overlaps “Retrospective practice” on/).waitFor();
      await camera.shot(page, 'clash-named');
      await dialog.getByRole('button', { name: 'Cancel' }).click();

      // Action items: a due date before today is refused on that field and nothing is stored; then one for the mentor.
      await page.getByRole('tab', { name: 'Action items' }).click();
      await page.getByRole('button', { name: 'Add an action item' }).click();
      await page.getByLabel('What is to be done').fill('Send the retrospective agenda');
      await page.getByRole('radio', { name: nameOf('mentor') }).check();
      const dueDate = page.getByLabel('Due date');
      await dueDate.fill(wallTime(new Date(Date.now() - 86_400_000), MENTEE_ZONE).slice(0, 10));
      await page.getByRole('button', { name: 'Save action item' }).click();
      await page.getByText('The due date cannot be before today.').waitFor();
      expect(await dueDate.getAttribute('aria-invalid')).toBe('true');
      expect(await describedBy(dueDate, page)).toContain('The due date cannot be before today.');
      await camera.shot(page, 'action-item-due-date-refused');
      const actionItemsNow = async () =>
        dataOf(
          await web.stack.gql<{
            engagement: { actionItems: Array<{ title: string; ownerPersonId: string; done: boolean }> };
          }>(mentee, `query($m: ID!) { engagement(mentorshipId: $m) { actionItems { title ownerPersonId done } } }`, {
            m: web.mentorshipId,
          }),
        ).engagement.actionItems;
      expect(await actionItemsNow()).toEqual([]);
      await dueDate.fill(wallTime(new Date(Date.now() + 7 * 86_400_000), MENTEE_ZONE).slice(0, 10));
      await page.getByLabel('For the goal (optional)').selectOption({ label: 'Lead the next team retrospective' });
      await page.getByRole('button', { name: 'Save action item' }).click();
      const actionItem = page.getByRole('listitem').filter({ hasText: 'Send the retrospective agenda' });
      await actionItem.getByText(`For ${nameOf('mentor')} · due`).waitFor();
      await actionItem.getByText('Goal: Lead the next team retrospective').waitFor();
      expect(await actionItemsNow()).toEqual([
        { title: 'Send the retrospective agenda', ownerPersonId: mentor.personId, done: false },
      ]);
      await expectNoSeriousViolations(page, 'workspace action items');
      await camera.shot(page, 'action-item-for-mentor');

      // The mentor ticks it off; done, it stays ticked and locked.
      await other.goto(`${web.stack.webUrl}/mentorships/${web.mentorshipId}`);
      await other.getByRole('tab', { name: 'Action items' }).click();
      await other.getByRole('checkbox', { name: 'Send the retrospective agenda' }).click();
      await other
        .getByRole('checkbox', { name: 'Send the retrospective agenda', checked: true, disabled: true })
        .waitFor();
      await camera.shot(other, 'action-item-done-by-mentor');

      // Resources: only the mentor recommends; the mentee gets the link, opening in a new tab.
      await other.getByRole('tab', { name: 'Resources' }).click();
      await other.getByRole('button', { name: 'Recommend a resource' }).click();
      await other.getByLabel('Kind').selectOption({ label: 'Book' });
      await other.getByLabel('Title').fill('Agile Retrospectives');
      await other.getByLabel('Link (optional)').fill('https://example.org/agile-retrospectives');
      await other.getByRole('button', { name: 'Recommend', exact: true }).click();
      await other.getByRole('link', { name: /^Agile Retrospectives/ }).waitFor();
      await expectNoSeriousViolations(other, 'workspace resources (mentor)');
      await camera.shot(other, 'resource-recommended');
      await page.getByRole('tab', { name: 'Resources' }).click();
      const resourceLink = page.getByRole('link', { name: /^Agile Retrospectives/ });
      await resourceLink.waitFor({ timeout: 20_000 });
      expect(await resourceLink.getAttribute('href')).toBe('https://example.org/agile-retrospectives');
      expect(await resourceLink.getAttribute('target')).toBe('_blank');
      expect(await resourceLink.getAttribute('rel')).toBe('noopener noreferrer');
      expect(await page.getByRole('button', { name: 'Recommend a resource' }).count()).toBe(0);
      await camera.shot(page, 'resource-for-mentee');

      // A private reflection: the mentee reads it, the mentor's own tab does not show it.
      await page.getByRole('tab', { name: 'My reflections' }).click();
      await page.getByText('Only you read these').waitFor();
      await page.getByLabel('New reflection').fill('I rush the agenda when I am nervous.');
      await page.getByRole('button', { name: 'Save reflection' }).click();
      await page.getByRole('listitem').filter({ hasText: 'I rush the agenda when I am nervous.' }).waitFor();
      await expectNoSeriousViolations(page, 'workspace reflections');
      await camera.shot(page, 'reflection-written');
      await other.getByRole('tab', { name: 'My reflections' }).click();
      await other.getByText('You have not written any reflections yet.').waitFor();
      expect(await other.getByText('I rush the agenda').count()).toBe(0);
      await camera.shot(other, 'reflections-of-mentor');

      // The quick session has begun by now: the mentor marks it held, the mentee gives feedback.
      await page.waitForTimeout(Math.max(0, soon.getTime() - Date.now() + 1_000));
      await other.goto(quickSessionUrl);
      await other.getByRole('button', { name: 'Mark as held' }).click();
      await other.getByText('Held').first().waitFor();
      await page.goto(quickSessionUrl);
      await page.getByRole('heading', { name: 'Your feedback' }).waitFor();
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.getByText('Choose from 1 to 5 stars.').waitFor();
      // The star's radio input is visually hidden; a person clicks the star, its label.
      const fourStars = await page.getByRole('radio', { name: '4 stars' }).getAttribute('id');
      await page.locator(`label[for="${fourStars ?? ''}"]`).click();
      await page.getByLabel('What went well').fill('Clear next steps for the retrospective.');
      await page.getByRole('button', { name: 'Send feedback' }).click();
      await page.getByText('Thank you, your feedback is in.').waitFor();
      await expectNoSeriousViolations(page, 'session page with feedback');
      await camera.shot(page, 'feedback-given');
      const feedback = dataOf(
        await web.stack.gql<{ session: { feedback: Array<{ rating: number; wentWell: string | null }> } }>(
          mentee,
          `query($id: ID!) { session(id: $id) { feedback { rating wentWell } } }`,
          { id: quickSessionUrl.split('/').pop() },
        ),
      );
      expect(feedback.session.feedback).toEqual([{ rating: 4, wentWell: 'Clear next steps for the retrospective.' }]);

      // The mentee's home names what is coming up: the session booked and moved above, and the goal due in ten days.
      await page.goto(web.stack.webUrl);
      const booked = page
        .getByRole('region', { name: 'Next sessions' })
        .getByRole('listitem')
        .filter({ hasText: 'Retrospective practice' });
      await booked.getByRole('link', { name: 'Retrospective practice', exact: true }).waitFor();
      expect(await booked.innerText()).toMatch(new RegExp(`${clock(later, MENTEE_ZONE)}.*GMT\\+\\d`));
      await booked.getByText(`With ${nameOf('mentor')}`).waitFor();
      const join = booked.getByRole('link', { name: 'Join Retrospective practice' });
      expect(await join.getAttribute('href')).toBe('https://meet.example.org/trellis-pair');
      const goalDue = page
        .getByRole('region', { name: 'Goals due soon' })
        .getByRole('link', { name: 'Lead the next team retrospective' });
      expect(await goalDue.getAttribute('href')).toBe(`/mentorships/${web.mentorshipId}`);
      await expectNoSeriousViolations(page, 'home with sessions and goals');
      await camera.shot(page, 'home-coming-up');
      await goalDue.click();
      await page.getByRole('heading', { level: 1, name: `Mentored by ${nameOf('mentor')}` }).waitFor();
    } catch (error) {
      await camera.shot(page, 'failed-here-mentee');
      await camera.shot(other, 'failed-here-mentor');
      throw error;
    } finally {
      await menteeSide.context.close();
      await mentorSide.context.close();
    }
  });
});

describe('journey 3: other people reaching the pair’s addresses see "not found"', () => {
  it('another mentee of the program and a person of another organization see no data', async () => {
    const camera = new JourneyCamera('3-not-yours');
    const session = dataOf(
      await web.stack.gql<{ engagement: { sessions: Array<{ id: string }> } }>(
        mentee,
        `query($m: ID!) { engagement(mentorshipId: $m) { sessions { id } } }`,
        { m: web.mentorshipId },
      ),
    ).engagement.sessions[0];
    const addresses = [`/mentorships/${web.mentorshipId}`, ...(session ? [`/sessions/${session.id}`] : [])];
    expect(addresses).toHaveLength(2);
    const outsiders = [
      { who: 'another-mentee', personId: demoMenteeId(5), organizationId: DEMO_TENANT_ID },
      { who: 'other-organization', personId: randomUUID(), organizationId: randomUUID() },
    ];
    expect(outsiders[0]?.personId).not.toBe(mentee.personId);
    for (const outsider of outsiders) {
      const { context, page } = await personPage(web.browser);
      try {
        await page.goto(`${web.stack.webUrl}${addresses[0]}`);
        await signInAsSomeoneElse(page, outsider.personId, outsider.organizationId);
        for (const address of addresses) {
          await page.goto(`${web.stack.webUrl}${address}`);
          await page
            .getByRole('alert')
            .getByText(/Not found: this does not exist, or it is not shared with you/)
            .waitFor();
          expect(await page.getByText(nameOf('mentor')).count()).toBe(0);
          expect(await page.getByText('Retrospective practice').count()).toBe(0);
          await expectNoSeriousViolations(page, `${outsider.who} at ${address}`);
          await camera.shot(page, `${outsider.who}${address.replace(/\/[^/]+$/, '').replace(/\//g, '-')}`);
        }
      } finally {
        await context.close();
      }
    }
  });
});
