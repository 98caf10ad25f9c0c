import { createHash, randomBytes } from 'node:crypto';
import { personFeedIcs, type SessionState } from '@trellis/sessions/domain';
import { isEncryptedField, type PersonKeyStore } from '@trellis/shared/privacy';
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
}

const hash = (token: string): string => createHash('sha256').update(token).digest('hex');
const MAX_FEED_SESSIONS = 500;

/**
 * A person's private calendar feed: a URL with an unguessable token that calendar apps poll without logging in.
 * The token is shown once; revoking retires every token of the person (a leaked URL then stops working).
 */
export class CalendarFeeds {
  private readonly feeds: Collection<FeedDocument>;

  constructor(
    connection: Connection,
    private readonly store: SessionsStore,
    private readonly readModels: SessionsReadModels,
    private readonly keys: PersonKeyStore,
    private readonly uidDomain: string,
  ) {
    this.feeds = connection.collection<FeedDocument>('calendar_feeds') as unknown as Collection<FeedDocument>;
  }

  async create(tenantId: string, personId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.feeds.insertOne({ _id: hash(token), tenantId, personId, createdAt: new Date(), revokedAt: null });
    return token;
  }

  async revokeAll(tenantId: string, personId: string): Promise<number> {
    const result = await this.feeds.updateMany(
      { tenantId, personId, revokedAt: null },
      { $set: { revokedAt: new Date() } },
    );
    return result.modifiedCount;
  }

  /** Erasure: the person's feed rows go altogether (revoked or not), not just their tokens. */
  async forget(tenantId: string, personId: string): Promise<number> {
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
