// The console part of `npm run bench:web`: a program of 5,000 mentees and 1,000 mentors enrolled through the API the
// console's own import uses (importParticipants, in chunks under the gateway's body limit), a draft round computed by
// the matching service, then the three waits of a program manager on it in the browser.
import type { Page } from 'playwright-core';
import { DEMO_USERS, type DemoUser } from '@trellis/shared/demo';
import type { E2eStack } from '@trellis/shared/stack';

export const SCALE = { mentees: 5_000, mentors: 1_000, mentorCapacity: 6 };

const admin = DEMO_USERS.find((u) => u.alias === 'admin')!;
// Small requests: the gateway refuses bodies over 100,000 bytes and gives up on a subgraph after 15 s, which an
// import of a few hundred people can take on a busy machine; a retry with the same command id gets the first report.
const IMPORT_ROWS_PER_REQUEST = 100;
const LAST_NAMES = 'Achebe Berg Costa Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lopez Mensah'.split(' ');
const FIRST_NAMES = 'Amara Ben Chen Dana Elif Farid Greta Hiro Ines Jonas Kofi Lena Mateo Nadia Omar Priya'.split(' ');
const SKILLS = [
  'leadership',
  'public speaking',
  'system design',
  'negotiation',
  'career planning',
  'python',
  'writing',
];
const DEPARTMENTS = ['engineering', 'product', 'design', 'sales', 'finance', 'people'];
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];

/** The name search the filtered page asks for: one last name, about one person in 13. */
export const FILTER_NAME = 'Kowalski';

const as = (user: DemoUser) => ({ personId: user.personId, tenantId: user.tenantId, orgAdmin: user.orgAdmin });

async function gqlData<T>(stack: E2eStack, user: DemoUser, query: string, variables: Record<string, unknown>) {
  for (let attempt = 1; ; attempt++) {
    const result = await stack.gql<T>(as(user), query, variables);
    const retryable = result.errors?.some((e) => e.extensions?.['retryable'] === true);
    if (retryable && attempt < 5) {
      await new Promise((r) => setTimeout(r, 2000 * attempt));
      continue;
    }
    if (result.errors?.length || !result.data) throw new Error(`GraphQL failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  }
}

/** The import file's lines: people with the fields matching reads, spread over names, departments and zones. */
export function scaleProgramCsv(mentees: number, mentors: number, capacity: number): string[] {
  const line = (kind: 'mentee' | 'mentor', i: number) => {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`;
    // Two different skills: the second is 1 to 5 places after the first in a list of 7.
    const skills = [SKILLS[i % SKILLS.length]!, SKILLS[(i + 1 + (i % 5)) % SKILLS.length]!];
    return [
      `scale-${kind}-${i}`,
      `${kind}${i}@scale.trellis.local`,
      `${name} ${i}`,
      kind,
      ZONES[i % ZONES.length],
      'en',
      DEPARTMENTS[i % DEPARTMENTS.length],
      kind === 'mentor' ? String(4 + (i % 7)) : String(i % 4),
      'software',
      kind === 'mentor' ? skills.map((s) => `${s}:4`).join(';') : '',
      kind === 'mentee' ? skills.join(';') : '',
      'reading',
      kind === 'mentor' ? String(capacity) : '',
    ].join(',');
  };
  return [
    ...Array.from({ length: mentors }, (_, i) => line('mentor', i)),
    ...Array.from({ length: mentees }, (_, i) => line('mentee', i)),
  ];
}

const HEADER =
  'person_id,email,display_name,roles,timezone,languages,department,seniority,field,skills_offered,skills_sought,interests,mentor_capacity';

interface RoundState {
  id: string;
  status: string;
  pairs: unknown[];
  unmatched: unknown[];
}
const ROUND = `id status pairs { menteePersonId } unmatched { menteePersonId }`;

async function computedRound(stack: E2eStack, user: DemoUser, roundId: string): Promise<RoundState> {
  for (;;) {
    const { matchingRound } = await gqlData<{ matchingRound: RoundState }>(
      stack,
      user,
      `query($r: ID!) { matchingRound(id: $r) { ${ROUND} } }`,
      { r: roundId },
    );
    if (matchingRound.status !== 'DRAFT') return matchingRound;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/**
 * The demo organization's admin creates the program and makes the demo manager its manager; the manager imports the
 * people and starts a round once matching has learnt all of them from Kafka (a round that sees fewer is discarded).
 */
export async function seedScaleProgram(
  stack: E2eStack,
  manager: DemoUser,
  log: (line: string) => void,
): Promise<{ programId: string; roundId: string; pairs: number }> {
  let started = Date.now();
  const { createProgram } = await gqlData<{ createProgram: { id: string } }>(
    stack,
    admin,
    `mutation { createProgram(name: "Scale 5000", description: "Benchmark program") { id } }`,
    {},
  );
  const programId = createProgram.id;
  await gqlData(
    stack,
    admin,
    `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { id } }`,
    {
      p: programId,
      m: manager.personId,
    },
  );
  await gqlData(stack, manager, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, { p: programId });
  const lines = scaleProgramCsv(SCALE.mentees, SCALE.mentors, SCALE.mentorCapacity);
  for (let i = 0; i < lines.length; i += IMPORT_ROWS_PER_REQUEST) {
    const csv = [HEADER, ...lines.slice(i, i + IMPORT_ROWS_PER_REQUEST)].join('\n');
    const { importParticipants } = await gqlData<{ importParticipants: { imported: number; failed: number } }>(
      stack,
      manager,
      `mutation($p: ID!, $csv: String!, $c: ID!) {
        importParticipants(programId: $p, csv: $csv, allOrNothing: true, commandId: $c) {
          imported failed errors { line message } } }`,
      { p: programId, csv, c: `bench-import-${programId}-${i}` },
    );
    if (importParticipants.failed > 0) {
      throw new Error(`import failed: ${JSON.stringify(importParticipants).slice(0, 500)}`);
    }
  }
  log(`imported ${lines.length} participants in ${((Date.now() - started) / 1000).toFixed(0)} s`);

  started = Date.now();
  const deadline = Date.now() + 600_000;
  for (;;) {
    const { startMatchingRound } = await gqlData<{ startMatchingRound: RoundState }>(
      stack,
      manager,
      `mutation($p: ID!) { startMatchingRound(programId: $p) { ${ROUND} } }`,
      { p: programId },
    );
    const round = await computedRound(stack, manager, startMatchingRound.id);
    if (round.pairs.length + round.unmatched.length === SCALE.mentees) {
      log(
        `draft round of ${round.pairs.length} pairs (${round.unmatched.length} unmatched) ready ` +
          `${((Date.now() - started) / 1000).toFixed(0)} s after the import`,
      );
      return { programId, roundId: round.id, pairs: round.pairs.length };
    }
    await gqlData(stack, manager, `mutation($r: ID!) { discardMatchingRound(roundId: $r) { id } }`, { r: round.id });
    if (Date.now() > deadline) throw new Error('matching never saw every imported mentee');
    await new Promise((r) => setTimeout(r, 5000));
  }
}

const PARTICIPANTS_TABLE = `[...document.querySelectorAll('table')].find((t) =>
  /participants?$/.test(t.querySelector('caption')?.textContent ?? ''))`;

/**
 * On the program's console, from the click on the Participants tab until the first page's rows are on screen; then
 * from typing a name into the search until the rows are the search's (the field's own pause before it asks included).
 */
export async function participantsLoad(page: Page, webUrl: string, programId: string) {
  await page.goto(`${webUrl}/manage/programs/${programId}`);
  const tab = page.getByRole('tab', { name: 'Participants' });
  await tab.waitFor();
  // Clicked in the page, so the time starts with the click itself and not with the round trip that sends it.
  const clickedAt = await page.evaluate<number>(`(() => {
    const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent.trim() === 'Participants');
    const at = performance.now();
    tab.click();
    return at;
  })()`);
  const shownAt = await page.waitForFunction(
    `(() => {
      const table = ${PARTICIPANTS_TABLE};
      return table && table.querySelectorAll('tbody tr th').length > 0 ? performance.now() : 0;
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const firstPageMs = ((await shownAt.jsonValue()) as number) - clickedAt;

  const search = page.getByRole('searchbox', { name: 'Search by name' });
  const typedAt = await search.evaluate(() => performance.now());
  await search.fill(FILTER_NAME);
  const filteredAt = await page.waitForFunction(
    `(() => {
      const table = ${PARTICIPANTS_TABLE};
      const names = table ? [...table.querySelectorAll('tbody tr th')].map((th) => th.textContent ?? '') : [];
      return names.length > 0 && names.every((n) => n.includes(${JSON.stringify(FILTER_NAME)})) ? performance.now() : 0;
    })()`,
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  return { firstPageMs, filteredMs: ((await filteredAt.jsonValue()) as number) - typedAt };
}

/**
 * From navigation to the round's console until the pairs table shows its first rows; also how many rows the table
 * put in the page (it must stay a screenful, not the round). The page is then left to finish what it asks after the
 * table (the other objectives' metrics, four solves on the matching service), so the next cold load does not queue
 * behind them.
 */
export async function roundTableLoad(page: Page, webUrl: string, programId: string, roundId: string) {
  await page.goto(`${webUrl}/manage/programs/${programId}/rounds/${roundId}`, { waitUntil: 'commit' });
  try {
    const handle = await page.waitForFunction(
      `(() => {
        const table = [...document.querySelectorAll('table')].find((t) =>
          /pairs/.test(t.querySelector('caption')?.textContent ?? '') && t.querySelector('tbody tr th'));
        return table ? [performance.now(), table.querySelectorAll('tbody tr').length] : 0;
      })()`,
      undefined,
      { polling: 'raf', timeout: 120_000 },
    );
    const [ms, rows] = (await handle.jsonValue()) as [number, number];
    await page.waitForLoadState('networkidle', { timeout: 300_000 }).catch(() => undefined);
    return { ms, rows };
  } catch (error) {
    const shown = await page.evaluate<string>('document.body.innerText.slice(0, 600)').catch(() => '');
    throw new Error(`the round's pairs never showed; the page said: ${shown}`, { cause: error });
  }
}

// The console's two first queries: the round's header, and the first page of its pairs with names and explanations.
const ROUND_HEADER_QUERY = `query($r: ID!) { matchingRound(id: $r) { id status iteration coverage meanScore minScore
  pairCount mentorLoad { mentors fewest most } unmatched { menteePersonId mentee { id displayName } }
  overrides { type menteePersonId mentee { id displayName } } } }`;
const ROUND_PAIRS_QUERY = `query($r: ID!) { matchingRound(id: $r) { id pairPage(first: 100) { totalCount endCursor
  nodes { id menteePersonId score factors { name value weight contribution }
  notFirstChoice { type bestMentor { id displayName } } mentee { id displayName } mentor { id displayName } } } } }`;
const PARTICIPANTS_QUERY = `query($p: ID!, $name: String) { program(id: $p) { participants(first: 20,
  filter: { name: $name }) { totalCount edges { node { id displayName } } } } }`;

/**
 * The same-run baselines of the console figures: what the page asks, timed with fetch and no browser. The round's
 * figure is the console's header query and its first page of pairs, sent one after the other.
 */
export async function consoleRoundTrips(stack: E2eStack, manager: DemoUser, programId: string, roundId: string) {
  const token = await stack.issuer.mint(as(manager));
  const time = async (query: string, variables: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (!response.ok || body.errors) {
      console.log(`console: a query failed: ${JSON.stringify(body).slice(0, 300)}`);
      return Number.NaN;
    }
    return performance.now() - started;
  };
  return {
    roundMs: (await time(ROUND_HEADER_QUERY, { r: roundId })) + (await time(ROUND_PAIRS_QUERY, { r: roundId })),
    participantsMs: await time(PARTICIPANTS_QUERY, { p: programId }),
    filteredMs: await time(PARTICIPANTS_QUERY, { p: programId, name: FILTER_NAME }),
  };
}
