import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { matchingContracts } from '@trellis/matching/contracts';
import { SESSIONS_EVENTS_TOPIC } from '@trellis/sessions/contracts';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { ContractRegistry, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  type ServiceProcess,
  startServiceProcess,
  type TestDatabase,
  uniqueName,
  waitUntil,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { AppModule } from '../app.module';

type GqlResult<T> = { data?: T | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };

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
  let issuer: DevIssuer;
  let profiles: ServiceProcess;
  let notifications: ServiceProcess;
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let kafka: Kafka;
  let matching: EventPublisher;
  const tenantId = uniqueName('org');
  const admin: Principal = { tenantId, personId: `admin-${tenantId}`, orgAdmin: true };
  const mentor: Principal = { tenantId, personId: `mentor-${tenantId}`, orgAdmin: false };
  const mentee: Principal = { tenantId, personId: `mentee-${tenantId}`, orgAdmin: false };
  const mentorshipId = randomUUID();
  let programId = '';
  const wiring = {
    sessionsTopic: SESSIONS_EVENTS_TOPIC,
    matchingTopic: uniqueName('t_matching'),
    profilesTopic: uniqueName('t_profiles'),
    lifecycleGroup: uniqueName('sessions_lifecycle'),
    availabilityGroup: uniqueName('sessions_availability'),
    membershipsGroup: uniqueName('sessions_memberships'),
    erasureGroup: uniqueName('sessions_erasure'),
    retryBaseDelayMs: 20,
    healthIntervalMs: 0,
  };

  const gqlAt = async <T>(endpoint: string, as: Principal, query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  };
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
    issuer = await startDevIssuer({
      port: 0,
      keyFile: path.join(os.tmpdir(), `trellis-test-keys-nudges-${process.pid}.json`),
    });
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

    kafka = createTestKafka();
    await createTestTopics(kafka, [wiring.matchingTopic, wiring.profilesTopic], 1);
    db = await createTestDatabase('sessions_nudges');
    app = await NestFactory.create(
      AppModule.register({
        config: { mongoDatabase: db.name, port: 0 },
        wiring,
        auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 },
      }),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
    url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');

    matching = new EventPublisher(kafka, new ContractRegistry(matchingContracts));
    await matching.connect();
    const started: EventEnvelope = {
      id: randomUUID(),
      type: 'MentorshipStarted',
      schemaVersion: 1,
      streamId: `mentorship-${mentorshipId}`,
      streamType: 'mentorship',
      revision: 1,
      occurredAt: new Date().toISOString(),
      tenantId,
      programId,
      correlationId: randomUUID(),
      data: {
        mentorshipId,
        programId,
        mentorPersonId: mentor.personId,
        menteePersonId: mentee.personId,
        mentorParticipantId: `pa-${mentor.personId}`,
        menteeParticipantId: `pa-${mentee.personId}`,
        format: 'one-on-one',
        origin: 'request',
        originId: randomUUID(),
      },
    };
    await matching.publish([{ topic: wiring.matchingTopic, envelopes: [started] }]);
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
    await app?.close();
    await matching?.disconnect();
    await deleteTestTopics(kafka, [wiring.matchingTopic, wiring.profilesTopic]).catch(() => undefined);
    await db?.drop();
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
