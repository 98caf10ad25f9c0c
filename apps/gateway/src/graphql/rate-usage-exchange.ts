import { randomUUID } from 'node:crypto';
import os from 'node:os';
import {
  deleteInstanceGroup,
  ensureTopics,
  groupJoined,
  waitForGroupCoordinator,
  type TopicSettings,
} from '@trellis/shared/messaging';
import type { Logger } from '@trellis/shared/observability';
import { ConfigResourceTypes, type Consumer, type Kafka, type Producer } from 'kafkajs';
import { z } from 'zod';
import type { RateLimiter } from './rate-limiter';

export const RATE_USAGE_TOPIC = 'gateway.rate-usage.v1';

const usageMessageSchema = z.object({
  instanceId: z.string().min(1),
  taken: z.record(z.string(), z.number().positive()),
});
type UsageMessage = z.infer<typeof usageMessageSchema>;

export interface RateUsageExchangeOptions {
  topic?: string;
  /** How often an instance tells the others what it admitted; the limit's slack across instances grows with it. */
  syncMs?: number;
  topicSettings: Pick<TopicSettings, 'partitions' | 'replication'>;
}

/**
 * Makes the per-person rate limit hold across gateway instances through the broker the stack already runs, with no
 * store read per request: every `syncMs` an instance publishes the tokens each person took from it since its last
 * message, and charges what the others published to its own buckets. Each bucket thus sees every instance's use,
 * late by at most `syncMs` plus delivery, so N instances admit a person's rate plus at most what the others admitted
 * in that delay — not N times the rate. The topic holds signals for minutes, not history; each instance reads it in
 * its own group from the latest offset. With the broker away every instance limits on its own, as one would alone.
 */
export class RateUsageExchange {
  readonly instanceId = `${os.hostname()}.${randomUUID().slice(0, 8)}`;
  private readonly topic: string;
  private readonly syncMs: number;
  private pending = new Map<string, number>();
  private producer: Producer | undefined;
  private consumer: Consumer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private joined: Promise<void> = Promise.resolve();

  constructor(
    private readonly kafka: Kafka,
    private readonly limiter: RateLimiter,
    private readonly logger: Logger,
    private readonly options: RateUsageExchangeOptions,
  ) {
    this.topic = options.topic ?? RATE_USAGE_TOPIC;
    this.syncMs = options.syncMs ?? 1000;
  }

  /** What this instance admitted, to be told to the others at the next sync. */
  note(key: string, cost: number): void {
    this.pending.set(key, (this.pending.get(key) ?? 0) + cost);
  }

  /** Resolves once this instance receives the others' usage. */
  whenJoined(): Promise<void> {
    return this.joined;
  }

  async start(): Promise<void> {
    await ensureTopics(this.kafka, [this.topic], this.options.topicSettings);
    await this.keepMinutesOnly();
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    this.producer = producer;
    await waitForGroupCoordinator(this.kafka, this.groupId, this.logger);
    const consumer = this.kafka.consumer({ groupId: this.groupId, allowAutoTopicCreation: false });
    this.consumer = consumer;
    this.joined = groupJoined(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
    await consumer.run({
      autoCommit: true,
      eachMessage: ({ message }) => {
        this.receive(message.value);
        return Promise.resolve();
      },
    });
    this.timer = setInterval(() => void this.flush(), this.syncMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    // The last second's usage is not sent: a broker that is away would hold the shutdown in the producer's retries.
    clearInterval(this.timer);
    await this.consumer?.disconnect().catch(() => undefined);
    await this.producer?.disconnect().catch(() => undefined);
    await deleteInstanceGroup(this.kafka, this.groupId);
  }

  /** The topic holds signals, not history: ten minutes of them, however it was created. */
  private async keepMinutesOnly(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.alterConfigs({
        validateOnly: false,
        resources: [
          {
            type: ConfigResourceTypes.TOPIC,
            name: this.topic,
            configEntries: [{ name: 'retention.ms', value: String(10 * 60_000) }],
          },
        ],
      });
    } finally {
      await admin.disconnect();
    }
  }

  private get groupId(): string {
    return `gateway.rate-usage.${this.instanceId}`;
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0 || !this.producer) return;
    const message: UsageMessage = { instanceId: this.instanceId, taken: Object.fromEntries(this.pending) };
    this.pending = new Map();
    try {
      await this.producer.send({
        topic: this.topic,
        messages: [{ key: this.instanceId, value: JSON.stringify(message) }],
      });
    } catch (error) {
      // Lost usage only widens the slack for a moment; the next sync carries on with new counts.
      this.logger.warn({ err: error }, 'rate usage not shared with the other gateway instances');
    }
  }

  private receive(value: Buffer | null): void {
    if (!value) return;
    let parsed;
    try {
      parsed = usageMessageSchema.safeParse(JSON.parse(value.toString('utf8')));
    } catch {
      return;
    }
    if (!parsed.success || parsed.data.instanceId === this.instanceId) return;
    for (const [key, cost] of Object.entries(parsed.data.taken)) this.limiter.charge(key, cost);
  }
}
