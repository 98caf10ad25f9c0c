import { EventStore } from '@trellis/shared/event-store';
import { createTestDatabase, type TestDatabase } from '@trellis/shared/testing';
import { ERASED, PersonKeyStore } from './person-keys';

describe('crypto-shredding on the real MongoDB-protocol server', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('privacy');
  });
  afterAll(() => db.drop());

  async function everythingStored(): Promise<string> {
    const collections = await db.connection.db!.listCollections().toArray();
    const dumps = await Promise.all(
      collections.map(async (c) => JSON.stringify(await db.connection.collection(c.name).find({}).toArray())),
    );
    return dumps.join('\n');
  }

  it('makes a person’s encrypted fields unreadable in every stored commit after shred, and leaves others intact', async () => {
    const keys = new PersonKeyStore(db.connection);
    const store = new EventStore(db.connection);
    await store.ensureIndexes();
    await db.connection.collection('person_keys').createIndex({ tenantId: 1 });
    const marker = 'MARKER-bio-7f3a9c wants to move into data engineering';
    const otherMarker = 'OTHER-person-goal-5521';
    for (const [personId, text] of [
      ['person-a', marker],
      ['person-b', otherMarker],
    ] as const) {
      await store.append({
        streamId: `participant-${personId}`,
        streamType: 'participant',
        expected: 'no-stream',
        events: [{ type: 'ParticipantProfileUpdated', data: { bio: await keys.encrypt('org-1', personId, text) } }],
        meta: { tenantId: 'org-1', correlationId: 'c' },
        commitId: `profile-${personId}`,
      });
    }
    // Encrypted at rest from the start: the plaintext never reaches the database.
    expect(await everythingStored()).not.toContain('MARKER-bio');
    const [before] = await store.readStream('participant-person-a');
    expect(await keys.decrypt((before!.data as { bio: never }).bio)).toBe(marker);

    await keys.shred('person-a');
    const fresh = new PersonKeyStore(db.connection); // another instance, nothing cached
    const [after] = await store.readStream('participant-person-a');
    expect(await fresh.decrypt((after!.data as { bio: never }).bio)).toBe(ERASED);
    expect(await db.connection.collection('person_keys').countDocuments({ _id: 'person-a' } as never)).toBe(0);
    const [other] = await store.readStream('participant-person-b');
    expect(await fresh.decrypt((other!.data as { bio: never }).bio)).toBe(otherMarker);
  });

  it('shreds one scope’s keys alone, and a person’s scoped keys with the person', async () => {
    const keys = new PersonKeyStore(db.connection);
    const inA = await keys.encryptScoped('org-1', 'person-e', 'conversation-a', 'in A by E');
    const inAbyF = await keys.encryptScoped('org-1', 'person-f', 'conversation-a', 'in A by F');
    const inB = await keys.encryptScoped('org-1', 'person-e', 'conversation-b', 'in B by E');
    const own = await keys.encrypt('org-1', 'person-e', 'E’s bio');
    expect(await keys.decrypt(inA)).toBe('in A by E');

    expect(await keys.shredScope('conversation-a')).toBe(2);
    const fresh = new PersonKeyStore(db.connection);
    expect(await keys.decrypt(inA)).toBe(ERASED);
    expect(await fresh.decrypt(inAbyF)).toBe(ERASED);
    expect(await fresh.decrypt(inB)).toBe('in B by E');
    expect(await fresh.decrypt(own)).toBe('E’s bio');
    // A scoped ciphertext cannot pass for one of the person's own key or of another scope.
    await expect(fresh.decrypt({ ...inB, keyId: undefined } as never)).rejects.toThrow();

    await keys.shred('person-e');
    const later = new PersonKeyStore(db.connection);
    expect(await later.decrypt(inB)).toBe(ERASED);
    expect(await later.decrypt(own)).toBe(ERASED);
  });

  it('detects a ciphertext moved to another person’s record', async () => {
    const keys = new PersonKeyStore(db.connection);
    const field = await keys.encrypt('org-1', 'person-c', 'private note');
    await keys.encrypt('org-1', 'person-d', 'x');
    await expect(keys.decrypt({ ...field, personId: 'person-d' })).rejects.toThrow();
  });

  it('creates many keys with one insert and keeps the key another writer stored first', async () => {
    const first = new PersonKeyStore(db.connection);
    const second = new PersonKeyStore(db.connection);
    const sealedEarlier = await first.encrypt('org-1', 'bulk-1', 'written before the bulk call');
    const ids = ['bulk-1', ...Array.from({ length: 30 }, (_, i) => `bulk-${i + 2}`)];
    // Two instances racing on the same people: each person ends up with exactly one stored key, used by both.
    await Promise.all([first.ensureKeys('org-1', ids), second.ensureKeys('org-1', ids)]);
    expect(await db.connection.collection('person_keys').countDocuments({ _id: { $in: ids } } as never)).toBe(31);
    expect(await second.decrypt(sealedEarlier)).toBe('written before the bulk call');
    for (const id of ids) {
      const sealed = await second.encrypt('org-1', id, `note of ${id}`);
      expect(await new PersonKeyStore(db.connection).decrypt(sealed)).toBe(`note of ${id}`);
      expect(await first.decrypt(sealed)).toBe(`note of ${id}`);
    }
  });
});
