import { createHash } from 'node:crypto';
import { demoDisplayName } from './demo-names';

/**
 * Stable identifiers of the demo organization seeded by `npm start`. The seed, the `token` command and the
 * end-to-end tests all derive ids from here, so a token minted for "the demo mentee" names the person the seed
 * created, on every machine.
 */
export function demoUuid(name: string): string {
  const hex = createHash('sha256').update(`trellis-demo:${name}`).digest('hex');
  // RFC 4122 layout, version 5-style (name-based) and variant bits set, so validators accept it as a UUID.
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_TENANT_ID = demoUuid('organization');
export const DEMO_PROGRAM_ID = demoUuid('program:spring');
export const DEMO_MENTOR_COUNT = 80;
export const DEMO_MENTEE_COUNT = 300;

export const demoMentorId = (index: number): string => demoUuid(`mentor:${index}`);
export const demoMenteeId = (index: number): string => demoUuid(`mentee:${index}`);

export interface DemoUser {
  alias: string;
  personId: string;
  tenantId: string;
  orgAdmin: boolean;
  /** The seeded profile's name where the seed creates one; admin and manager have no profile, so a made-up one. */
  displayName: string;
  description: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    alias: 'admin',
    personId: demoUuid('admin'),
    tenantId: DEMO_TENANT_ID,
    orgAdmin: true,
    displayName: 'Ada Admin',
    description: 'org admin',
  },
  {
    alias: 'manager',
    personId: demoUuid('manager'),
    tenantId: DEMO_TENANT_ID,
    orgAdmin: false,
    displayName: 'Max Manager',
    description: 'program manager of the demo program',
  },
  {
    alias: 'mentor',
    personId: demoMentorId(0),
    tenantId: DEMO_TENANT_ID,
    orgAdmin: false,
    displayName: demoDisplayName('mentor', 0),
    description: 'a mentor in the demo program',
  },
  {
    alias: 'mentee',
    personId: demoMenteeId(0),
    tenantId: DEMO_TENANT_ID,
    orgAdmin: false,
    displayName: demoDisplayName('mentee', 0),
    description: 'a mentee in the demo program',
  },
  {
    // Enrolled nowhere: the person a newcomer tries Trellis as, joining the demo program from the web app.
    alias: 'newcomer',
    personId: demoUuid('newcomer'),
    tenantId: DEMO_TENANT_ID,
    orgAdmin: false,
    displayName: 'Amara Okafor',
    description: 'new here, not in a program yet',
  },
];

export function findDemoUser(alias: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.alias === alias);
}
