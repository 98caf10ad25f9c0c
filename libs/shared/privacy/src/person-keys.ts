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
  /** A scoped key's author and scope (see `scopedKeyId`); absent on a person's own key. */
  personId?: string;
  scope?: string;
}

/**
 * The id of a person's key for one scope, e.g. one conversation: text sealed with it can be shredded with the scope
 * (`shredScope`) while the person's other text stays readable, and still with the person (`shred`).
 */
export const scopedKeyId = (personId: string, scope: string): string => `${personId}@${scope}`;

/**
 * Free text about a person, stored encrypted in an event store: AES-256-GCM with that person's own data key.
 * Shredding the key makes every copy (commits, backups, replays) unreadable without rewriting history.
 */
export interface EncryptedField {
  /** Format marker; also lets readers tell encrypted from plain values. */
  enc: 'aes-256-gcm:v1';
  personId: string;
  /** The scoped key it was sealed with (`scopedKeyId`); absent when sealed with the person's own key. */
  keyId?: string;
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

  private async keyFor(
    tenantId: string,
    keyId: string,
    create: boolean,
    owner: { personId: string; scope: string } | undefined = undefined,
  ): Promise<Buffer | undefined> {
    const cached = this.cache.get(keyId);
    if (cached) return cached;
    const found = await this.keys.findOne({ _id: keyId });
    if (found) {
      const key = Buffer.from(found.key.buffer);
      this.cache.set(keyId, key);
      return key;
    }
    if (!create) return undefined;
    const key = randomBytes(32);
    try {
      await this.keys.insertOne({ _id: keyId, tenantId, key: new Binary(key), createdAt: new Date(), ...owner });
    } catch (error) {
      // Another writer created this key first: use theirs.
      if ((error as { code?: number }).code === 11000) return this.keyFor(tenantId, keyId, false);
      throw error;
    }
    this.cache.set(keyId, key);
    return key;
  }

  async encrypt(tenantId: string, personId: string, plaintext: string): Promise<EncryptedField> {
    return this.seal(tenantId, personId, undefined, plaintext);
  }

  /** Sealed with the person's key for `scope` (created on first use), which `shredScope` and `shred` both delete. */
  async encryptScoped(tenantId: string, personId: string, scope: string, plaintext: string): Promise<EncryptedField> {
    return this.seal(tenantId, personId, scope, plaintext);
  }

  private async seal(
    tenantId: string,
    personId: string,
    scope: string | undefined,
    plaintext: string,
  ): Promise<EncryptedField> {
    const keyId = scope === undefined ? personId : scopedKeyId(personId, scope);
    const key = await this.keyFor(tenantId, keyId, true, scope === undefined ? undefined : { personId, scope });
    if (!key) throw new Error(`No data key for ${keyId}`);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    // The key id (the person, and the scope if any) is authenticated data: a field cannot be moved unnoticed.
    cipher.setAAD(Buffer.from(keyId));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      enc: 'aes-256-gcm:v1',
      personId,
      ...(scope === undefined ? {} : { keyId }),
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
  }

  /** The plaintext, or `[erased]` once its key (the person's, or their scoped one) has been shredded. */
  async decrypt(field: EncryptedField): Promise<string> {
    const keyId = field.keyId ?? field.personId;
    const key = await this.keyFor('', keyId, false);
    if (!key) return ERASED;
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(field.iv, 'base64'));
    decipher.setAAD(Buffer.from(keyId));
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

  /**
   * Crypto-shredding: deletes the person's key and their scoped keys; every field encrypted with them becomes
   * unreadable for good.
   */
  async shred(personId: string): Promise<void> {
    this.forget((keyId) => keyId === personId || keyId.startsWith(`${personId}@`));
    await this.keys.deleteOne({ _id: personId });
    await this.keys.deleteMany({ personId });
  }

  /** Crypto-shredding of one scope: deletes every person's key for it (e.g. all keys of one conversation). */
  async shredScope(scope: string): Promise<number> {
    this.forget((keyId) => keyId.endsWith(`@${scope}`));
    const { deletedCount } = await this.keys.deleteMany({ scope });
    return deletedCount;
  }

  private forget(matches: (keyId: string) => boolean): void {
    for (const keyId of [...this.cache.keys()]) if (matches(keyId)) this.cache.delete(keyId);
  }

  /** Forgets cached keys, e.g. after another instance shredded one. */
  clearCache(): void {
    this.cache.clear();
  }
}
