// The organization admins' page in a real browser (Debian's chromium) against the stack `npm start` runs. The demo
// admin makes the demo mentor, found by name, a manager of the demo program, reaches the page from the programs list,
// sees the organization's programs with their managers by name, registers a webhook
// (an address without a scheme is refused by the form, one with credentials by the API, each on the address field),
// copies nothing but sees the signing secret once, disables the webhook and deletes it after confirming. The demo
// manager, who is no org admin, is told "not found" at the same address. Screenshots go to
// test-artifacts/web/console-organization/.
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_PROGRAM_ID, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const admin = demoUser('admin');

const web = webJourney();

type ListedWebhook = { id: string; url: string; enabled: boolean; categories: string[] };
async function webhooksOfOrganization(): Promise<ListedWebhook[]> {
  const result = await web.stack.gql<{ webhooks: ListedWebhook[] }>(
    admin,
    `{ webhooks { id url enabled categories } }`,
  );
  return dataOf(result).webhooks;
}

const webhookRows = (page: Page) =>
  page
    .getByRole('table')
    .filter({ has: page.locator('caption', { hasText: /^Your organization's webhooks$/ }) })
    .locator('tbody tr');

describe("organization admins' page: programs, managers and webhooks", () => {
  it('the admin registers, disables and deletes a webhook; a manager who is no admin is refused', async () => {
    const camera = new JourneyCamera('console-organization');
    const url = `https://hooks.example.org/trellis-${randomUUID().slice(0, 8)}`;
    const adminSide = await personPage(web.browser);
    const managerSide = await personPage(web.browser);
    try {
      // In the demo program's console the admin finds the demo mentor by name and makes them a manager too; the
      // demo manager, who has no profile, is shown by the start of their id.
      let page = adminSide.page;
      const managerId = demoUser('manager').personId;
      const mentorName = nameOf('mentor');
      await page.goto(`${web.stack.webUrl}/manage/programs/${DEMO_PROGRAM_ID}`);
      await signInAsListed(page, nameOf('admin'));
      await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
      await page.getByRole('searchbox', { name: 'Find a person by name' }).fill(mentorName.toLowerCase());
      await page.getByRole('button', { name: `Assign ${mentorName} as manager` }).click();
      await page.getByRole('button', { name: `Unassign manager ${mentorName}` }).waitFor();
      const managers = page.getByRole('list', { name: 'Managers' });
      expect(await managers.getByRole('listitem').allTextContents()).toEqual([
        `${managerId.slice(0, 8)}… (no profile yet)Unassign`,
        `${mentorName}Unassign`,
      ]);
      expect(await managers.locator(`abbr[title="${managerId}"]`).count()).toBe(1);
      await expectNoSeriousViolations(page, 'managers by name');
      await camera.shot(page, 'managers-by-name');

      await page.goto(`${web.stack.webUrl}/manage/programs`);
      await page.getByRole('heading', { level: 1, name: 'Manage programs' }).waitFor();
      await page.getByRole('link', { name: 'Your organization: programs, managers and webhooks' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your organization' }).waitFor();
      const programs = page
        .getByRole('table')
        .filter({ has: page.locator('caption', { hasText: 'All programs of your organization and their managers' }) });
      await programs.getByRole('link', { name: 'Spring Mentoring 2027' }).waitFor();
      const demoProgramRow = programs.locator('tbody tr', { hasText: 'Spring Mentoring 2027' });
      expect(await demoProgramRow.textContent()).toContain(mentorName);
      expect(await demoProgramRow.textContent()).toContain(`${managerId.slice(0, 8)}… (no profile yet)`);
      expect(await demoProgramRow.locator(`abbr[title="${managerId}"]`).count()).toBe(1);
      await page.getByText('No webhooks are registered.').waitFor();
      await expectNoSeriousViolations(page, 'organization page');
      await camera.shot(page, 'organization');

      // The form refuses what is no address; the API refuses an address with credentials; both on the field.
      const address = page.getByRole('textbox', { name: 'Address (URL)' });
      await address.fill('hooks.example.org/trellis');
      await page.getByRole('checkbox', { name: 'Mentorships that start' }).check();
      await page.getByRole('checkbox', { name: 'Published matching rounds' }).check();
      await page.getByRole('button', { name: 'Register webhook' }).click();
      await page.getByText('Enter a full web address starting with https://').waitFor();
      expect(await address.getAttribute('aria-invalid')).toBe('true');
      await address.fill('https://ops:secret@hooks.example.org/trellis');
      await page.getByRole('button', { name: 'Register webhook' }).click();
      await page.getByText('url must be an https URL without credentials').waitFor();
      expect(await address.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('alert').count()).toBe(0);
      await expectNoSeriousViolations(page, 'webhook refused');
      await camera.shot(page, 'webhook-refused');
      expect(await webhooksOfOrganization()).toEqual([]);

      // A good address: the secret shows once, the webhook is listed and enabled.
      await address.fill(url);
      await page.getByRole('button', { name: 'Register webhook' }).click();
      await page.getByText('Webhook registered: copy its signing secret now').waitFor();
      const secret = (await page.getByTestId('webhook-secret').textContent()) ?? '';
      expect(secret.length).toBeGreaterThanOrEqual(32);
      await page.getByRole('button', { name: 'Copy secret' }).waitFor();
      const rows = webhookRows(page);
      await rows.filter({ hasText: url }).waitFor();
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Mentorships that start, Published matching rounds');
      expect(await rows.first().textContent()).toContain('Enabled');
      const [registered] = await webhooksOfOrganization();
      expect(registered).toMatchObject({ url, enabled: true });
      expect(registered?.categories.sort()).toEqual(['MATCHING_ROUNDS', 'MENTORSHIP_STARTED']);
      await expectNoSeriousViolations(page, 'webhook registered');
      await camera.shot(page, 'webhook-registered');
      await page.getByRole('button', { name: 'I have stored the secret' }).click();
      expect(await page.getByTestId('webhook-secret').count()).toBe(0);

      // Disabled: the row says so and the API agrees; then deleted after confirming.
      await page.getByRole('button', { name: `Disable the webhook ${url}` }).click();
      await page.getByRole('button', { name: `Enable the webhook ${url}` }).waitFor();
      expect(await rows.first().textContent()).toContain('Disabled');
      expect((await webhooksOfOrganization())[0]?.enabled).toBe(false);
      await camera.shot(page, 'webhook-disabled');
      await page.getByRole('button', { name: `Delete the webhook ${url}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Delete this webhook?' });
      await confirm.getByText(url).waitFor();
      await expectNoSeriousViolations(page, 'confirm webhook deletion');
      await camera.shot(page, 'webhook-confirm-delete');
      await confirm.getByRole('button', { name: 'Delete webhook' }).click();
      await confirm.waitFor({ state: 'hidden' });
      await page.getByText('No webhooks are registered.').waitFor();
      expect(await webhooksOfOrganization()).toEqual([]);
      await camera.shot(page, 'webhook-deleted');

      // The manager of the demo program is no org admin: no way in from the programs list, "not found" at the address.
      page = managerSide.page;
      await page.goto(`${web.stack.webUrl}/manage/programs`);
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('heading', { level: 1, name: 'Manage programs' }).waitFor();
      expect(await page.getByRole('link', { name: /^Your organization/ }).count()).toBe(0);
      await page.goto(`${web.stack.webUrl}/manage/organization`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      expect(await page.getByText('Webhooks').count()).toBe(0);
      await expectNoSeriousViolations(page, 'organization page refused to a manager');
      await camera.shot(page, 'manager-refused');
    } finally {
      await adminSide.context.close();
      await managerSide.context.close();
    }
  });
});
