import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { FeedEvent } from '@trellis/gateway/supergraph';
import type { Principal } from '@trellis/shared/auth';
import {
  deleteInstanceGroup,
  eventEnvelopeSchema,
  groupJoined,
  waitForGroupCoordinator,
} from '@trellis/shared/messaging';
import type { Logger } from '@trellis/shared/observability';
import type { Consumer, Kafka } from 'kafkajs';
import { isDeliverable, personsNamed } from './person-events';
import { PushIterator } from './push-iterator';

interface Listener {
  principal: Principal;
  types?: readonly string[];
  iterator: PushIterator<FeedEvent>;
}

const listenerKey = (tenantId: string, personId: string): string => `${tenantId}\u0000${personId}`;

/**
 * Live events for subscriptions: one Kafka consumer per gateway instance (its own group, starting at the latest
 * offset, so every instance sees every event) reading the services' integration topics, handing each event to the
 * connected subscribers of its organization it concerns. Nothing is committed or replayed: it is a live feed; what a
 * client missed while disconnected it reads with a query. Subscribers are kept by organization and person, so an
 * event costs a look-up per person it names, not a check of every subscriber of its organization (a large program
 * keeps thousands of them connected).
 */
export class EventFeed {
  private readonly groupId = `gateway.subscriptions.${os.hostname()}.${randomUUID().slice(0, 8)}`;
  private readonly byPerson = new Map<string, Set<Listener>>();
  private consumer: Consumer | undefined;
  private subscribedTopics: string[] = [];
  private watcher: NodeJS.Timeout | undefined;
  private ready: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: readonly string[],
    private readonly logger: Logger,
    private readonly topicCheckMs = 15_000,
  ) {}

  listen(principal: Principal, types?: readonly string[]): PushIterator<FeedEvent> {
    const key = listenerKey(principal.tenantId, principal.personId);
    const listeners = this.byPerson.get(key) ?? new Set<Listener>();
    this.byPerson.set(key, listeners);
    const listener: Listener = {
      principal,
      types,
      iterator: new PushIterator<FeedEvent>(() => {
        listeners.delete(listener);
        if (listeners.size === 0) this.byPerson.delete(key);
      }),
    };
    listeners.add(listener);
    return listener.iterator;
  }

  get listenerCount(): number {
    let count = 0;
    for (const set of this.byPerson.values()) count += set.size;
    return count;
  }

  /** Resolves once the consumer has joined its group on every topic that exists. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  async start(): Promise<void> {
    await this.restartIfTopicsChanged();
    this.watcher = setInterval(() => {
      void this.restartIfTopicsChanged().catch((error: unknown) =>
        this.logger.warn({ err: error }, 'subscription feed could not refresh its topics'),
      );
    }, this.topicCheckMs);
    this.watcher.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.watcher);
    await this.stopConsumer();
    await deleteInstanceGroup(this.kafka, this.groupId);
  }

  deliver(event: FeedEvent): void {
    for (const personId of personsNamed(event.envelope.data)) {
      for (const listener of this.byPerson.get(listenerKey(event.envelope.tenantId, personId)) ?? []) {
        if (isDeliverable(event.envelope, listener.principal, listener.types)) listener.iterator.push(event);
      }
    }
  }

  private async restartIfTopicsChanged(): Promise<void> {
    if (this.stopped) return;
    const admin = this.kafka.admin();
    let existing: string[];
    try {
      await admin.connect();
      existing = await admin.listTopics();
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    const wanted = this.topics.filter((t) => existing.includes(t)).sort();
    if (wanted.join() === this.subscribedTopics.join() || wanted.length === 0) return;
    await this.stopConsumer();
    await waitForGroupCoordinator(this.kafka, this.groupId, this.logger);
    if (this.stopped) return;
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    this.ready = groupJoined(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: wanted, fromBeginning: false });
    await consumer.run({
      autoCommit: true,
      eachMessage: ({ topic, message }) => {
        if (!message.value) return Promise.resolve();
        try {
          const parsed = eventEnvelopeSchema.safeParse(JSON.parse(message.value.toString('utf8')));
          if (parsed.success) this.deliver({ topic, envelope: parsed.data });
        } catch {
          // Not an envelope: the producing service's own consumers dead-letter it; the live feed skips it.
        }
        return Promise.resolve();
      },
    });
    this.subscribedTopics = wanted;
    this.logger.info({ topics: wanted, group: this.groupId }, 'subscription feed consuming');
  }

  private async stopConsumer(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    this.subscribedTopics = [];
    if (consumer) await consumer.disconnect().catch(() => undefined);
  }
}
