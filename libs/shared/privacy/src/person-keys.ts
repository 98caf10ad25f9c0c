import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { insertNewDocuments } from '@trellis/shared/event-store';
import type { Collection, Connection } from 'mongoose';
import { mongo } from 'mongoose';

const { Binary } = mongo;
type Binary = InstanceType<typeof mongo.Binary>;

interface PersonKeyDocument {
  _id: string;
  tenantId: string;
  key: Binary;
  createdAt: Date;
}

/**
 * Free text about a person, stored encrypted in an event store: AES-256-GCM with that person's own data key.
 * Shredding the key makes every copy (commits, backups, replays) unreadable without rewriting history.
 */
export interface EncryptedField {
  /** Format marker; also lets readers tell encrypted from plain values. */
  enc: 'aes-256-gcm:v1';
  personId: string;
  iv: string;
  tag: string;
  ct: string;
}

export const ERASED = '[erased]';

export function isEncryptedField(value: unknown): value is EncryptedField {
  return typeof value === 'object' && value !== null && (value as { enc?: unknown }).enc === 'aes-256-gcm:v1';
}

export class PersonKeyStore {
  private readonly keys: Collection<PersonKeyDocument>;
  private readonly cache = new Map<string, Buffer>();

  constructor(connection: Connection, collectionName = 'person_keys') {
    this.keys = connection.collection<PersonKeyDocument>(collectionName) as unknown as Collection<PersonKeyDocument>;
  }

  private async keyFor(tenantId: string, personId: string, create: boolean): Promise<Buffer | undefined> {
    const cached = this.cache.get(personId);
    if (cached) return cached;
    const found = await this.keys.findOne({ _id: personId });
    if (found) {
      const key = Buffer.from(found.key.buffer);
      this.cache.set(personId, key);
      return key;
    }
    if (!create) return undefined;
    const key = randomBytes(32);
    try {
      await this.keys.insertOne({ _id: personId, tenantId, key: new Binary(key), createdAt: new Date() });
    } catch (error) {
      // Another writer created this person's key first: use theirs.
      if ((error as { code?: number }).code === 11000) return this.keyFor(tenantId, personId, false);
      throw error;
    }
    this.cache.set(personId, key);
    return key;
  }

  async encrypt(tenantId: string, personId: string, plaintext: string): Promise<EncryptedField> {
    const key = await this.keyFor(tenantId, personId, true);
    if (!key) throw new Error(`No data key for ${personId}`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The person id is authenticated data: a field cannot be moved to another person's record unnoticed.
    cipher.setAAD(Buffer.from(personId));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      enc: 'aes-256-gcm:v1',
      personId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
  }

  /** The plaintext, or `[erased]` once the person's key has been shredded. */
  async decrypt(field: EncryptedField): Promise<string> {
    const key = await this.keyFor('', field.personId, false);
    if (!key) return ERASED;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'));
    decipher.setAAD(Buffer.from(field.personId));
    decipher.setAuthTag(Buffer.from(field.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(field.ct, 'base64')), decipher.final()]).toString('utf8');
  }

  /**
   * Loads the keys of many people with one query, so opening a page of profiles costs one round trip rather than one
   * per person. People without a key (never had one, or shredded) are simply not cached.
   */
  async preload(personIds: Iterable<string>): Promise<void> {
    const missing = [...new Set(personIds)].filter((id) => !this.cache.has(id));
    if (missing.length === 0) return;
    for (const found of await this.keys.find({ _id: { $in: missing } }).toArray()) {
      this.cache.set(found._id, Buffer.from(found.key.buffer));
    }
  }

  /**
   * Makes sure many people have a data key, with one read for those not cached and one unordered insert for those
   * without a key, instead of a round trip or two per person. A key another writer created meanwhile wins: the
   * duplicates are read back, so everyone encrypts with the key that is stored.
   */
  async ensureKeys(tenantId: string, personIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(personIds)];
    await this.preload(ids);
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length === 0) return;
    const created = missing.map((personId) => ({
      _id: personId,
      tenantId,
      key: new Binary(randomBytes(32)),
      createdAt: new Date(),
    }));
    const taken = await insertNewDocuments(this.keys, created);
    for (const [index, doc] of created.entries()) {
      if (!taken.has(index)) this.cache.set(doc._id, Buffer.from(doc.key.buffer));
    }
    if (taken.size > 0) await this.preload(created.filter((_, index) => taken.has(index)).map((doc) => doc._id));
  }

  /** Crypto-shredding: deletes the person's key; every field encrypted with it becomes unreadable for good. */
  async shred(personId: string): Promise<void> {
    this.cache.delete(personId);
    await this.keys.deleteOne({ _id: personId });
  }

  /** Forgets cached keys, e.g. after another instance shredded one. */
  clearCache(): void {
    this.cache.clear();
  }
}
