import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import { participantIdFor } from '@trellis/profiles/domain';
import { MONGO_CONNECTION } from '@trellis/shared/platform';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Connection } from 'mongoose';
import type { Principal } from '@trellis/shared/auth';
import { ConsumerStatusRegistry, ContractRegistry, type EventEnvelope } from '@trellis/shared/messaging';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
import { projectionRunner } from '@trellis/shared/event-store';
import { createLogger } from '@trellis/shared/observability';
import { createTestKafka, uniqueName, waitUntil } from '@trellis/shared/testing';
import { profileInput, type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

const CREATE = `mutation($name: String!) { createProgram(name: $name, settings: { defaultMentorCapacity: 2 }) { id status } }`;
const ENROLL = `mutation($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $personId: ID, $mentorCapacity: Int) {
  enroll(programId: $programId, roles: $roles, profile: $profile, personId: $personId, mentorCapacity: $mentorCapacity) {
    id personId roles status mentorCapacity displayName email languages timezone } }`;

describe('profiles service (real FerretDB, Kafka, tokens)', () => {
  let h: ProfilesHarness;
  let admin: Principal;
  let manager: Principal;
  let mentee: Principal;
  let otherMentee: Principal;
  let mentor: Principal;
  let programId: string;
  // Where the shared topic ended before this file wrote anything: its readers start there, not at the beginning,
  // which on a broker that earlier tests (or earlier runs) filled would take longer than any wait here.
  let topicStart: Array<{ partition: number; offset: string }> = [];

  beforeAll(async () => {
    const kafkaAdmin = createTestKafka().admin();
    await kafkaAdmin.connect();
    topicStart = (await kafkaAdmin.fetchTopicOffsets(PROFILES_TOPIC).catch(() => [])).map((p) => ({
      partition: p.partition,
      offset: p.high,
    }));
    await kafkaAdmin.disconnect();
    h = await startProfilesHarness();
    admin = h.person('admin', true);
    manager = h.person('manager');
    mentee = h.person('mentee');
    otherMentee = h.person('mentee2');
    mentor = h.person('mentor');
    const created = await h.gql<{ createProgram: { id: string; status: string } }>(admin, CREATE, { name: 'Spring' });
    expect(created.errors).toBeUndefined();
    programId = created.data!.createProgram.id;
    const assigned = await h.gql(
      admin,
      `mutation($p: ID!, $m: ID!) { assignProgramManager(programId: $p, personId: $m) { managerPersonIds } }`,
      {
        p: programId,
        m: manager.personId,
      },
    );
    expect(assigned.errors).toBeUndefined();
    const questionnaire = await h.gql(
      manager,
      `mutation($p: ID!, $q: [QuestionInput!]!) { defineQuestionnaire(programId: $p, questions: $q) { questionnaire { questionId } } }`,
      {
        p: programId,
        q: [
          {
            questionId: 'area',
            kind: 'SINGLE_CHOICE',
            text: 'Where do you want to grow?',
            usedForMatching: true,
            weight: 2,
            options: [
              { optionId: 'lead', label: 'Leadership' },
              { optionId: 'tech', label: 'Technology' },
            ],
          },
          { questionId: 'hope', kind: 'SHORT_TEXT', text: 'What do you hope for?', usedForMatching: false },
        ],
      },
    );
    expect(questionnaire.errors).toBeUndefined();
    const opened = await h.gql(manager, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, {
      p: programId,
    });
    expect(opened.data).toEqual({ openEnrollment: { status: 'ENROLLMENT_OPEN' } });
  });

  afterAll(async () => {
    await h?.close();
  });

  it('refuses a request without a valid token', async () => {
    const result = await h.gql(null, `{ me { personId } }`);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only org admins register and rename their organization', async () => {
    const byManager = await h.gql(manager, `mutation { registerOrganization(name: "Northwind") { name } }`);
    expect(byManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const registered = await h.gql(admin, `mutation { registerOrganization(name: "Northwind") { id name } }`);
    expect(registered.data).toEqual({ registerOrganization: { id: h.tenantId, name: 'Northwind' } });
    await h.gql(admin, `mutation { renameOrganization(name: "Northwind University") { name } }`);
    const seen = await h.gql(mentee, `{ organization { name } }`);
    expect(seen.data).toEqual({ organization: { name: 'Northwind University' } });
  });

  it('lets people enroll themselves while enrollment is open, and refuses a second enrollment', async () => {
    const enrolled = await h.gql<{ enroll: Record<string, unknown> }>(mentee, ENROLL, {
      programId,
      roles: ['MENTEE'],
      profile: profileInput('Mia Mentee', {
        answers: [
          { questionId: 'area', optionIds: ['tech'] },
          { questionId: 'hope', text: 'Grow' },
        ],
      }),
    });
    expect(enrolled.errors).toBeUndefined();
    expect(enrolled.data!.enroll).toMatchObject({
      roles: ['MENTEE'],
      status: 'ACTIVE',
      email: 'mia.mentee@example.org',
    });
    const again = await h.gql(mentee, ENROLL, { programId, roles: ['MENTEE'], profile: profileInput('Mia Mentee') });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const mentorResult = await h.gql(mentor, ENROLL, {
      programId,
      roles: ['MENTOR'],
      mentorCapacity: 3,
      profile: profileInput('Max Mentor', { skillsOffered: [{ skill: 'system design', level: 5 }], skillsSought: [] }),
    });
    expect(mentorResult.errors).toBeUndefined();
    const second = await h.gql(otherMentee, ENROLL, {
      programId,
      roles: ['MENTEE'],
      profile: profileInput('Nora Mentee'),
    });
    expect(second.errors).toBeUndefined();
  });

  it.each([
    ['an unknown language', { languages: ['xx'] }, 'BAD_USER_INPUT', /ISO 639-1/],
    ['an unknown time zone', { timezone: 'Europe/Atlantis' }, 'BAD_USER_INPUT', /IANA/],
    [
      'overlapping availability',
      {
        availability: [
          { day: 1, startMinute: 540, endMinute: 700 },
          { day: 1, startMinute: 600, endMinute: 720 },
        ],
      },
      'BAD_USER_INPUT',
      /overlap/,
    ],
    [
      'an answer not fitting its question',
      { answers: [{ questionId: 'area', value: 3 }] },
      'BAD_USER_INPUT',
      /choosing/,
    ],
    ['a malformed email', { email: 'not-an-email' }, 'BAD_USER_INPUT', /email/i],
  ])('refuses a profile with %s and stores nothing', async (_label, overrides, code, message) => {
    const someone = h.person(uniqueName('p'));
    const result = await h.gql(someone, ENROLL, {
      programId,
      roles: ['MENTEE'],
      profile: profileInput('Some One', overrides),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(message);
    const commits = await h.db.connection
      .collection('commits')
      .countDocuments({ streamId: `participant-${participantIdFor(programId, someone.personId)}` });
    expect(commits).toBe(0);
  });

  it('gives contact details only to callers with the internal service token', async () => {
    const base = h.url.replace(/\/graphql$/, '');
    const path = `${base}/internal/contacts/${h.tenantId}/${programId}/${mentee.personId}`;
    process.env['TRELLIS_INTERNAL_TOKEN'] = 'integration-test-internal-token';
    try {
      const refused = await fetch(path, { headers: { authorization: 'Bearer wrong-token-of-same-size!!' } });
      expect(refused.status).toBe(401);
      const withUserToken = await fetch(path, { headers: { authorization: `Bearer ${await h.issuer.mint(admin)}` } });
      expect(withUserToken.status).toBe(401);
      const allowed = await fetch(path, { headers: { authorization: 'Bearer integration-test-internal-token' } });
      expect(allowed.status).toBe(200);
      expect(await allowed.json()).toMatchObject({ displayName: 'Mia Mentee', email: 'mia.mentee@example.org' });
      const otherTenant = await fetch(path.replace(h.tenantId, 'another-org'), {
        headers: { authorization: 'Bearer integration-test-internal-token' },
      });
      expect(otherTenant.status).toBe(404);
    } finally {
      delete process.env['TRELLIS_INTERNAL_TOKEN'];
    }
  });

  it('refuses a mentor capacity out of bounds', async () => {
    const result = await h.gql(
      mentor,
      `mutation($id: ID!) { changeMentorCapacity(participantId: $id, capacity: 50) { mentorCapacity } }`,
      {
        id: participantIdFor(programId, mentor.personId),
      },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lets a person edit only their own profile', async () => {
    const own = await h.gql<{ updateProfile: { timezone: string; displayName: string } }>(
      mentee,
      `mutation($id: ID!, $p: ProfileInput!) { updateProfile(participantId: $id, profile: $p) { timezone displayName } }`,
      {
        id: participantIdFor(programId, mentee.personId),
        p: { timezone: 'America/Chicago' },
      },
    );
    expect(own.data?.updateProfile).toEqual({ timezone: 'America/Chicago', displayName: 'Mia Mentee' });
    const other = await h.gql(
      mentor,
      `mutation($id: ID!, $p: ProfileInput!) { updateProfile(participantId: $id, profile: $p) { timezone } }`,
      {
        id: participantIdFor(programId, mentee.personId),
        p: { timezone: 'Asia/Tokyo' },
      },
    );
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows mentees the mentors (without contact details) but never another mentee', async () => {
    const mentorId = participantIdFor(programId, mentor.personId);
    const seen = await h.gql<{ participant: { displayName: string; email: string | null } }>(
      mentee,
      `query($id: ID!) { participant(id: $id) { displayName email } }`,
      { id: mentorId },
    );
    expect(seen.data?.participant).toEqual({ displayName: 'Max Mentor', email: null });
    const peer = await h.gql(mentee, `query($id: ID!) { participant(id: $id) { displayName } }`, {
      id: participantIdFor(programId, otherMentee.personId),
    });
    expect(peer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(peer)).not.toContain('Nora');
  });

  it('pages through participants with a cursor for managers', async () => {
    const query = `query($p: ID!, $after: String) { program(id: $p) { participants(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    type Page = {
      program: {
        participants: {
          totalCount: number;
          edges: Array<{ node: { id: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    };
    const first = await h.gql<Page>(manager, query, { p: programId });
    expect(first.data?.program.participants.totalCount).toBe(3);
    expect(first.data?.program.participants.edges).toHaveLength(2);
    expect(first.data?.program.participants.pageInfo.hasNextPage).toBe(true);
    const second = await h.gql<Page>(manager, query, {
      p: programId,
      after: first.data?.program.participants.pageInfo.endCursor,
    });
    expect(second.data?.program.participants.edges).toHaveLength(1);
    const ids = [...first.data!.program.participants.edges, ...second.data!.program.participants.edges].map(
      (e) => e.node.id,
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('pages a participant through the other side only, never themselves', async () => {
    const query = `query($p: ID!) { program(id: $p) { participants(first: 10) { totalCount edges { node { displayName } } pageInfo { hasNextPage } } } }`;
    type Page = {
      program: {
        participants: {
          totalCount: number;
          edges: Array<{ node: { displayName: string } }>;
          pageInfo: { hasNextPage: boolean };
        };
      };
    };
    const names = async (asker: Principal) => {
      const result = await h.gql<Page>(asker, query, { p: programId });
      expect(result.errors).toBeUndefined();
      const page = result.data!.program.participants;
      return {
        totalCount: page.totalCount,
        names: page.edges.map((e) => e.node.displayName).sort(),
        more: page.pageInfo.hasNextPage,
      };
    };
    await expect(names(mentee)).resolves.toEqual({ totalCount: 1, names: ['Max Mentor'], more: false });
    await expect(names(mentor)).resolves.toEqual({ totalCount: 2, names: ['Mia Mentee', 'Nora Mentee'], more: false });
  });

  it('searches participants by words of their sealed names, within what the asker may see', async () => {
    const query = `query($p: ID!, $name: String!) { program(id: $p) { participants(first: 1, filter: { name: $name }) { totalCount edges { node { displayName } } pageInfo { hasNextPage } } } }`;
    type Found = {
      program: {
        participants: {
          totalCount: number;
          edges: Array<{ node: { displayName: string } }>;
          pageInfo: { hasNextPage: boolean };
        };
      };
    };
    const names = async (asker: Principal, name: string) => {
      const result = await h.gql<Found>(asker, query, { p: programId, name });
      expect(result.errors).toBeUndefined();
      return result.data!.program.participants;
    };
    await expect(names(manager, '  MENTEE nora ')).resolves.toEqual({
      totalCount: 1,
      edges: [{ node: { displayName: 'Nora Mentee' } }],
      pageInfo: { hasNextPage: false },
    });
    const mentees = await names(manager, 'mentee');
    expect(mentees).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    await expect(names(manager, 'nobody by this name')).resolves.toMatchObject({ totalCount: 0, edges: [] });
    // A mentee lists mentors only: another mentee's name finds nobody.
    await expect(names(mentee, 'nora')).resolves.toMatchObject({ totalCount: 0 });
    await expect(names(mentee, 'max')).resolves.toMatchObject({ totalCount: 1 });
  });

  it('imports participants from CSV with line-numbered errors, or none when asked for all-or-nothing', async () => {
    const csv = [
      'person_id,email,display_name,roles,timezone,languages,skills_offered,mentor_capacity',
      `csv-a-${h.tenantId},a@example.org,Ana Alves,mentor,Europe/Lisbon,pt;en,go:4;sql:3,2`,
      `csv-b-${h.tenantId},b@example.org,Ben Bauer,mentee,Mars/Base,de,,`,
      `csv-c-${h.tenantId},c@example.org,Cem Can,mentee,Europe/Istanbul,tr;en,,`,
      `csv-d-${h.tenantId},d@example.org,Dia Diaz,mentor,Europe/Madrid,es,go:9,2`,
    ].join('\n');
    const IMPORT = `mutation($p: ID!, $csv: String!, $all: Boolean!) { importParticipants(programId: $p, csv: $csv, allOrNothing: $all) { imported alreadyEnrolled failed errors { line message } } }`;
    const strict = await h.gql<{
      importParticipants: { imported: number; failed: number; errors: Array<{ line: number; message: string }> };
    }>(manager, IMPORT, { p: programId, csv, all: true });
    expect(strict.data?.importParticipants).toMatchObject({ imported: 0, failed: 2 });
    expect(strict.data?.importParticipants.errors.map((e) => e.line)).toEqual([3, 5]);
    expect(strict.data?.importParticipants.errors[0]?.message).toMatch(/IANA/);
    const countAfterStrict = await h.db.connection.collection('participants').countDocuments({ tenantId: h.tenantId });
    expect(countAfterStrict).toBe(3);
    const lenient = await h.gql<{ importParticipants: { imported: number; failed: number } }>(manager, IMPORT, {
      p: programId,
      csv,
      all: false,
    });
    expect(lenient.data?.importParticipants).toMatchObject({ imported: 2, failed: 2 });
    const again = await h.gql<{ importParticipants: { imported: number; alreadyEnrolled: number } }>(manager, IMPORT, {
      p: programId,
      csv,
      all: false,
    });
    expect(again.data?.importParticipants).toMatchObject({ imported: 0, alreadyEnrolled: 2 });
    const byMentee = await h.gql(mentee, IMPORT, { p: programId, csv, all: false });
    expect(byMentee.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers an import retried with its command id with the first report, not "already enrolled"', async () => {
    const csv = [
      'person_id,email,display_name,roles,timezone,languages',
      `retry-a-${h.tenantId},ra@example.org,Rae Alder,mentee,Europe/Oslo,en`,
      `retry-b-${h.tenantId},rb@example.org,Rob Birch,mentee,Europe/Oslo,en`,
      `retry-c-${h.tenantId},rc@example.org,Ria Cedar,mentee,Mars/Base,en`,
    ].join('\n');
    const IMPORT = `mutation($p: ID!, $csv: String!, $c: ID) { importParticipants(programId: $p, csv: $csv, commandId: $c) { imported alreadyEnrolled failed errors { line message } } }`;
    type Report = { importParticipants: { imported: number; alreadyEnrolled: number; failed: number } };
    const commandId = uniqueName('import');
    const first = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: commandId });
    expect(first.errors).toBeUndefined();
    expect(first.data?.importParticipants).toMatchObject({ imported: 2, alreadyEnrolled: 0, failed: 1 });
    const retried = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: commandId });
    expect(retried.data).toEqual(first.data);
    // A new upload (another command) is told the truth of now.
    const reupload = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: uniqueName('import') });
    expect(reupload.data?.importParticipants).toMatchObject({ imported: 0, alreadyEnrolled: 2, failed: 1 });
    // The command id of another person is not theirs to replay.
    const byAdmin = await h.gql<Report>(admin, IMPORT, { p: programId, csv, c: commandId });
    expect(byAdmin.data?.importParticipants).toMatchObject({ imported: 0, alreadyEnrolled: 2 });
  });

  it('answers an import retried after a crash before its report was stored with what the first run enrolled', async () => {
    const csv = [
      'person_id,email,display_name,roles,timezone,languages',
      `crash-a-${h.tenantId},ca@example.org,Cai Ash,mentee,Europe/Oslo,en`,
      `crash-b-${h.tenantId},cb@example.org,Cleo Beech,mentee,Europe/Oslo,en`,
    ].join('\n');
    const IMPORT = `mutation($p: ID!, $csv: String!, $c: ID) { importParticipants(programId: $p, csv: $csv, commandId: $c) { imported alreadyEnrolled failed } }`;
    type Report = { importParticipants: { imported: number; alreadyEnrolled: number; failed: number } };
    const commandId = uniqueName('import');
    const first = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: commandId });
    expect(first.data?.importParticipants).toEqual({ imported: 2, alreadyEnrolled: 0, failed: 0 });
    // The process died after enrolling everyone and before it stored the report: the report is not there.
    await h.db.connection.collection('import_reports').deleteMany({ programId });
    const retried = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: commandId });
    expect(retried.data).toEqual(first.data);
    // Another upload of the same file is still told that they are enrolled already.
    const reupload = await h.gql<Report>(manager, IMPORT, { p: programId, csv, c: uniqueName('import') });
    expect(reupload.data?.importParticipants).toEqual({ imported: 0, alreadyEnrolled: 2, failed: 0 });
  });

  it('answers a page of 100 participants, or 100 entity lookups, with a constant number of database queries', async () => {
    const csv = [
      'person_id,email,display_name,roles,timezone,languages,skills_offered',
      ...Array.from(
        { length: 100 },
        (_, i) => `bulk-${i}-${h.tenantId},bulk${i}@example.org,Bulk Mentor ${i},mentor,Europe/Oslo,en,go:3`,
      ),
    ].join('\n');
    const imported = await h.gql<{ importParticipants: { imported: number } }>(
      manager,
      `mutation($p: ID!, $csv: String!) { importParticipants(programId: $p, csv: $csv) { imported } }`,
      { p: programId, csv },
    );
    expect(imported.data?.importParticipants.imported).toBe(100);
    const appClient = h.app.get<Connection>(MONGO_CONNECTION).getClient();
    const commands: string[] = [];
    // Only reads of the request: the outbox relay polls `commits` in the background on the same client.
    const requestCollections = new Set(['participants', 'programs', 'person_keys']);
    const listener = (event: { commandName: string; command: { find?: unknown } }) => {
      if (event.commandName === 'find' && requestCollections.has(String(event.command.find))) {
        commands.push(String(event.command.find));
      }
    };
    appClient.on('commandStarted', listener);
    const queriesFor = async (query: string, variables: Record<string, unknown>, size: number) => {
      // Cold key cache each time, so both sizes pay for the same lookups.
      h.app.get(PersonKeyStore).clearCache();
      commands.length = 0;
      const result = await h.gql<Record<string, unknown>>(manager, query, variables);
      expect(result.errors).toBeUndefined();
      expect(JSON.stringify(result.data).match(/"displayName"/g)?.length ?? 0).toBe(size);
      return commands.length;
    };
    try {
      const page = `query($p: ID!, $n: Int!) { program(id: $p) { participants(first: $n, filter: { role: MENTOR }) { edges { node { displayName email skillsOffered { skill level } availability { day } } } } } }`;
      const small = await queriesFor(page, { p: programId, n: 10 }, 10);
      const large = await queriesFor(page, { p: programId, n: 100 }, 100);
      expect(large).toBe(small);
      expect(large).toBeLessThanOrEqual(6);
      const ids = (n: number) =>
        Array.from({ length: n }, (_, i) => ({
          __typename: 'Participant',
          id: participantIdFor(programId, `bulk-${i}-${h.tenantId}`),
        }));
      const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { displayName languages } } }`;
      const fewLookups = await queriesFor(entities, { r: ids(10) }, 10);
      const manyLookups = await queriesFor(entities, { r: ids(100) }, 100);
      expect(manyLookups).toBe(fewLookups);
    } finally {
      appClient.off('commandStarted', listener);
    }
  });

  it('refuses every change to an archived program', async () => {
    const created = await h.gql<{ createProgram: { id: string } }>(admin, CREATE, { name: 'Old program' });
    const oldId = created.data!.createProgram.id;
    await h.gql(admin, `mutation($p: ID!) { archiveProgram(programId: $p) { status } }`, { p: oldId });
    const edit = await h.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, { p: oldId });
    expect(edit.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(edit.errors?.[0]?.message).toMatch(/archived/);
  });

  it('keeps a survey threshold of at least 3 and a conversation retention of 30 to 3650 days, or none', async () => {
    const change = (settings: Record<string, unknown>) =>
      h.gql<{
        changeProgramSettings: {
          settings: { surveyResultThreshold: number; conversationRetentionDays: number | null };
        };
      }>(
        manager,
        `mutation($p: ID!, $s: ProgramSettingsInput!) { changeProgramSettings(programId: $p, settings: $s) {
          settings { surveyResultThreshold conversationRetentionDays } } }`,
        { p: programId, s: settings },
      );
    for (const [settings, field, message] of [
      [{ surveyResultThreshold: 2 }, 'surveyResultThreshold', /at least 3 respondents/],
      [{ conversationRetentionDays: 10 }, 'conversationRetentionDays', /30 to 3650 days/],
      [{ conversationRetentionDays: 4000 }, 'conversationRetentionDays', /30 to 3650 days/],
    ] as const) {
      const refused = await change(settings);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refused.errors?.[0]?.message).toMatch(message);
    }
    expect((await change({ conversationRetentionDays: 90 })).data?.changeProgramSettings.settings).toEqual({
      surveyResultThreshold: 5,
      conversationRetentionDays: 90,
    });
    // Leaving the retention out keeps it; null clears it.
    expect((await change({ surveyResultThreshold: 4 })).data?.changeProgramSettings.settings).toEqual({
      surveyResultThreshold: 4,
      conversationRetentionDays: 90,
    });
    expect((await change({ conversationRetentionDays: null })).data?.changeProgramSettings.settings).toEqual({
      surveyResultThreshold: 4,
      conversationRetentionDays: null,
    });
    expect((await change({ conversationRetentionDays: 180 })).errors).toBeUndefined();
  });

  it('duplicates a program with its questionnaire but without its people', async () => {
    const copy = await h.gql<{
      duplicateProgram: {
        id: string;
        questionnaire: Array<{ questionId: string }>;
        participants: { totalCount: number };
        settings: { surveyResultThreshold: number; conversationRetentionDays: number | null };
      };
    }>(
      admin,
      `mutation($p: ID!) { duplicateProgram(programId: $p, name: "Autumn") { id questionnaire { questionId } participants { totalCount }
        settings { surveyResultThreshold conversationRetentionDays } } }`,
      { p: programId },
    );
    expect(copy.errors).toBeUndefined();
    expect(copy.data?.duplicateProgram.settings).toEqual({ surveyResultThreshold: 4, conversationRetentionDays: 180 });
    expect(copy.data?.duplicateProgram.questionnaire.map((q) => q.questionId)).toEqual(['area', 'hope']);
    expect(copy.data?.duplicateProgram.participants.totalCount).toBe(0);
  });

  it('publishes ids, tags and numbers only, and feeds the memberships projection other services use', async () => {
    const kafka = createTestKafka();
    const contracts = new ContractRegistry(profilesContracts);
    const definition = membershipsProjection(uniqueName('test'));
    const runner = projectionRunner(
      kafka,
      h.db.connection,
      {
        ...definition,
        collection: 'test_memberships',
        // Other files' events written since this file began pass by too; this copy follows only this test's organization.
        apply: (e: EventEnvelope, rows: Parameters<typeof definition.apply>[1]) =>
          e.tenantId === h.tenantId ? definition.apply(e, rows) : Promise.resolve(),
      },
      {
        contracts,
        logger: createLogger('test', { level: 'error' }),
        status: new ConsumerStatusRegistry(),
        fromBeginning: true,
      },
    );
    const scanGroup = uniqueName('scan');
    const offsets = kafka.admin();
    await offsets.connect();
    for (const groupId of [definition.name, scanGroup]) {
      if (topicStart.length) await offsets.setOffsets({ groupId, topic: PROFILES_TOPIC, partitions: topicStart });
    }
    await offsets.disconnect();
    const seen: EventEnvelope[] = [];
    const consumer = kafka.consumer({ groupId: scanGroup });
    await consumer.connect();
    await consumer.subscribe({ topic: PROFILES_TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (envelope.tenantId === h.tenantId) seen.push(envelope);
      },
    });
    await runner.start();
    try {
      const directory = new MembershipDirectory(h.db.connection, 'test_memberships');
      await waitUntil(
        async () =>
          (await directory.membership(h.tenantId, programId, mentor.personId))?.roles.includes('mentor') === true,
      );
      // The manager's row comes from the program's stream, the mentor's from the participant's: either may land first.
      await waitUntil(
        async () =>
          (await directory.membership(h.tenantId, programId, manager.personId))?.roles.includes('manager') === true,
      );
      expect(await directory.membership(h.tenantId, programId, manager.personId)).toMatchObject({ roles: ['manager'] });
      expect(await directory.membership('another-org', programId, mentor.personId)).toBeNull();
      await waitUntil(async () => seen.some((e) => e.type === 'ParticipantEnrolled'));
      const text = JSON.stringify(seen);
      for (const secret of ['Mia Mentee', 'mia.mentee@example.org', 'Where do you want to grow', 'Spring', 'Grow']) {
        expect(text).not.toContain(secret);
      }
    } finally {
      await runner.stop();
      await consumer.disconnect();
    }
  });
});
