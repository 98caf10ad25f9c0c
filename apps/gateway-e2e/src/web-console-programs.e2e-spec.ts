// The program manager's console in a real browser (Debian's chromium) against the stack `npm start` runs. Creating
// a program is an org admin's right in the API (createProgram), so the demo admin creates it with its settings and
// makes the demo manager its manager; the manager opens enrollment and imports a CSV of 40 people, first with three
// bad lines and all-or-nothing on (nobody is enrolled, the report names the lines), then corrected (all 40 are
// listed, page by page). A mentee at the console's address is told "not found". Screenshots go to
// test-artifacts/web/console-programs/. A file of 400 people too large for one request is imported in parts, all or
// nothing over the whole file (screenshots in test-artifacts/web/console-import-parts/).
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { JourneyCamera, personPage } from '@trellis/shared/stack';
import { DEMO_PROGRAM_ID, demoUser, nameOf } from './support/demo';
import { dataOf } from './support/graphql-results';
import { expectNoSeriousViolations, signInAsListed } from './support/web-page';
import { webJourney } from './support/web-journey';

jest.setTimeout(600_000);

const manager = demoUser('manager');

const web = webJourney();

const HEADER = 'person_id,email,display_name,roles,timezone,languages,department,seniority,skills_offered';
// Data rows 4, 17 and 33 are lines 6, 19 and 35 of the file (the header is line 1).
const BAD_ROWS = new Map<number, (row: string[]) => void>([
  [4, (row) => (row[0] = 'not a valid id!')],
  [17, (row) => (row[7] = 'senior')],
  [33, (row) => (row[8] = 'coaching:expert')],
]);

/** 40 people, mentees and mentors in turn; with `bad`, three of the lines break one rule each. */
function participantsCsv(run: string, bad: boolean): string {
  const rows = Array.from({ length: 40 }, (_, i) => {
    const role = i % 2 === 0 ? 'mentee' : 'mentor';
    const row = [
      `csv-${run}-${i}`,
      `person${i}.${run}@example.org`,
      `Imported Person ${String(i + 1).padStart(2, '0')}`,
      role,
      'Europe/Berlin',
      'en;de',
      i % 4 < 2 ? 'Engineering' : 'Sales',
      String(1 + (i % 5)),
      role === 'mentor' ? 'coaching:4' : '',
    ];
    if (bad) BAD_ROWS.get(i)?.(row);
    return row.join(',');
  });
  return `${HEADER}\n${rows.join('\n')}\n`;
}

async function participantCount(programId: string): Promise<number> {
  const result = await web.stack.gql<{ program: { participants: { totalCount: number } } }>(
    manager,
    `query($p: ID!) { program(id: $p) { participants(first: 1) { totalCount } } }`,
    { p: programId },
  );
  return dataOf(result).program.participants.totalCount;
}

async function chooseFile(page: Page, name: string, csv: string) {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
}

const bodyRows = (page: Page, caption: RegExp) =>
  page
    .getByRole('table')
    .filter({ has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr');

describe('journey 1 of the console: a program from creation to 40 imported participants', () => {
  it('admin creates it with settings, the manager opens enrollment and imports; a mentee is refused', async () => {
    const camera = new JourneyCamera('console-programs');
    const run = randomUUID().slice(0, 8);
    const programName = `Leadership ${run}`;
    const admin = await personPage(web.browser);
    const managerSide = await personPage(web.browser);
    const menteeSide = await personPage(web.browser);
    try {
      // The org admin creates the program with settings other than the defaults and assigns the manager.
      let page = admin.page;
      await page.goto(`${web.stack.webUrl}/manage/programs`);
      await signInAsListed(page, nameOf('admin'));
      await page.getByRole('heading', { level: 1, name: 'Manage programs' }).waitFor();
      await page.getByRole('button', { name: 'New program' }).click();
      await page.getByRole('textbox', { name: 'Name' }).fill(programName);
      await page.getByRole('textbox', { name: 'Description' }).fill('Six months of mentoring for new team leads.');
      await page.getByLabel('Mentoring format').selectOption('ONE_ON_ONE');
      await page.getByRole('textbox', { name: 'Mentees per mentor' }).fill('2');
      await page.getByRole('textbox', { name: 'Requests expire after (days)' }).fill('10');
      await expectNoSeriousViolations(page, 'create program form');
      await camera.shot(page, 'create-program');
      await page.getByRole('button', { name: 'Create program' }).click();
      await page.waitForURL(/\/manage\/programs\/[^/]+$/);
      const programId = page.url().split('/').pop() ?? '';
      await page.getByRole('heading', { level: 1, name: programName }).waitFor();
      expect(await page.getByRole('textbox', { name: 'Mentees per mentor' }).inputValue()).toBe('2');
      expect(await page.getByRole('textbox', { name: 'Requests expire after (days)' }).inputValue()).toBe('10');
      // Messages are kept unless the program says otherwise; a retention under 30 days is refused on its own field.
      const retention = page.getByRole('textbox', { name: 'Delete messages after (days)' });
      const threshold = page.getByRole('textbox', { name: 'Survey results need (answers)' });
      expect(await retention.inputValue()).toBe('');
      expect(await threshold.inputValue()).toBe('5');
      await retention.fill('10');
      await threshold.fill('3');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText(/kept 30 to 3650 days after a mentorship ends/).waitFor();
      expect(await retention.getAttribute('aria-invalid')).toBe('true');
      await camera.shot(page, 'settings-retention-refused');
      await retention.fill('365');
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: programName }).waitFor();
      expect(await retention.inputValue()).toBe('365');
      expect(await threshold.inputValue()).toBe('3');
      await page.getByLabel('Person id of the new manager').fill(manager.personId);
      await page.getByRole('button', { name: 'Assign manager' }).click();
      await page.getByRole('button', { name: `Unassign manager ${manager.personId}` }).waitFor();
      await expectNoSeriousViolations(page, 'program console (admin)');
      await camera.shot(page, 'program-console-admin');

      // The manager finds it through the header's "Manage" link and opens enrollment.
      page = managerSide.page;
      await page.goto(`${web.stack.webUrl}/`);
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('link', { name: 'Manage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Manage programs' }).waitFor();
      await page.getByRole('link', { name: programName }).waitFor();
      await expectNoSeriousViolations(page, 'programs list (manager)');
      await camera.shot(page, 'programs-list');
      await page.getByRole('link', { name: programName }).click();
      await page.getByRole('heading', { level: 1, name: programName }).waitFor();
      await page.getByRole('button', { name: 'Open enrollment' }).click();
      await page.getByRole('button', { name: 'Close enrollment' }).waitFor();
      await camera.shot(page, 'enrollment-open');

      // A file with three bad lines, all or nothing: nobody is enrolled and the report names the lines.
      await page.getByRole('tab', { name: 'Import' }).click();
      const allOrNothing = page.getByRole('checkbox', { name: /^All or nothing/ });
      expect(await allOrNothing.isChecked()).toBe(true);
      await chooseFile(page, 'people-with-mistakes.csv', participantsCsv(run, true));
      await page.getByText('40 lines to import; the first 5 shown').waitFor();
      await expectNoSeriousViolations(page, 'import preview');
      await camera.shot(page, 'import-preview');
      await page.getByRole('button', { name: 'Import participants' }).click();
      await page.getByText(/^Nobody was imported/).waitFor();
      await camera.shot(page, 'import-refused');
      const refused = bodyRows(page, /^Refused lines$/);
      expect(await refused.allTextContents()).toHaveLength(3);
      expect(await page.getByText(/^Imported: /).textContent()).toBe('Imported: 0. Already enrolled: 0. Refused: 3.');
      expect(await refused.locator('th').allTextContents()).toEqual(['Line 6', 'Line 19', 'Line 35']);
      expect(await refused.nth(0).textContent()).toContain('person_id');
      expect(await refused.nth(1).textContent()).toContain('seniority must be a whole number');
      expect(await refused.nth(2).textContent()).toContain('skills_offered');
      await expectNoSeriousViolations(page, 'import refused');
      expect(await participantCount(programId)).toBe(0);
      await page.getByRole('tab', { name: 'Participants' }).click();
      await page.getByText('Nobody matches these filters.').waitFor();
      expect(await bodyRows(page, /participants$/).count()).toBe(0);
      await camera.shot(page, 'nobody-imported');

      // The corrected file: all 40 enrolled, listed 20 at a time.
      await page.getByRole('tab', { name: 'Import' }).click();
      await chooseFile(page, 'people.csv', participantsCsv(run, false));
      await page.getByRole('button', { name: 'Import participants' }).click();
      await page.getByText('Imported: 40. Already enrolled: 0. Refused: 0.').waitFor({ timeout: 60_000 });
      await camera.shot(page, 'import-done');
      const deadline = Date.now() + 30_000;
      while ((await participantCount(programId)) < 40) {
        if (Date.now() > deadline) throw new Error('the 40 imported participants never showed in the program');
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      await page.getByRole('tab', { name: 'Participants' }).click();
      const listed = bodyRows(page, /^40 participants$/);
      await listed.first().waitFor();
      expect(await listed.count()).toBe(20);
      await page.getByRole('button', { name: 'Load more participants' }).click();
      await listed.nth(39).waitFor();
      expect(await listed.count()).toBe(40);
      expect(await page.getByRole('button', { name: 'Load more participants' }).count()).toBe(0);
      await expectNoSeriousViolations(page, 'participants table');
      await camera.shot(page, 'participants-all-40');

      // Filters narrow on the server; a name opens the person's details.
      await page.getByLabel('Role', { exact: true }).selectOption('MENTOR');
      await bodyRows(page, /^20 participants$/)
        .first()
        .waitFor();
      await page.getByRole('button', { name: 'Imported Person 02' }).click();
      const drawer = page.getByRole('dialog', { name: 'Imported Person 02' });
      await drawer.getByText(`person1.${run}@example.org`).waitFor();
      await expectNoSeriousViolations(page, 'participant details');
      await camera.shot(page, 'participant-details');
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // A mentee at the console's addresses sees "not found", nothing of the program, and no "Manage" link.
      page = menteeSide.page;
      await page.goto(`${web.stack.webUrl}/manage/programs/${programId}`);
      await signInAsListed(page, nameOf('mentee'));
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      expect(await page.getByText(programName).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Manage' }).count()).toBe(0);
      await expectNoSeriousViolations(page, 'console refused to a mentee');
      await camera.shot(page, 'mentee-refused');
      await page.goto(`${web.stack.webUrl}/manage/programs`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
    } finally {
      await admin.context.close();
      await managerSide.context.close();
      await menteeSide.context.close();
    }
  });
});

// A file larger than one request: the console sends it in parts of at most 1 MiB. Long but valid interests and sought
// skills (30 entries of 59 characters each) make 400 people about 1.4 MiB; the bad lines lie beyond the first MiB.
const BIG_HEADER = 'person_id,email,display_name,roles,timezone,languages,department,seniority,skills_sought,interests';
const BIG_ROWS = 400;
const BIG_BAD_ROWS = new Map<number, (row: string[]) => void>([
  [330, (row) => (row[7] = 'senior')],
  [371, (row) => (row[0] = 'not a valid id!')],
  [399, (row) => (row[4] = 'Mars/Olympus')],
]);
const longEntries = (kind: string) =>
  Array.from({ length: 30 }, (_, k) => `${kind} ${String(k).padStart(2, '0')} `.padEnd(59, 'abcdefghij')).join(';');

function bigParticipantsCsv(run: string, bad: boolean): { csv: string; bytesBeforeFirstBadLine: number } {
  let bytesBeforeFirstBadLine = Buffer.byteLength(`${BIG_HEADER}\n`);
  const firstBad = Math.min(...BIG_BAD_ROWS.keys());
  const rows = Array.from({ length: BIG_ROWS }, (_, i) => {
    const row = [
      `big-${run}-${i}`,
      `big${i}.${run}@example.org`,
      `Big Import ${i + 1}`,
      'mentee',
      'Europe/Berlin',
      'en',
      'Engineering',
      String(1 + (i % 5)),
      longEntries('skill'),
      longEntries('interest'),
    ];
    if (bad) BIG_BAD_ROWS.get(i)?.(row);
    const line = row.join(',');
    if (i < firstBad) bytesBeforeFirstBadLine += Buffer.byteLength(`${line}\n`);
    return line;
  });
  return { csv: `${BIG_HEADER}\n${rows.join('\n')}\n`, bytesBeforeFirstBadLine };
}

/** Every text the page's live status regions show from now on, however briefly, read back by `shownStatuses`. */
async function recordStatuses(page: Page) {
  await page.evaluate(`(() => {
    const seen = (window.__statuses = []);
    const note = () => document.querySelectorAll('[role="status"]').forEach((e) => seen.push(e.textContent));
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
}
const shownStatuses = (page: Page) => page.evaluate<string[]>(`[...new Set(window.__statuses)]`);

describe('an import of a file larger than one request', () => {
  it('checks every part before importing any: refused lines keep the whole file out; the fixed file enrolls all', async () => {
    const camera = new JourneyCamera('console-import-parts');
    const run = randomUUID().slice(0, 8);
    const admin = demoUser('admin');
    const created = dataOf(
      await web.stack.gql<{ createProgram: { id: string } }>(
        admin,
        `mutation($name: String!) { createProgram(name: $name) { id } }`,
        { name: `Large import ${run}` },
      ),
    );
    const programId = created.createProgram.id;
    dataOf(
      await web.stack.gql(
        admin,
        `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { id } }`,
        {
          p: programId,
          m: manager.personId,
        },
      ),
    );
    dataOf(
      await web.stack.gql(manager, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, { p: programId }),
    );

    const withMistakes = bigParticipantsCsv(run, true);
    // The file needs parts, and every bad line lies beyond the first part (which carries at most 1 MiB).
    expect(Buffer.byteLength(withMistakes.csv)).toBeGreaterThan(1_048_576);
    expect(withMistakes.bytesBeforeFirstBadLine).toBeGreaterThan(1_048_576);

    const { context, page } = await personPage(web.browser);
    try {
      await page.goto(`${web.stack.webUrl}/manage/programs/${programId}`);
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('heading', { level: 1, name: `Large import ${run}` }).waitFor();
      await page.getByRole('tab', { name: 'Import' }).click();
      expect(await page.getByRole('checkbox', { name: /^All or nothing/ }).isChecked()).toBe(true);
      await chooseFile(page, 'many-people-with-mistakes.csv', withMistakes.csv);
      await page.getByText(`${BIG_ROWS} lines to import; the first 5 shown`).waitFor();
      await camera.shot(page, 'large-preview');

      // All or nothing over the whole file: the bad lines of the second part keep the first part out too.
      await recordStatuses(page);
      await page.getByRole('button', { name: 'Import participants' }).click();
      await page.getByText(/^Nobody was imported/).waitFor({ timeout: 120_000 });
      await camera.shot(page, 'large-refused');
      expect(await page.getByText(/^Imported: /).textContent()).toBe('Imported: 0. Already enrolled: 0. Refused: 3.');
      const refused = bodyRows(page, /^Refused lines$/);
      // Lines of the whole file (the header is line 1), not of the part that carried them.
      expect(await refused.locator('th').allTextContents()).toEqual(['Line 332', 'Line 373', 'Line 401']);
      expect(await refused.nth(0).textContent()).toContain('Big Import 331');
      expect(await refused.nth(0).textContent()).toContain('seniority must be a whole number');
      expect(await refused.nth(1).textContent()).toContain('person_id');
      expect(await refused.nth(2).textContent()).toContain('IANA');
      const checking = (await shownStatuses(page)).filter((text) => text.startsWith('Checking: '));
      expect(
        checking.some((text) => /^Checking: \d+ of 400 lines$/.test(text) && !text.startsWith('Checking: 400')),
      ).toBe(true);
      await expectNoSeriousViolations(page, 'large import refused');
      expect(await participantCount(programId)).toBe(0);

      // The corrected file: checked, then imported part by part; every person once.
      await recordStatuses(page);
      await chooseFile(page, 'many-people.csv', bigParticipantsCsv(run, false).csv);
      await page.getByRole('button', { name: 'Import participants' }).click();
      await page.getByText(`Imported: ${BIG_ROWS}. Already enrolled: 0. Refused: 0.`).waitFor({ timeout: 180_000 });
      await camera.shot(page, 'large-imported');
      const shown = await shownStatuses(page);
      expect(shown.some((text) => /^\d+ of 400 lines$/.test(text) && text !== '400 of 400 lines')).toBe(true);
      expect(shown.some((text) => text.startsWith('Checking: '))).toBe(true);
      const deadline = Date.now() + 60_000;
      while ((await participantCount(programId)) < BIG_ROWS) {
        if (Date.now() > deadline) throw new Error(`the ${BIG_ROWS} imported participants never showed in the program`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await participantCount(programId)).toBe(BIG_ROWS);
      await page.getByRole('tab', { name: 'Participants' }).click();
      await bodyRows(page, new RegExp(`^${BIG_ROWS} participants$`))
        .first()
        .waitFor();
      await expectNoSeriousViolations(page, 'large import done');
      await camera.shot(page, 'large-participants');
    } finally {
      await context.close();
    }
  });
});

describe("the console's other tabs, by a manager of the seeded demo program", () => {
  it('searches participants by name on the server; program, questionnaire and engagement pass axe', async () => {
    const camera = new JourneyCamera('console-programs');
    const { context, page } = await personPage(web.browser);
    try {
      await page.goto(`${web.stack.webUrl}/manage/programs/${DEMO_PROGRAM_ID}`);
      await signInAsListed(page, nameOf('manager'));
      await page.getByRole('heading', { level: 1, name: 'Spring Mentoring 2027' }).waitFor();
      await page.getByRole('button', { name: 'Save details' }).waitFor();
      await expectNoSeriousViolations(page, 'program details and settings (manager)');
      await camera.shot(page, 'demo-program-tab');

      await page.getByRole('tab', { name: 'Questionnaire' }).click();
      await page.getByRole('tabpanel', { name: 'Questionnaire' }).getByRole('button').first().waitFor();
      await expectNoSeriousViolations(page, 'questionnaire');
      await camera.shot(page, 'demo-questionnaire');

      await page.getByRole('tab', { name: 'Engagement' }).click();
      await page.getByRole('tabpanel', { name: 'Engagement' }).getByRole('heading').first().waitFor();
      await expectNoSeriousViolations(page, 'engagement');
      await camera.shot(page, 'demo-engagement');

      // A mentee's name with the words swapped, in other case and with extra spaces: the server narrows the program.
      const menteeName = nameOf('mentee');
      const [first = '', last = ''] = menteeName.split(' ');
      const search = `  ${last.toUpperCase()}   ${first.toLowerCase()} `;
      const expected = dataOf(
        await web.stack.gql<{ program: { participants: { totalCount: number } } }>(
          manager,
          `query($p: ID!, $name: String!) { program(id: $p) { participants(first: 1, filter: { name: $name }) { totalCount } } }`,
          { p: DEMO_PROGRAM_ID, name: search },
        ),
      ).program.participants.totalCount;
      expect(expected).toBeGreaterThan(0);
      await page.getByRole('tab', { name: 'Participants' }).click();
      await bodyRows(page, /participants?$/)
        .first()
        .waitFor();
      const everyone = await participantCount(DEMO_PROGRAM_ID);
      expect(expected).toBeLessThan(everyone);
      await page.getByRole('searchbox', { name: 'Search by name' }).fill(search);
      const found = bodyRows(page, new RegExp(`^${expected} participants?$`));
      await found.first().waitFor();
      const names = await found.locator('th').allTextContents();
      expect(names.length).toBe(expected);
      for (const name of names) expect(name.split(' ').sort()).toEqual([first, last].sort());
      expect(names).toContain(menteeName);
      await expectNoSeriousViolations(page, 'participants searched by name');
      await camera.shot(page, 'participants-search');
    } finally {
      await context.close();
    }
  });
});
