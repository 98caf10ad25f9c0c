import { createHash, randomBytes } from 'node:crypto';
import { personFeedIcs, type SessionState } from '@trellis/sessions/domain';
import { DomainError, isDuplicateKeyError } from '@trellis/shared/event-store';
import { ERASED, type EncryptedField, isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
import type { Collection, Connection } from 'mongoose';
import type { SessionsReadModels } from '../core/read-models';
import type { SessionsStore } from '../core/sessions-store';

interface FeedDocument {
  /** sha256 of the token: a database dump does not reveal working feed URLs. */
  _id: string;
  tenantId: string;
  personId: string;
  createdAt: Date;
  revokedAt: Date | null;
  /** The command that revoked it: a retried revocation counts what that command revoked, not what is left. */
  revokedBy?: string;
}

/**
 * The answer a `createCalendarFeed` with a command id gave: the token, sealed with the person's own data key (a token
 * is as private as the sessions it opens), so that a retry after a lost answer gets the same URL instead of a second
 * feed. Erasure deletes these with the feeds.
 */
interface FeedCommandDocument {
  /** `<tenantId>:<personId>:<commandId>`: a command id is the caller's own, never another person's. */
  _id: string;
  tenantId: string;
  personId: string;
  token: EncryptedField;
  createdAt: Date;
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');
const MAX_FEED_SESSIONS = 500;

/**
 * A person's private calendar feed: a URL with an unguessable token that calendar apps poll without logging in.
 * The token is shown once; revoking retires every token of the person (a leaked URL then stops working).
 */
export class CalendarFeeds {
  private readonly feeds: Collection<FeedDocument>;
  private readonly commands: Collection<FeedCommandDocument>;

  constructor(
    connection: Connection,
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly keys: PersonKeyStore,
    private readonly uidDomain: string,
  ) {
    this.feeds = connection.collection<FeedDocument>('calendar_feeds') as unknown as Collection<FeedDocument>;
    this.commands = connection.collection<FeedCommandDocument>(
      'calendar_feed_commands',
    ) as unknown as Collection<FeedCommandDocument>;
  }

  /** A new feed's token; with a command id, a retry of the same command answers the same token. */
  async create(tenantId: string, personId: string, commandId?: string): Promise<string> {
    if (commandId === undefined) {
      const token = randomBytes(32).toString('base64url');
      await this.insertFeed(tenantId, personId, token);
      return token;
    }
    const _id = `${tenantId}:${personId}:${commandId}`;
    const earlier = await this.commands.findOne({ _id });
    if (earlier) return this.answerAgain(earlier);
    const token = randomBytes(32).toString('base64url');
    try {
      // The answer first: a crash before the feed row is written leaves a retry the token to write it with.
      await this.commands.insertOne({
        _id,
        tenantId,
        personId,
        token: await this.keys.encrypt(tenantId, personId, token),
        createdAt: new Date(),
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const first = await this.commands.findOne({ _id });
      if (first) return this.answerAgain(first);
      throw error;
    }
    await this.insertFeed(tenantId, personId, token);
    return token;
  }

  private async answerAgain(command: FeedCommandDocument): Promise<string> {
    const token = await this.keys.decrypt(command.token);
    if (token === ERASED) throw new DomainError('NOT_FOUND', 'This calendar feed no longer exists.');
    await this.insertFeed(command.tenantId, command.personId, token, command.createdAt);
    return token;
  }

  /** The feed row of a token; one that is there already (a retry's) stays as it is, revoked or not. */
  private async insertFeed(tenantId: string, personId: string, token: string, createdAt = new Date()): Promise<void> {
    try {
      await this.feeds.insertOne({ _id: hash(token), tenantId, personId, createdAt, revokedAt: null });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  /**
   * Retires every feed of the person. With a command id the rows remember it, so a retry answers how many that
   * command revoked (the first answer) rather than 0.
   */
  async revokeAll(tenantId: string, personId: string, commandId?: string): Promise<number> {
    const result = await this.feeds.updateMany(
      { tenantId, personId, revokedAt: null },
      { $set: { revokedAt: new Date(), ...(commandId !== undefined ? { revokedBy: commandId } : {}) } },
    );
    if (commandId === undefined) return result.modifiedCount;
    return this.feeds.countDocuments({ tenantId, personId, revokedBy: commandId });
  }

  /** Erasure: the person's feed rows go altogether (revoked or not), not just their tokens, and so do the answers. */
  async forget(tenantId: string, personId: string): Promise<number> {
    await this.commands.deleteMany({ tenantId, personId });
    return (await this.feeds.deleteMany({ tenantId, personId })).deletedCount;
  }

  /** The feed's iCalendar text, or null for an unknown or revoked token (the caller answers 404 either way). */
  async render(token: string, now: Date = new Date()): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const feed = await this.feeds.findOne({ _id: hash(token) });
    if (!feed || feed.revokedAt) return null;
    const rows = await this.readModels.sessionsOf(feed.tenantId).find({ personIds: feed.personId });
    rows.sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const sessions = await Promise.all(
      rows.slice(0, MAX_FEED_SESSIONS).map((row) => this.store.loadSession(feed.tenantId, row._id)),
    );
    const entries = await Promise.all(
      sessions.map(async (session: SessionState) => {
        const title =
          session.title && isEncryptedField(session.title) ? await this.keys.decrypt(session.title) : undefined;
        const place =
          session.place && isEncryptedField(session.place) ? await this.keys.decrypt(session.place) : undefined;
        return {
          session,
          presentation: {
            summary: title ?? (session.kind === 'one-on-one' ? 'Mentoring session' : 'Group session'),
            ...(place ? { location: place } : {}),
            ...(place && session.mode === 'virtual' ? { url: place } : {}),
          },
        };
      }),
    );
    return personFeedIcs(feed.personId, entries, { uidDomain: this.uidDomain, now: now.toISOString() });
  }
}
