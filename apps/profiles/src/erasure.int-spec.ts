import { createDecipheriv, randomBytes } from 'node:crypto';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import { participantIdFor } from '@trellis/profiles/domain';
import { projectionRunner, rebuildProjection } from '@trellis/shared/event-store';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
import { ConsumerStatusRegistry, ContractRegistry, type EventEnvelope } from '@trellis/shared/messaging';
import { createLogger } from '@trellis/shared/observability';
import { isEncryptedField } from '@trellis/shared/privacy';
import { createTestKafka, uniqueName, waitUntil } from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import mongoose from 'mongoose';
import { ProfilesReadModels } from './core/read-models';
import { profileInput, type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

/**
 * Erasure by crypto-shredding (docs/architecture.md §7): plant marker strings in a person's profile, erase the person,
 * rebuild every projection, then scan every MongoDB database and every Kafka topic: no marker may be readable anywhere.
 */
describe('erasure on request', () => {
  let h: ProfilesHarness;
  let kafka: Kafka;

  beforeAll(async () => {
    h = await startProfilesHarness();
    kafka = createTestKafka();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('leaves no readable trace of the person in any database or topic', async () => {
    const marker = (field: string) => `MARK${field}${randomBytes(6).toString('hex')}`;
    const markers = {
      name: marker('name'),
      email: `${marker('mail').toLowerCase()}@example.org`,
      headline: marker('head'),
      bio: marker('bio'),
      goals: marker('goals'),
      answer: marker('answer'),
    };
    const admin = h.person('admin', true);
    const person = h.person('erasable');
    const programs: string[] = [];
    // Another service's copy of memberships, fed from the topic like every consumer. The shared topic holds every
    // earlier test's events too: its group starts where the topic ends now, so it reads only what this test writes
    // (reading thousands of others' events first outlasted the waits); the rebuild below reads all of it.
    const contracts = new ContractRegistry(profilesContracts);
    const definition = membershipsProjection(uniqueName('erasure'));
    const memberships = {
      ...definition,
      collection: 'erasure_memberships',
      apply: (e: EventEnvelope, rows: Parameters<typeof definition.apply>[1]) =>
        e.tenantId === h.tenantId ? definition.apply(e, rows) : Promise.resolve(),
    };
    await startGroupAtTopicEnd(kafka, definition.name, PROFILES_TOPIC);
    for (const name of ['Erasure one', 'Erasure two']) {
      const created = await h.gql<{ createProgram: { id: string } }>(
        admin,
        `mutation($n: String!) { createProgram(name: $n) { id } }`,
        { n: name },
      );
      const programId = created.data!.createProgram.id;
      programs.push(programId);
      await h.gql(
        admin,
        `mutation($p: ID!, $q: [QuestionInput!]!) { defineQuestionnaire(programId: $p, questions: $q) { id } }`,
        {
          p: programId,
          q: [{ questionId: 'hope', kind: 'SHORT_TEXT', text: 'What do you hope for?', usedForMatching: false }],
        },
      );
      await h.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, { p: programId });
      const enrolled = await h.gql(
        person,
        `mutation($p: ID!, $profile: ProfileInput!) { enroll(programId: $p, roles: [MENTEE], profile: $profile) { id } }`,
        {
          p: programId,
          profile: profileInput(markers.name, {
            email: markers.email,
            headline: markers.headline,
            bio: markers.bio,
            goals: markers.goals,
            answers: [{ questionId: 'hope', text: markers.answer }],
          }),
        },
      );
      expect(enrolled.errors).toBeUndefined();
    }

    const runner = projectionRunner(kafka, h.db.connection, memberships, {
      contracts,
      logger: createLogger('test', { level: 'error' }),
      status: new ConsumerStatusRegistry(),
    });
    await runner.start();
    const directory = new MembershipDirectory(h.db.connection, memberships.collection);
    try {
      await waitUntil(async () => (await directory.membership(h.tenantId, programs[1]!, person.personId)) !== null);
      // Before erasure the markers are readable through the API (so the scan below could find them if they leaked).
      const before = await h.gql(person, `{ me { participations { displayName bio } } }`);
      expect(JSON.stringify(before)).toContain(markers.bio);

      const erased = await h.gql<{ erasePersonData: { participationsErased: number } }>(
        person,
        `mutation($id: ID!) { erasePersonData(personId: $id) { participationsErased } }`,
        { id: person.personId },
      );
      expect(erased.data?.erasePersonData.participationsErased).toBe(2);
      await waitUntil(async () => (await directory.membership(h.tenantId, programs[1]!, person.personId)) === null);
    } finally {
      await runner.stop();
    }

    // Rebuild every projection from history: profiles' own from the commits, memberships from the topic.
    const readModels = h.app.get(ProfilesReadModels);
    await readModels.rebuild();
    await rebuildProjection(kafka, h.db.connection, memberships, contracts);
    expect(await directory.membership(h.tenantId, programs[0]!, person.personId)).toBeNull();
    const row = await readModels.participants.findOne({ _id: participantIdFor(programs[0]!, person.personId) });
    expect(row).toMatchObject({ erased: true });
    expect(JSON.stringify(row)).not.toContain('enc');

    const after = await h.gql(person, `{ me { participations { displayName } } }`);
    expect(after.data).toEqual({ me: { participations: [] } });

    const needles = Object.values(markers);
    expect(await scanMongo(needles)).toEqual([]);
    expect(await scanKafka(kafka, needles)).toEqual([]);
  });
});

async function startGroupAtTopicEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    await admin.setOffsets({
      groupId,
      topic,
      partitions: ends.map((p) => ({ partition: p.partition, offset: p.high })),
    });
  } finally {
    await admin.disconnect();
  }
}

async function scanMongo(needles: string[]): Promise<string[]> {
  const client = new mongoose.mongo.MongoClient(process.env['TRELLIS_MONGO_URL'] ?? 'mongodb://127.0.0.1:27017');
  await client.connect();
  const found: string[] = [];
  try {
    const { databases } = await client.db('admin').admin().listDatabases();
    for (const { name } of databases) {
      const db = client.db(name);
      const collections = (await db.listCollections().toArray()).map((c) => c.name);
      // "Readable" includes ciphertext whose key is still there: decrypt whatever this database can decrypt.
      const keys = new Map<string, Buffer>();
      if (collections.includes('person_keys')) {
        for await (const key of db.collection<{ _id: string; key: { buffer: Uint8Array } }>('person_keys').find({})) {
          keys.set(key._id, Buffer.from(key.key.buffer));
        }
      }
      for (const collection of collections) {
        for await (const doc of db.collection(collection).find({})) {
          const text = JSON.stringify(doc) + readableCiphertext(doc, keys).join(' ');
          for (const needle of needles) if (text.includes(needle)) found.push(`${name}.${collection}: ${needle}`);
        }
      }
    }
  } finally {
    await client.close();
  }
  return found;
}

function readableCiphertext(value: unknown, keys: Map<string, Buffer>): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (isEncryptedField(value)) {
    const key = keys.get(value.personId);
    if (!key) return [];
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64'));
    decipher.setAAD(Buffer.from(value.personId));
    decipher.setAuthTag(Buffer.from(value.tag, 'base64'));
    return [Buffer.concat([decipher.update(Buffer.from(value.ct, 'base64')), decipher.final()]).toString('utf8')];
  }
  return Object.values(value).flatMap((nested) => readableCiphertext(nested, keys));
}

async function scanKafka(kafka: Kafka, needles: string[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  const topics = (await admin.listTopics()).filter((t) => !t.startsWith('__'));
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
  }
  await admin.disconnect();
  const found: string[] = [];
  if (remaining.size === 0) return found;
  const groupId = uniqueName('erasure-scan');
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topics: topics, fromBeginning: true });
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      const key = `${batch.topic}:${batch.partition}`;
      for (const message of batch.messages) {
        const text = `${message.value?.toString() ?? ''}${JSON.stringify(message.headers ?? {})}`;
        for (const needle of needles) if (text.includes(needle)) found.push(`${batch.topic}: ${needle}`);
      }
      const high = remaining.get(key);
      if (high !== undefined && BigInt(batch.lastOffset()) + 1n >= high) remaining.delete(key);
      if (remaining.size === 0) done();
    },
  });
  await Promise.race([finished, new Promise((r) => setTimeout(r, 120_000))]);
  await consumer.disconnect();
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([groupId]).catch(() => undefined);
  await cleanup.disconnect();
  if (remaining.size > 0) found.push(`scan incomplete: ${[...remaining.keys()].join(', ')}`);
  return found;
}
