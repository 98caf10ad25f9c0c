import type { Principal } from '@trellis/shared/auth';
import { profileInput, type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

type Named = { personId: string; displayName: string | null };

const MANAGERS = `query($p: ID!) { program(id: $p) { managerPersonIds managers { personId displayName } } }`;
const PEOPLE = `query($s: String!) { organizationPeople(search: $s) { personId displayName } }`;

describe('program managers by name (real FerretDB and Kafka)', () => {
  let h: ProfilesHarness;
  let admin: Principal;
  let programId: string;
  let laterProgramId: string;

  beforeAll(async () => {
    h = await startProfilesHarness();
    admin = h.person('admin', true);
    const ids: string[] = [];
    for (const name of ['Managed', 'Managed later']) {
      const created = await h.gql<{ createProgram: { id: string } }>(
        admin,
        `mutation($n: String!) { createProgram(name: $n) { id } }`,
        { n: name },
      );
      expect(created.errors).toBeUndefined();
      ids.push(created.data!.createProgram.id);
      await h.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, {
        p: created.data!.createProgram.id,
      });
    }
    [programId = '', laterProgramId = ''] = ids;
  }, 60_000);

  afterAll(async () => {
    await h?.close();
  });

  async function enroll(person: Principal, program: string, name: string, roles = '[MENTEE]') {
    const enrolled = await h.gql(
      person,
      `mutation($p: ID!, $profile: ProfileInput!) { enroll(programId: $p, roles: ${roles}, profile: $profile) { id } }`,
      { p: program, profile: profileInput(name) },
    );
    expect(enrolled.errors).toBeUndefined();
  }

  async function assign(personId: string) {
    const assigned = await h.gql(
      admin,
      `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { id } }`,
      { p: programId, m: personId },
    );
    expect(assigned.errors).toBeUndefined();
  }

  it('names each manager by their most recent profile; no profile or an erased person has no name', async () => {
    const pat = h.person('pat');
    const noProfile = h.person('no-profile');
    const gone = h.person('gone');
    const mentee = h.person('mia');
    await enroll(pat, programId, 'Pat Earlier');
    await enroll(pat, laterProgramId, 'Pat Later');
    await enroll(gone, programId, 'Gone Person');
    await enroll(mentee, programId, 'Mia Mentee');
    const erased = await h.gql(admin, `mutation($id: ID!) { erasePersonData(personId: $id) { personId } }`, {
      id: gone.personId,
    });
    expect(erased.errors).toBeUndefined();
    for (const person of [pat, noProfile, gone]) await assign(person.personId);

    const expected: Named[] = [
      { personId: pat.personId, displayName: 'Pat Later' },
      { personId: noProfile.personId, displayName: null },
      { personId: gone.personId, displayName: null },
    ];
    const asAdmin = await h.gql<{ program: { managers: Named[] } }>(admin, MANAGERS, { p: programId });
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data?.program.managers).toEqual(expected);
    // A manager without a profile sees the same list.
    const asManager = await h.gql<{ program: { managers: Named[] } }>(noProfile, MANAGERS, { p: programId });
    expect(asManager.data?.program.managers).toEqual(expected);
    // Who may see the managers is unchanged: a participant sees their ids, as before, and no names.
    const asMentee = await h.gql<{ program: { managerPersonIds: string[]; managers: Named[] | null } }>(
      mentee,
      MANAGERS,
      { p: programId },
    );
    expect(asMentee.errors).toBeUndefined();
    expect(asMentee.data?.program).toEqual({ managerPersonIds: expected.map((m) => m.personId), managers: null });
  });

  it('lets org admins, and nobody else, find people of the organization by name', async () => {
    const found = await h.gql<{ organizationPeople: Named[] }>(admin, PEOPLE, { s: '  later   PAT ' });
    expect(found.errors).toBeUndefined();
    expect(found.data?.organizationPeople).toEqual([{ personId: h.person('pat').personId, displayName: 'Pat Later' }]);
    // An earlier name of the person is no longer theirs; an erased person is found by no name.
    expect((await h.gql<{ organizationPeople: Named[] }>(admin, PEOPLE, { s: 'earlier' })).data).toEqual({
      organizationPeople: [],
    });
    expect((await h.gql<{ organizationPeople: Named[] }>(admin, PEOPLE, { s: 'gone' })).data).toEqual({
      organizationPeople: [],
    });
    const refused = await h.gql(h.person('pat'), PEOPLE, { s: 'mia' });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
