import { createHash } from 'node:crypto';
import {
  NOTIFICATIONS_TOPIC,
  notificationsContracts,
  notificationStreamId,
  type NotificationsEventData,
  type NotificationsEventType,
  webhookStreamId,
} from '@trellis/notifications/contracts';
import { ContractRegistry, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import { currentCorrelation, newCorrelationId } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import { GroupCommit } from './group-commit';

export interface Announcement<T extends NotificationsEventType = NotificationsEventType> {
  tenantId: string;
  type: T;
  data: NotificationsEventData<T>;
  key: string;
}

/**
 * Publishes on notifications.events.v1 (the gateway's live inbox feed). This service is not event-sourced: envelopes
 * carry revision 1 and a deterministic id, so a republish after a crash is recognisable as the same event.
 */
export class Announcer {
  private readonly publisher: EventPublisher;
  /** The idempotent producer sends one request at a time: announcements made at once share one send. */
  private readonly batched = new GroupCommit<EventEnvelope, void>(async (envelopes) => {
    await this.publisher.publish([{ topic: this.topic, envelopes }]);
    return envelopes.map(() => undefined);
  });

  constructor(
    kafka: Kafka,
    private readonly topic = NOTIFICATIONS_TOPIC,
  ) {
    this.publisher = new EventPublisher(kafka, new ContractRegistry(notificationsContracts));
  }

  connect(): Promise<void> {
    return this.publisher.connect();
  }

  disconnect(): Promise<void> {
    return this.publisher.disconnect();
  }

  async announce<T extends NotificationsEventType>(
    tenantId: string,
    type: T,
    data: NotificationsEventData<T>,
    key: string,
  ): Promise<void> {
    await this.announceMany([{ tenantId, type, data, key }]);
  }

  /** Resolves once the broker has acknowledged every one (sent together with others made at the same time). */
  async announceMany(announcements: Announcement[]): Promise<void> {
    await this.batched.add(announcements.map((a) => this.envelope(a)));
  }

  private envelope({ tenantId, type, data, key }: Announcement): EventEnvelope {
    const streamId =
      type === 'WebhookEndpointDisabled'
        ? webhookStreamId((data as { webhookId: string }).webhookId)
        : notificationStreamId((data as { recipientPersonId: string }).recipientPersonId);
    const correlation = currentCorrelation();
    return {
      id: createHash('sha256').update(`${type}|${key}`).digest('hex').slice(0, 32),
      type,
      schemaVersion: 1,
      streamId,
      streamType: 'notifications',
      revision: 1,
      occurredAt: new Date().toISOString(),
      tenantId,
      correlationId: correlation?.correlationId ?? newCorrelationId(),
      ...(correlation?.causationId ? { causationId: correlation.causationId } : {}),
      data: data as unknown as Record<string, unknown>,
    };
  }
}
