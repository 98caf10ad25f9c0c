import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import {
  activeContext,
  contextWithSpan,
  extractTraceContext,
  injectTraceContext,
  recordSpanError,
  SpanKind,
  tracer,
  type Span,
  type TraceCarrier,
} from '@trellis/shared/observability';
import type { ContractRegistry, EventEnvelope } from './envelope';

export interface OutgoingBatch {
  topic: string;
  envelopes: EventEnvelope[];
  /**
   * Per envelope id, the W3C trace context of the command that produced it (the outbox relay reads it from the
   * commit). Without one, the producer span continues the active context.
   */
  traceContexts?: Readonly<Record<string, TraceCarrier | undefined>>;
}

export function headersOf(envelope: EventEnvelope): Record<string, string> {
  return { 'event-id': envelope.id, 'event-type': envelope.type, 'correlation-id': envelope.correlationId };
}

/**
 * Sends envelopes with an idempotent producer, acks from all in-sync replicas and key = streamId, and resolves only
 * when the broker has acknowledged them: never a fire-and-forget emit that can fail silently
 * (docs/architecture.md §16, Known traps of the stack).
 */
export class EventPublisher {
  private producer: Producer;
  private connected: Promise<void> | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly contracts: ContractRegistry,
  ) {
    this.producer = this.newProducer();
  }

  private newProducer(): Producer {
    return this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // kafkajs v2 changed its default partitioner; naming it keeps every key on the partition it always had.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  async connect(): Promise<void> {
    // A connection that failed (the broker was down) is tried again by the next call, never remembered as failed.
    this.connected ??= this.producer.connect().catch((error: unknown) => {
      this.connected = undefined;
      throw error;
    });
    await this.connected;
  }

  async publish(batches: OutgoingBatch[]): Promise<void> {
    await this.connect();
    const spans: Span[] = [];
    const topicMessages = batches.map(({ topic, envelopes, traceContexts }) => ({
      topic,
      messages: envelopes.map((envelope): Message => {
        const value = JSON.stringify(this.contracts.validate(envelope, false));
        // One producer span per message; its context travels in the headers so the consumer's span is its child.
        const carrier = traceContexts?.[envelope.id];
        const parent = carrier ? extractTraceContext(carrier) : activeContext();
        const span = tracer().startSpan(
          `${topic} publish`,
          {
            kind: SpanKind.PRODUCER,
            attributes: {
              'messaging.system': 'kafka',
              'messaging.operation.type': 'send',
              'messaging.destination.name': topic,
              'messaging.kafka.message.key': envelope.streamId,
              'messaging.message.id': envelope.id,
              'trellis.event.type': envelope.type,
              'trellis.correlation_id': envelope.correlationId,
            },
          },
          parent,
        );
        spans.push(span);
        return {
          key: envelope.streamId,
          value,
          headers: { ...headersOf(envelope), ...injectTraceContext(contextWithSpan(parent, span)) },
        };
      }),
    }));
    const producer = this.producer;
    try {
      await producer.sendBatch({ topicMessages, acks: -1, compression: CompressionTypes.None });
    } catch (error) {
      for (const span of spans) recordSpanError(span, error);
      await this.replace(producer);
      throw error;
    } finally {
      for (const span of spans) span.end();
    }
  }

  /**
   * A failed send may still have been appended by the broker (its answer was lost). kafkajs then rewinds its sequence
   * numbers, and the next send of a different batch — the outbox relay reads again and finds more — is refused as
   * OUT_OF_ORDER_SEQUENCE_NUMBER for ever. A new producer gets a new producer id and a fresh sequence; what it sends
   * again may be a duplicate on the topic, which consumers drop by event id.
   */
  private async replace(failed: Producer): Promise<void> {
    if (this.producer !== failed) return;
    const wasConnected = this.connected;
    this.producer = this.newProducer();
    this.connected = undefined;
    if (wasConnected) await failed.disconnect().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    if (this.connected) await this.producer.disconnect();
    this.connected = undefined;
  }
}
