import { renderDigest } from '@trellis/notifications/domain';
import type { Logger } from '@trellis/shared/observability';
import type { Contact, ContactsClient } from '../core/contacts.client';
import type { Mailer } from '../core/mailer';
import type { DigestRow, NotificationsStore } from '../core/notifications-store';
import { type RetryBackoff, retryDelayMs } from './retry-backoff';
import { unsubscribeLink } from './unsubscribe-link';

export interface DigestSenderOptions {
  store: NotificationsStore;
  mailer: Mailer;
  contacts: ContactsClient;
  logger: Logger;
  appUrl: string;
  publicUrl: string;
  unsubscribeSecret: string;
  retry: RetryBackoff;
}

/** Sends the digests that are due: the emails folded into one person's digest (see EmailSender.fold), in one email. */
export class DigestSender {
  constructor(private readonly o: DigestSenderOptions) {}

  async sendDue(now: Date): Promise<void> {
    const due = await this.o.store.digests
      .find({ state: { $in: ['pending', 'closed'] }, dueAt: { $lte: now } })
      .limit(50)
      .toArray();
    for (const digest of due) await this.send(digest, now);
  }

  private async send(digest: DigestRow, now: Date): Promise<void> {
    const { store } = this.o;
    if (digest.state === 'pending') {
      await store.digests.updateOne({ _id: digest._id, state: 'pending' }, { $set: { state: 'closed' } });
    }
    const retry = async (error: unknown) => {
      const attempts = digest.attempts + 1;
      const dueAt = new Date(now.getTime() + retryDelayMs(this.o.retry, attempts));
      await store.digests.updateOne({ _id: digest._id }, { $set: { dueAt, attempts } });
      this.o.logger.warn({ digestId: digest._id, err: error }, 'digest retry scheduled');
    };
    let contact: Contact | null = null;
    try {
      contact = digest.programId
        ? await this.o.contacts.contact(digest.tenantId, digest.programId, digest.personId)
        : null;
    } catch (error) {
      return void (await retry(error));
    }
    if (!contact) return void (await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'dropped' } }));
    const entries = await store.digestEntries.find({ digestId: digest._id }).sort({ createdAt: 1 }).toArray();
    const first = entries[0];
    if (!first) return void (await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'sent' } }));
    const unsubscribeUrl = unsubscribeLink(
      this.o.publicUrl,
      this.o.unsubscribeSecret,
      digest.tenantId,
      digest.personId,
      first.category,
    );
    const rendered = renderDigest(
      entries,
      { timeZone: contact.timezone, displayName: contact.displayName, appUrl: this.o.appUrl },
      unsubscribeUrl,
    );
    try {
      await this.o.mailer.send({ deliveryId: digest._id, to: contact.email, ...rendered, unsubscribeUrl });
    } catch (error) {
      return void (await retry(error));
    }
    await store.digests.updateOne({ _id: digest._id }, { $set: { state: 'sent', sentAt: new Date() } });
  }
}
