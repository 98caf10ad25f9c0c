import type { Principal } from '@trellis/shared/auth';
// The demo organization's ids are fixed: the seed, `npm run token` and these tests derive them the same way.
import {
  DEMO_MENTEE_COUNT,
  DEMO_MENTOR_COUNT,
  DEMO_PROGRAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
  type DemoUser,
  demoMenteeId,
  demoMentorId,
  findDemoUser,
} from '@trellis/shared/demo';

export {
  DEMO_MENTEE_COUNT,
  DEMO_MENTOR_COUNT,
  DEMO_PROGRAM_ID,
  DEMO_TENANT_ID,
  DEMO_USERS,
  demoMenteeId,
  demoMentorId,
};

/** Anyone in the demo organization, as the development issuer would mint them (`npm run token -- --sub … --org …`). */
export function demoPerson(personId: string, orgAdmin = false): Principal {
  return { personId, tenantId: DEMO_TENANT_ID, orgAdmin };
}

export type DemoAlias = 'admin' | 'manager' | 'mentor' | 'mentee' | 'newcomer';

function listedDemoUser(alias: DemoAlias): DemoUser {
  const user = findDemoUser(alias);
  if (!user) throw new Error(`no demo user ${alias}`);
  return user;
}

/** One of the named demo users (admin, manager, mentor, mentee, newcomer). */
export function demoUser(alias: DemoAlias): Principal {
  const user = listedDemoUser(alias);
  return { personId: user.personId, tenantId: user.tenantId, orgAdmin: user.orgAdmin };
}

/** The name a named demo user goes by: on the provider's sign-in page and wherever the app shows the person. */
export function nameOf(alias: DemoAlias): string {
  return listedDemoUser(alias).displayName;
}
