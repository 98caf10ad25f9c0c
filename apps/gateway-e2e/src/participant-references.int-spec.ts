import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { participantIdFor } from '@trellis/profiles/contracts';
import { type AuthConfig, type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { eventually, freePort, testInfrastructure, uniqueName } from '@trellis/shared/testing';
import mongoose, { type Connection } from 'mongoose';
// Profiles and the gateway run in this process so that profiles' database client can be watched; apps have no import
// alias, hence the paths.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { createGatewayApp } from '../../gateway/src/gateway.app';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { type ProfilesHarness, startProfilesHarness } from '../../profiles/src/testing/profiles-harness';
import { GROUP_NAMESPACE_PRELOAD, type GraphqlResult, startGroupsAtEnd } from './support/stack';

const repoRoot = path.resolve(__dirname, '../../..');

interface PersonView {
  id: string;
  displayName: string;
  initials: string;
}
interface RequestView {
  id: string;
  menteePersonId: string;
  status: string;
  mentee: PersonView | null;
  mentor: PersonView | null;
}

const PERSON = `{ id displayName initials }`;
const MENTOR_REQUESTS = `{ myMentorshipRequests { id menteePersonId status mentee ${PERSON} mentor ${PERSON} } }`;
/** What profiles reads to answer for participants; its outbox relay polls `commits` on the same client meanwhile. */
const PARTICIPANT_READS = new Set(['participants', 'programs', 'person_keys']);

/** The matching service as `npm start` runs it, in its own process (its own database and consumer groups). */
async function startMatchingProcess(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const database = uniqueName('refs_matching').slice(0, 60);
  const groupPrefix = uniqueName('refs');
  // Only the events from now on: this test's own.
  await startGroupsAtEnd(groupPrefix);
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      path.join(repoRoot, 'tools/run/register.cjs'),
      '-r',
      GROUP_NAMESPACE_PRELOAD,
      path.join(repoRoot, 'apps/matching/src/main.ts'),
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        TRELLIS_LOG_LEVEL: process.env['TRELLIS_E2E_LOG_LEVEL'] ?? 'error',
        TRELLIS_MONGO_URL: testInfrastructure.mongoUrl,
        TRELLIS_KAFKA_BROKERS: testInfrastructure.kafkaBrokers.join(','),
        TRELLIS_MATCHING_PORT: String(port),
        TRELLIS_MATCHING_MONGO_DB: database,
        TRELLIS_E2E_GROUP_PREFIX: groupPrefix,
        OTEL_TRACES_EXPORTER: 'none',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    }
    const connection = mongoose.createConnection(testInfrastructure.mongoUrl, { dbName: database });
    await connection
      .asPromise()
      .then(() => connection.dropDatabase())
      .catch(() => undefined);
    await connection.close().catch(() => undefined);
  };
  try {
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`matching exited with ${child.exitCode} during start-up`);
        expect((await fetch(`${base}/health/ready`).catch(() => null))?.ok).toBe(true);
      },
      { timeoutMs: 180_000, intervalMs: 500 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${base}/graphql`, stop };
}

/**
 * Participants that matching names (a request's mentee and mentor, a recommendation's mentor), resolved by profiles
 * through a real gateway: the real profiles and matching services, each with its own database on FerretDB, matching
 * learning the program's people from profiles' events on Kafka, and the tokens of one development issuer. Profiles
 * and the gateway run in this process, so that profiles' database commands can be counted; matching runs in its own
 * (two code-first schemas, each with its Participant, cannot share one process).
 */
describe('participants named by matching, resolved by profiles through the gateway', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-refs')));
  let issuer: DevIssuer;
  let profiles: ProfilesHarness;
  let matching: { url: string; stop(): Promise<void> };
  let gateway: INestApplication;
  let gatewayUrl = '';
  let programId = '';
  let admin: Principal;
  let mentor: Principal;
  const mentees: Principal[] = [];
  const menteeName = (i: number) => `Mentee${i} Ørsted`;

  async function gql<T>(as: Principal, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResult<T>;
  }

  async function data<T>(as: Principal, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await gql<T>(as, query, variables);
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  async function importPeople(rows: string[]): Promise<void> {
    const csv = ['person_id,email,display_name,roles,timezone,languages,skills_offered', ...rows].join('\n');
    const imported = await data<{ importParticipants: { imported: number; failed: number } }>(
      admin,
      `mutation($p: ID!, $csv: String!) { importParticipants(programId: $p, csv: $csv, allOrNothing: true) { imported failed } }`,
      { p: programId, csv },
    );
    expect(imported.importParticipants).toEqual({ imported: rows.length, failed: 0 });
  }

  /** Enrolls mentees `from`…`to - 1` (in profiles; matching learns them from its events); each asks the mentor. */
  async function menteesAsk(from: number, to: number): Promise<void> {
    const rows: string[] = [];
    for (let i = from; i < to; i += 1) {
      const mentee = profiles.person(`mentee${i}`);
      mentees[i] = mentee;
      rows.push(`${mentee.personId},mentee${i}@example.org,${menteeName(i)},mentee,Europe/Berlin,en,`);
    }
    await importPeople(rows);
    for (let i = from; i < to; i += 1) {
      // Matching learns the mentee from profiles' events a moment later.
      await eventually(
        async () => {
          await data(
            mentees[i]!,
            `mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorPersonId: $m) { requestId } }`,
            { p: programId, m: mentor.personId },
          );
        },
        { timeoutMs: 90_000, intervalMs: 250 },
      );
    }
    await eventually(
      async () => {
        const seen = await data<{ myMentorshipRequests: RequestView[] }>(mentor, MENTOR_REQUESTS);
        expect(seen.myMentorshipRequests).toHaveLength(to);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  }

  beforeAll(async () => {
    issuer = await startDevIssuer({ port: 0, keyFile: path.join(keyDir, 'key.json') });
    const auth: AuthConfig = {
      issuer: issuer.issuer,
      audience: 'trellis',
      jwksUrl: issuer.jwksUrl,
      clockToleranceSeconds: 5,
    };
    profiles = await startProfilesHarness({ issuer });
    matching = await startMatchingProcess({
      TRELLIS_AUTH_ISSUER: issuer.issuer,
      TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl,
      TRELLIS_INFRA_DIR: keyDir,
    });
    const base = (url: string) => url.replace(/\/graphql$/, '');
    gateway = await createGatewayApp({
      quiet: true,
      auth,
      platform: { kafkaBrokers: testInfrastructure.kafkaBrokers },
      config: {
        http: 'fastify',
        subgraphs: [
          { name: 'profiles', url: profiles.url, sdlUrl: `${base(profiles.url)}/subgraph/sdl` },
          { name: 'matching', url: matching.url, sdlUrl: `${base(matching.url)}/subgraph/sdl` },
        ],
      },
    });
    const port = await freePort();
    await gateway.listen(port, '127.0.0.1');
    gatewayUrl = `http://127.0.0.1:${port}/graphql`;

    admin = profiles.person('admin', true);
    mentor = profiles.person('mentor');
    const created = await data<{ createProgram: { id: string } }>(
      admin,
      `mutation { createProgram(name: "References", settings: { defaultMentorCapacity: 2 }) { id } }`,
    );
    programId = created.createProgram.id;
    await data(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, { p: programId });
    await importPeople([`${mentor.personId},max@example.org,Max Mentor,mentor,Europe/Berlin,en,system design:5`]);
  }, 300_000);

  afterAll(async () => {
    await gateway?.close();
    await matching?.stop();
    await profiles?.close();
    await issuer?.stop();
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it("names a mentor's requesters with a number of profiles queries that does not grow with their number", async () => {
    const client = profiles.app.get<Connection>(MONGO_CONNECTION).getClient();
    const reads: string[] = [];
    const listener = (event: { commandName: string; command: { find?: unknown } }) => {
      if (event.commandName === 'find' && PARTICIPANT_READS.has(String(event.command.find))) {
        reads.push(String(event.command.find));
      }
    };
    const readsFor = async (size: number) => {
      // A cold key cache each time, so both sizes pay for the same lookups.
      profiles.app.get(PersonKeyStore).clearCache();
      reads.length = 0;
      const requests = (await data<{ myMentorshipRequests: RequestView[] }>(mentor, MENTOR_REQUESTS))
        .myMentorshipRequests;
      const count = reads.length;
      expect(requests).toHaveLength(size);
      for (const request of requests) {
        const i = mentees.findIndex((m) => m.personId === request.menteePersonId);
        expect(request.status).toBe('OPEN');
        expect(request.mentee).toEqual({
          id: participantIdFor(programId, request.menteePersonId),
          displayName: menteeName(i),
          initials: 'MØ',
        });
        expect(request.mentor).toEqual({
          id: participantIdFor(programId, mentor.personId),
          displayName: 'Max Mentor',
          initials: 'MM',
        });
      }
      return count;
    };

    client.on('commandStarted', listener);
    try {
      await menteesAsk(0, 2);
      const few = await readsFor(2);
      await menteesAsk(2, 12);
      const many = await readsFor(12);
      // The gateway sends profiles one _entities fetch per field (mentee, mentor), each a single batch of four reads
      // whatever its size: the participants, their program, the reader's own participation (the access check) and
      // the people's keys. 8 for 2 requests as for 12.
      expect(many).toBe(few);
      expect(many).toBeLessThanOrEqual(8);
    } finally {
      client.off('commandStarted', listener);
    }
  });

  it('shows a mentee the recommended mentor by name', async () => {
    // A mentee who has not asked the mentor yet (recommendations leave out mentors already asked).
    const newcomer = profiles.person('newcomer');
    await importPeople([`${newcomer.personId},rosa@example.org,Rosa Quispe,mentee,Europe/Berlin,en,`]);
    await eventually(
      async () => {
        const seen = await data<{ recommendedMentors: Array<{ mentorPersonId: string; mentor: PersonView | null }> }>(
          newcomer,
          `query($p: ID!) { recommendedMentors(programId: $p) { mentorPersonId mentor ${PERSON} } }`,
          { p: programId },
        );
        expect(seen.recommendedMentors).toEqual([
          {
            mentorPersonId: mentor.personId,
            mentor: { id: participantIdFor(programId, mentor.personId), displayName: 'Max Mentor', initials: 'MM' },
          },
        ]);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
  });

  it('answers null, neither the person nor an error, for a participant the reader may no longer see', async () => {
    const gone = mentees[1]!;
    const goneParticipant = participantIdFor(programId, gone.personId);
    await data(gone, `mutation($id: ID!) { withdrawFromProgram(participantId: $id) { status } }`, {
      id: goneParticipant,
    });

    const result = await gql<{ myMentorshipRequests: RequestView[] }>(mentor, MENTOR_REQUESTS);
    expect(result.errors).toBeUndefined();
    const requests = result.data!.myMentorshipRequests;
    expect(requests).toHaveLength(12);
    expect(requests.find((r) => r.menteePersonId === gone.personId)?.mentee).toBeNull();
    // Everyone else still answers, and nothing of the withdrawn mentee's profile does.
    expect(requests.filter((r) => r.mentee === null)).toHaveLength(1);
    expect(JSON.stringify(result)).not.toContain(menteeName(1));

    // Asked for by id, the participant stays NOT_FOUND.
    const asked = await gql(mentor, `query($id: ID!) { participant(id: $id) { displayName } }`, {
      id: goneParticipant,
    });
    expect(asked.errors?.map((e) => e.extensions?.['code'])).toEqual(['NOT_FOUND']);
  });
});
