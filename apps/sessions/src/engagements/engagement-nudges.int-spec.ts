import { randomUUID } from 'node:crypto';
import { SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import type { DevIssuer, Principal } from '@trellis/shared/auth';
import { type ServiceProcess, startServiceProcess, uniqueName, waitUntil } from '@trellis/shared/testing';
import { postGraphql } from '../testing/graphql-client';
import { SessionsHarness } from '../testing/sessions-harness';
import { startTestIssuer } from '../testing/subgraph-harness';
import { UpstreamFeed } from '../testing/upstream-feed';

interface NudgeAnswer {
  nudgeMentorship: { mentorshipId: string; nudgedAt: string; nudgedByPersonId: string; alreadyNudged: boolean };
}
interface InboxAnswer {
  notifications: { edges: Array<{ node: { template: string; subjectId: string } }> };
}

const NUDGE = `mutation($m: ID!, $c: ID) { nudgeMentorship(mentorshipId: $m, commandId: $c) {
  mentorshipId nudgedAt nudgedByPersonId alreadyNudged } }`;
const INBOX = `query { notifications(first: 50, timeZone: "Europe/Berlin") { edges { node { template subjectId } } } }`;
const INTERNAL_TOKEN = 'engagement-nudges-int-test-internal-token';

/**
 * A program manager's nudge end to end on the real broker and FerretDB: the sessions app records it on the
 * engagement and publishes EngagementNudged on the sessions topic, where the real notifications service (its own
 * process, asking the real profiles service for contacts) turns it into both people's inbox items.
 */
describe('nudging a pair reaches both inboxes (sessions, notifications and profiles)', () => {
  // The sessions topic is the real one: the notifications service reads nothing else.
  const sessions = new SessionsHarness('sessions_nudges', {
    memberships: true,
    sessionsTopic: SESSIONS_EVENTS_TOPIC,
    partitions: 1,
  });
  const { wiring } = sessions;
  let issuer: DevIssuer;
  let profiles: ServiceProcess;
  let notifications: ServiceProcess;
  let url: string;
  let matching: UpstreamFeed;
  const tenantId = uniqueName('org');
  const admin: Principal = { tenantId, personId: `admin-${tenantId}`, orgAdmin: true };
  const mentor: Principal = { tenantId, personId: `mentor-${tenantId}`, orgAdmin: false };
  const mentee: Principal = { tenantId, personId: `mentee-${tenantId}`, orgAdmin: false };
  const mentorshipId = randomUUID();
  let programId = '';

  const gqlAt = <T>(endpoint: string, as: Principal, query: string, variables: Record<string, unknown> = {}) =>
    postGraphql<T>(issuer, endpoint, as, query, variables);
  const enroll = async (as: Principal, role: 'MENTOR' | 'MENTEE') => {
    const enrolled = await gqlAt(
      profiles.url,
      as,
      `mutation($p: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $c: Int) {
        enroll(programId: $p, roles: $roles, profile: $profile, mentorCapacity: $c) { id } }`,
      {
        p: programId,
        roles: [role],
        c: role === 'MENTOR' ? 2 : null,
        profile: {
          displayName: `${role} ${tenantId.slice(-6)}`,
          email: `${as.personId}@example.org`,
          timezone: 'Europe/Berlin',
          languages: ['en'],
          formats: ['VIRTUAL'],
          ...(role === 'MENTOR' ? { skillsOffered: [{ skill: 'design', level: 3 }] } : { skillsSought: ['design'] }),
        },
      },
    );
    expect(enrolled.errors).toBeUndefined();
  };
  const inboxOf = async (as: Principal) => {
    const answer = await gqlAt<InboxAnswer>(`${notifications.base}/graphql`, as, INBOX);
    return (answer.data?.notifications.edges ?? []).map((e) => e.node);
  };

  beforeAll(async () => {
    issuer = await startTestIssuer('nudges');
    const auth = { TRELLIS_AUTH_ISSUER: issuer.issuer, TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl };
    profiles = await startServiceProcess('profiles', { ...auth, TRELLIS_INTERNAL_TOKEN: INTERNAL_TOKEN });
    notifications = await startServiceProcess('notifications', {
      ...auth,
      TRELLIS_INTERNAL_TOKEN: INTERNAL_TOKEN,
      TRELLIS_PROFILES_URL: profiles.base,
    });

    const created = await gqlAt<{ createProgram: { id: string } }>(
      profiles.url,
      admin,
      `mutation { createProgram(name: "Nudges", settings: { defaultMentorCapacity: 2 }) { id } }`,
    );
    programId = created.data!.createProgram.id;
    await gqlAt(profiles.url, admin, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, {
      p: programId,
    });
    await enroll(mentor, 'MENTOR');
    await enroll(mentee, 'MENTEE');

    await sessions.start({ issuer });
    url = sessions.url;

    matching = new UpstreamFeed(sessions.kafka, tenantId, programId);
    await matching.publish(wiring.matchingTopic, matching.mentorshipStarted(mentorshipId, mentor, mentee));
    await waitUntil(
      async () => {
        const answer = await gqlAt<NudgeAnswer>(url, mentee, NUDGE, { m: mentorshipId });
        // The mentee is refused (FORBIDDEN) once the engagement exists; NOT_FOUND until then.
        return answer.errors?.[0]?.extensions?.code === 'FORBIDDEN';
      },
      { timeoutMs: 60_000, what: 'the engagement to open' },
    );
  }, 300_000);

  afterAll(async () => {
    await matching?.disconnect();
    await sessions.close();
    await notifications?.stop();
    await profiles?.stop();
    await issuer?.stop();
  });

  it('sends both people one reminder a day, records who nudged, and answers a second nudge with the first', async () => {
    const first = await gqlAt<NudgeAnswer>(url, admin, NUDGE, { m: mentorshipId, c: randomUUID() });
    expect(first.errors).toBeUndefined();
    expect(first.data?.nudgeMentorship).toMatchObject({
      mentorshipId,
      nudgedByPersonId: admin.personId,
      alreadyNudged: false,
    });

    for (const person of [mentor, mentee]) {
      await waitUntil(async () => (await inboxOf(person)).some((n) => n.template === 'engagement-nudge'), {
        timeoutMs: 90_000,
        what: `the nudge in ${person.personId}'s inbox`,
      });
      expect(await inboxOf(person)).toContainEqual({ template: 'engagement-nudge', subjectId: mentorshipId });
    }
    // The manager who nudged is not told about it.
    expect((await inboxOf(admin)).filter((n) => n.template === 'engagement-nudge')).toEqual([]);

    const again = await gqlAt<NudgeAnswer>(url, admin, NUDGE, { m: mentorshipId, c: randomUUID() });
    expect(again.data?.nudgeMentorship).toEqual({ ...first.data?.nudgeMentorship, alreadyNudged: true });

    // Another organization's admin finds no such mentorship.
    const outsider = await gqlAt(url, { ...admin, tenantId: uniqueName('org-other') }, NUDGE, { m: mentorshipId });
    expect(outsider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // Still one reminder each: the second nudge sent nothing.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    for (const person of [mentor, mentee]) {
      expect((await inboxOf(person)).filter((n) => n.template === 'engagement-nudge')).toHaveLength(1);
    }
  });
});
