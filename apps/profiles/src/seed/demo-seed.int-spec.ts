import {
  DEMO_MENTEE_COUNT,
  DEMO_MENTOR_COUNT,
  DEMO_PROGRAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
} from '@trellis/shared/demo';
import { DemoSeed } from './demo-seed';
import { type ProfilesHarness, startProfilesHarness } from '../testing/profiles-harness';

describe('demo seed', () => {
  let h: ProfilesHarness;

  beforeAll(async () => {
    h = await startProfilesHarness();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('seeds a varied demo program once; a second run changes nothing', async () => {
    const seed = h.app.get(DemoSeed);
    expect(await seed.seed()).toBe(DEMO_MENTOR_COUNT + DEMO_MENTEE_COUNT);
    const commitsAfterFirst = await h.db.connection.collection('commits').countDocuments();
    expect(await seed.seed()).toBe(0);
    expect(await h.db.connection.collection('commits').countDocuments()).toBe(commitsAfterFirst);

    const manager = DEMO_USERS.find((u) => u.alias === 'manager')!;
    type Page = {
      program: {
        name: string;
        participants: {
          totalCount: number;
          edges: Array<{
            node: { timezone: string; department: string; skillsOffered: unknown[]; languages: string[] };
          }>;
        };
      };
    };
    const page = await h.gql<Page>(
      { personId: manager.personId, tenantId: DEMO_TENANT_ID, orgAdmin: false },
      `query($p: ID!) { program(id: $p) { name participants(first: 100, filter: { role: MENTOR }) { totalCount edges { node { timezone department skillsOffered { skill } languages } } } } }`,
      { p: DEMO_PROGRAM_ID },
    );
    expect(page.errors).toBeUndefined();
    expect(page.data?.program.participants.totalCount).toBe(DEMO_MENTOR_COUNT);
    const mentors = page.data!.program.participants.edges.map((e) => e.node);
    // Varied, not copies: several time zones and departments, every mentor offers skills.
    expect(new Set(mentors.map((m) => m.timezone)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(mentors.map((m) => m.department)).size).toBeGreaterThanOrEqual(5);
    expect(mentors.every((m) => m.skillsOffered.length >= 3)).toBe(true);
  });
});
