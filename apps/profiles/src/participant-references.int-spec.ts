import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { participantIdFor } from '@trellis/profiles/contracts';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import { eventually, type ServiceProcess, startServiceProcess, uniqueName } from '@trellis/shared/testing';
import type { Connection } from 'mongoose';
import { type GraphqlResult, type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

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

/**
 * Participants that matching names (a request's mentee and mentor, a recommendation's mentor), resolved by profiles
 * through a real gateway: the real profiles and matching services, each with its own database on FerretDB, matching
 * learning the program's people from profiles' events on Kafka, and the tokens of one development issuer. Profiles
 * runs in this process, so that its database commands can be counted; matching runs in its own (two code-first
 * schemas, each with its Participant, cannot share one process), and so does the gateway.
 */
describe('participants named by matching, resolved by profiles through the gateway', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-refs')));
  let issuer: DevIssuer;
  let profiles: ProfilesHarness;
  let matching: ServiceProcess;
  let gateway: ServiceProcess;
  let programId = '';
  let admin: Principal;
  let mentor: Principal;
  const mentees: Principal[] = [];
  const menteeName = (i: number) => `Mentee${i} Ørsted`;

  async function gql<T>(as: Principal, query: string, variables: Record<string, unknown> = {}) {
    const response = await fetch(gateway.url, {
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
    profiles = await startProfilesHarness({ issuer });
    const authEnv = {
      TRELLIS_AUTH_ISSUER: issuer.issuer,
      TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl,
      TRELLIS_INFRA_DIR: keyDir,
    };
    matching = await startServiceProcess('matching', authEnv);
    gateway = await startServiceProcess('gateway', {
      ...authEnv,
      TRELLIS_GATEWAY_HTTP: 'fastify',
      TRELLIS_GATEWAY_SUBGRAPHS: 'profiles,matching',
      TRELLIS_PROFILES_PORT: new URL(profiles.url).port,
      TRELLIS_MATCHING_PORT: new URL(matching.url).port,
    });

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
    await gateway?.stop();
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
