import type { Principal } from '@trellis/shared/auth';
import { type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

const HEADER = 'person_id,email,display_name,roles,timezone,languages,seniority';
const IMPORT = `mutation($p: ID!, $csv: String!, $dry: Boolean!) {
  importParticipants(programId: $p, csv: $csv, allOrNothing: true, dryRun: $dry) { imported alreadyEnrolled failed errors { line message } } }`;
const COUNT = `query($p: ID!) { program(id: $p) { participants(first: 1) { totalCount } } }`;

type Report = { imported: number; alreadyEnrolled: number; failed: number; errors: Array<{ line: number }> };

/** A file sent in parts is checked whole first (a dry run per part), so all-or-nothing holds for the whole file. */
describe('import dry run (real FerretDB and Kafka)', () => {
  let h: ProfilesHarness;
  let admin: Principal;
  let programId: string;

  beforeAll(async () => {
    h = await startProfilesHarness();
    admin = h.person('admin', true);
    const created = await h.gql<{ createProgram: { id: string } }>(
      admin,
      `mutation { createProgram(name: "Dry") { id } }`,
    );
    expect(created.errors).toBeUndefined();
    programId = created.data!.createProgram.id;
    await h.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, { p: programId });
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  const csvOf = (seniorities: string[]) =>
    [
      HEADER,
      ...seniorities.map((s, i) => `dry-${i},dry${i}@example.org,Dry Person ${i},mentee,Europe/Berlin,en,${s}`),
    ].join('\n');
  const send = async (csv: string, dry: boolean) => {
    const result = await h.gql<{ importParticipants: Report }>(admin, IMPORT, { p: programId, csv, dry });
    expect(result.errors).toBeUndefined();
    return result.data!.importParticipants;
  };
  const count = async () =>
    (await h.gql<{ program: { participants: { totalCount: number } } }>(admin, COUNT, { p: programId })).data!.program
      .participants.totalCount;

  it('names the bad lines and enrolls nobody; a clean file is counted, still enrolling nobody, until imported', async () => {
    const refused = await send(csvOf(['1', 'senior', '2', 'x']), true);
    expect(refused).toMatchObject({ imported: 0, failed: 2 });
    expect(refused.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(await count()).toBe(0);

    const clean = csvOf(['1', '2', '3', '4']);
    expect(await send(clean, true)).toEqual({ imported: 4, alreadyEnrolled: 0, failed: 0, errors: [] });
    expect(await count()).toBe(0);
    expect(await send(clean, false)).toEqual({ imported: 4, alreadyEnrolled: 0, failed: 0, errors: [] });
    expect(await count()).toBe(4);
    expect(await send(clean, true)).toEqual({ imported: 0, alreadyEnrolled: 4, failed: 0, errors: [] });
  });
});
