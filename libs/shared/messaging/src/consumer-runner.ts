import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import {
  extractTraceContext,
  recordSpanError,
  runInSpan,
  runWithCorrelation,
  SpanKind,
  tracer,
  type Span,
} from '@trellis/shared/observability';
import type { ConsumerStatusRegistry } from './consumer-status';
import { isTransientFailure } from './transient-failure';
import { type ContractRegistry, EnvelopeValidationError, type EventEnvelope } from './envelope';
import { waitForGroupCoordinator } from './group-coordinator';
import { deadLetterTopic, ensureTopics, type TopicSettings } from './topics';

export type EnvelopeHandler = (envelope: EventEnvelope) => Promise<void>;

export interface ConsumerRunnerOptions {
  /** `<service>.<handler>`: one group per projection or reactor, so a slow one never stalls the others. */
  group: string;
  topics: string[];
  handler: EnvelopeHandler;
  contracts: ContractRegistry;
  /** Attempts per message before it goes to `<group>.dlq` — for failures of the event itself (see isTransientFailure). */
  maxAttempts?: number;
  retryBaseDelayMs?: number;
  /** Longest pause between attempts; a transient failure (a dependency away) is retried at this pace until it ends. */
  retryMaxDelayMs?: number;
  /** Partitions handled in parallel; order still holds within each partition (and so per stream). */
  partitionsConcurrently?: number;
  /**
   * Messages of one fetched batch handled in parallel (default 1: strictly one after another). Messages with the same
   * key (stream) stay in order; the committed offset only passes a message once it and every earlier one are done. A
   * shutdown in the middle leaves later messages uncommitted although some may be done, so the handler must be
   * idempotent (the usual consumer contract here) to use this.
   */
  messagesConcurrently?: number;
  fromBeginning?: boolean;
  logger: Logger;
  metrics?: ServiceMetrics;
  status?: ConsumerStatusRegistry;
  /**
   * Create `<group>.dlq` at start when it is missing (broker auto-creation is off, so a dead letter to a missing topic
   * would fail). Where an operator manages topics (Strimzi KafkaTopics in k8s/) it already exists and this is a no-op.
   */
  deadLetterTopic?: TopicSettings;
}

export interface DeadLetterHeaders {
  'dlq-original-topic': string;
  'dlq-original-partition': string;
  'dlq-original-offset': string;
  'dlq-error': string;
  'dlq-attempts': string;
  'dlq-failed-at': string;
}

/**
 * A member that misses heartbeats this long is removed from the group. Also the upper bound of a drain: the handler in
 * flight must finish within it, so Kubernetes' terminationGracePeriodSeconds is set above it (k8s/, policy-tested).
 */
export const CONSUMER_SESSION_TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one consumer group. The committed offset is always offset + 1 of a message whose effect is durable; a message
 * that keeps failing is retried with backoff a bounded number of times, then written to `<group>.dlq` with the error,
 * and the partition moves on: never blocked forever, never silently dropped (the NestJS Kafka transport retries a
 * failing handler forever; docs/architecture.md §6 and §16).
 */
export class ConsumerRunner {
  private readonly consumer: Consumer;
  private readonly dlqProducer: Producer;
  private readonly maxAttempts: number;
  private readonly retryBaseDelayMs: number;
  private readonly retryMaxDelayMs: number;
  private stopping = false;
  private inFlight = 0;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: ConsumerRunnerOptions,
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 200;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? 10_000;
    this.consumer = kafka.consumer({
      groupId: options.group,
      allowAutoTopicCreation: false,
      sessionTimeout: CONSUMER_SESSION_TIMEOUT_MS,
      heartbeatInterval: 3000,
      maxWaitTimeInMs: 100,
      retry: { retries: 10, initialRetryTime: 300 },
    });
    this.dlqProducer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const report = (state: Parameters<ConsumerStatusRegistry['report']>[1], error?: string) =>
      options.status?.report(options.group, state, error);
    const { events } = this.consumer;
    this.consumer.on(events.GROUP_JOIN, () => report('connected'));
    this.consumer.on(events.REBALANCING, () => report('rebalancing'));
    this.consumer.on(events.STOP, () => report('stopped'));
    this.consumer.on(events.CRASH, (event) => {
      const { error, restart } = event.payload;
      // kafkajs restarts itself after retriable crashes; only a final one makes this pod unready.
      report(restart ? 'rebalancing' : 'crashed', error.message);
      // A restart is the broker catching up (a coordinator still loading on a new broker, a leader moving): worth a
      // warning, not an operator's error alert. Only a crash kafkajs gives up on is an error.
      if (restart)
        options.logger.warn({ err: error, group: options.group }, 'consumer restarting after a broker error');
      else options.logger.error({ err: error, group: options.group, restart }, 'consumer crashed');
    });
  }

  get group(): string {
    return this.options.group;
  }

  async start(): Promise<void> {
    this.options.status?.report(this.options.group, 'starting');
    // Always: with broker auto-creation off, a missing `<group>.dlq` would turn one bad message into a consumer that
    // restarts forever. Without settings it is created small (1 partition, 1 replica); operators who manage topics
    // (Strimzi KafkaTopics in k8s/) have created it already, which makes this a no-op.
    await Promise.all([
      ensureTopics(
        this.kafka,
        [deadLetterTopic(this.options.group)],
        this.options.deadLetterTopic ?? { partitions: 1, replication: 1 },
      ),
      waitForGroupCoordinator(this.kafka, this.options.group, this.options.logger),
    ]);
    await this.dlqProducer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConcurrently ?? 1,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  /** Stop fetching, let the in-flight batch finish and commit, then leave the group. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.consumer.pause(this.options.topics.map((topic) => ({ topic })));
    // The handler in flight finishes and commits while the group membership is still valid; a commit sent after
    // `consumer.stop()` can be lost, and that message would be handled again after the restart.
    while (this.inFlight > 0) await sleep(20);
    await this.consumer.stop();
    await this.consumer.disconnect();
    await this.dlqProducer.disconnect();
    this.options.status?.report(this.options.group, 'stopped');
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    this.inFlight += 1;
    // Also set before handling, so a handler stuck in retries shows its partition's growing lag, not the last value.
    const first = batch.messages[0];
    if (first) {
      this.options.metrics?.consumerLag.set(
        { group: this.options.group, topic: batch.topic, partition: String(batch.partition) },
        Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(first.offset))),
      );
    }
    try {
      if ((this.options.messagesConcurrently ?? 1) > 1) return await this.handleBatchConcurrently(payload);
      for (const message of batch.messages) {
        // On SIGTERM or a rebalance, finish the current message, then hand over.
        if (this.stopping || !payload.isRunning() || payload.isStale()) break;
        await this.handleMessage(batch.topic, batch.partition, message, () => payload.heartbeat());
        payload.resolveOffset(message.offset);
        // Commit right after each effect is durable: a shutdown or rebalance can then never replay a finished message
        // (Kafka expects the next offset to read, offset + 1; committing offset would reprocess one message after
        // every restart: docs/architecture.md §16).
        const next = (BigInt(message.offset) + 1n).toString();
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        this.options.metrics?.consumerLag.set(
          { group: this.options.group, topic: batch.topic, partition: String(batch.partition) },
          Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(next))),
        );
        await payload.heartbeat();
      }
    } finally {
      this.inFlight -= 1;
    }
  }

  /**
   * `messagesConcurrently` > 1: the batch in chunks; in a chunk one lane per key, lanes in parallel; after each chunk
   * one commit of its done prefix. Heartbeats go on between messages, so a long batch never costs the membership.
   */
  private async handleBatchConcurrently(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const concurrency = this.options.messagesConcurrently ?? 1;
    const chunkSize = Math.max(64, concurrency * 4);
    const proceed = () => !this.stopping && payload.isRunning() && !payload.isStale();
    for (let from = 0; from < batch.messages.length && proceed(); from += chunkSize) {
      const chunk = batch.messages.slice(from, from + chunkSize);
      const lanes = new Map<string, number[]>();
      chunk.forEach((message, index) => {
        const key = message.key?.toString() ?? `#${index}`;
        const lane = lanes.get(key);
        if (lane) lane.push(index);
        else lanes.set(key, [index]);
      });
      const done = chunk.map(() => false);
      const queue = [...lanes.values()];
      const worker = async () => {
        for (let lane = queue.shift(); lane && proceed(); lane = queue.shift()) {
          for (const index of lane) {
            if (!proceed()) return;
            await this.handleMessage(batch.topic, batch.partition, chunk[index]!, () => payload.heartbeat());
            done[index] = true;
            await payload.heartbeat();
          }
        }
      };
      const results = await Promise.allSettled(Array.from({ length: Math.min(concurrency, lanes.size) }, worker));
      const firstUndone = done.indexOf(false);
      const last = chunk[(firstUndone === -1 ? done.length : firstUndone) - 1];
      if (last) {
        payload.resolveOffset(last.offset);
        const next = (BigInt(last.offset) + 1n).toString();
        await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: next }]);
        this.options.metrics?.consumerLag.set(
          { group: this.options.group, topic: batch.topic, partition: String(batch.partition) },
          Math.max(0, Number(BigInt(batch.highWatermark) - BigInt(next))),
        );
      }
      const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      if (firstUndone !== -1) return;
    }
  }

  private async handleMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = this.options.contracts.validate(JSON.parse(message.value?.toString() ?? 'null'), true);
    } catch (error) {
      const reason = error instanceof EnvelopeValidationError ? error.message : `unreadable message: ${String(error)}`;
      await this.deadLetter(topic, partition, message, reason, 1);
      return;
    }
    // The consumer span is a child of the producer's span (W3C context in the headers), so one trace follows an
    // action across every Kafka hop; the handler runs inside it, and what it appends or sends continues the trace.
    const parent = extractTraceContext(message.headers);
    const span = tracer().startSpan(
      `${topic} process`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          'messaging.system': 'kafka',
          'messaging.operation.type': 'process',
          'messaging.destination.name': topic,
          'messaging.consumer.group.name': this.options.group,
          'messaging.destination.partition.id': String(partition),
          'messaging.kafka.offset': Number(message.offset),
          'messaging.message.id': envelope.id,
          'trellis.event.type': envelope.type,
          'trellis.correlation_id': envelope.correlationId,
        },
      },
      parent,
    );
    try {
      await runInSpan(parent, span, () => this.attempt(envelope, topic, partition, message, heartbeat, span));
    } catch (error) {
      recordSpanError(span, error);
      throw error;
    } finally {
      span.end();
    }
  }

  private async attempt(
    envelope: EventEnvelope,
    topic: string,
    partition: number,
    message: KafkaMessage,
    heartbeat: () => Promise<void>,
    span: Span,
  ): Promise<void> {
    const labels = { group: this.options.group, topic };
    let waitingOnDependency = false;
    for (let attempt = 1; ; attempt++) {
      const started = process.hrtime.bigint();
      try {
        await runWithCorrelation({ correlationId: envelope.correlationId, causationId: envelope.id }, () =>
          this.options.handler(envelope),
        );
        this.observe(labels, started, 'ok');
        if (waitingOnDependency) this.options.status?.report(this.options.group, 'connected');
        return;
      } catch (error) {
        this.observe(labels, started, 'error');
        const reason = error instanceof Error ? error.message : String(error);
        span.addEvent('handler failed', { attempt, reason: reason.slice(0, 500) });
        const transient = isTransientFailure(error);
        // Not committed: redelivered after the restart.
        if (this.stopping && (transient || attempt < this.maxAttempts)) throw error;
        if (!transient && attempt >= this.maxAttempts) {
          this.options.logger.warn(
            { group: this.options.group, eventId: envelope.id, attempt, reason },
            'dead-lettered',
          );
          await this.deadLetter(topic, partition, message, reason, attempt);
          recordSpanError(span, error);
          span.setAttribute('trellis.dead_lettered', true);
          return;
        }
        if (transient && !waitingOnDependency) {
          waitingOnDependency = true;
          this.options.status?.report(this.options.group, 'waiting', reason);
          this.options.logger.warn(
            { group: this.options.group, eventId: envelope.id, reason },
            'waiting for a dependency; retrying until it is back',
          );
        }
        await sleep(Math.min(this.retryBaseDelayMs * 2 ** Math.min(attempt - 1, 20), this.retryMaxDelayMs));
        await heartbeat();
      }
    }
  }

  private observe(labels: { group: string; topic: string }, started: bigint, outcome: 'ok' | 'error'): void {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.options.metrics?.handlerLatency.observe({ ...labels, outcome }, seconds);
  }

  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: string,
    attempts: number,
  ): Promise<void> {
    const headers: DeadLetterHeaders = {
      'dlq-original-topic': topic,
      'dlq-original-partition': String(partition),
      'dlq-original-offset': message.offset,
      'dlq-error': reason.slice(0, 2000),
      'dlq-attempts': String(attempts),
      'dlq-failed-at': new Date().toISOString(),
    };
    await this.dlqProducer.send({
      topic: deadLetterTopic(this.options.group),
      acks: -1,
      messages: [{ key: message.key, value: message.value, headers: { ...stringHeaders(message), ...headers } }],
    });
    this.options.metrics?.deadLettered.inc({ group: this.options.group, topic });
  }
}

function stringHeaders(message: KafkaMessage): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined && !key.startsWith('dlq-')) result[key] = value.toString();
  }
  return result;
}

export interface DeadLetterReplayOptions {
  group: string;
  handler: EnvelopeHandler;
  contracts: ContractRegistry;
  logger: Logger;
}

export interface DeadLetterReplayReport {
  replayed: number;
  failed: Array<{ offset: string; error: string }>;
}

/**
 * Applies what `<group>.dlq` holds with the (fixed) handler, once: progress is a committed offset of the group
 * `<group>.dlq-replay`, so running the replay again does not apply a message twice. A message that still fails stays
 * where it is and stops the replay, so it can be fixed and replayed again.
 */
export async function replayDeadLetters(
  kafka: Kafka,
  options: DeadLetterReplayOptions,
): Promise<DeadLetterReplayReport> {
  const topic = deadLetterTopic(options.group);
  const groupId = `${options.group}.dlq-replay`;
  const admin = kafka.admin();
  await admin.connect();
  const [ends, committed] = await Promise.all([
    admin.fetchTopicOffsets(topic),
    admin.fetchOffsets({ groupId, topics: [topic] }),
  ]).finally(() => admin.disconnect());
  // Per partition, the offset to reach: what the DLQ held when the replay started.
  const pending = new Map<number, bigint>();
  const startAt = new Map((committed[0]?.partitions ?? []).map((p) => [p.partition, BigInt(p.offset)]));
  for (const p of ends) {
    if (BigInt(p.high) > (startAt.get(p.partition) ?? 0n) && BigInt(p.high) > 0n)
      pending.set(p.partition, BigInt(p.high));
  }
  const report: DeadLetterReplayReport = { replayed: 0, failed: [] };
  if (pending.size === 0) return report;

  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  await consumer.run({
    autoCommit: false,
    eachMessage: async ({ partition, message }) => {
      const high = pending.get(partition);
      if (high === undefined || BigInt(message.offset) >= high || report.failed.length) return;
      try {
        const envelope = options.contracts.validate(JSON.parse(message.value?.toString() ?? 'null'), true);
        await options.handler(envelope);
        report.replayed += 1;
        const next = BigInt(message.offset) + 1n;
        await consumer.commitOffsets([{ topic, partition, offset: next.toString() }]);
        if (next >= high) pending.delete(partition);
      } catch (error) {
        report.failed.push({ offset: message.offset, error: error instanceof Error ? error.message : String(error) });
        options.logger.error({ group: options.group, offset: message.offset, err: error }, 'DLQ replay failed');
      }
      if (pending.size === 0 || report.failed.length) finish();
    },
  });
  await finished;
  await consumer.disconnect();
  return report;
}
