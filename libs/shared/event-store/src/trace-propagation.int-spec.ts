// One trace follows a command across two Kafka hops on the real broker: request span → append → outbox relay
// (producer span) → consumer span → the reactor appends → relay → consumer span. W3C context travels in the commit
// and in the Kafka headers, never in the envelope.
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { ConsumerRunner, EventPublisher, type EventEnvelope } from '@trellis/shared/messaging';
import { initTracing, SpanKind, withSpan } from '@trellis/shared/observability';
import { createTestTopics, deleteTestTopics, uniqueName } from '@trellis/shared/testing';
import { trace } from '@opentelemetry/api';
import { EventStore } from './event-store';
import { OutboxRelay } from './outbox-relay';
import { createPipeline, eventually, testLogger, testMeta, type Pipeline } from './testing/pipeline.fixture';
import { tallyRegistry } from './testing/tally.fixture';

jest.setTimeout(60_000);

describe('trace context across Kafka hops', () => {
  const exporter = new InMemorySpanExporter();
  let removeExporter: () => void;
  let pipeline: Pipeline;
  let secondTopic: string;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    removeExporter = initTracing({ service: 'trace-test', exporter: 'none' }).addExporter(exporter);
    pipeline = await createPipeline('trace');
    secondTopic = uniqueName('trace.second');
    await createTestTopics(pipeline.kafka, [secondTopic], 3);
  });

  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await deleteTestTopics(pipeline.kafka, [secondTopic]).catch(() => undefined);
    await pipeline.close();
    removeExporter();
  });

  it('makes each consumer span a child of the producer span that sent the message, back to the request', async () => {
    // Hop 1: the service's own relay publishes the commit appended while serving the request.
    const relay = pipeline.relay();
    relay.start();
    cleanups.push(() => relay.stop());

    // A reactor in "another service": its own event store and relay, writing to a second topic.
    const reactorStore = new EventStore(pipeline.db.connection, { collectionName: 'reactor_commits' });
    await reactorStore.ensureIndexes();
    const reactorPublisher = new EventPublisher(pipeline.kafka, tallyRegistry);
    const reactorRelay = new OutboxRelay({
      store: reactorStore,
      connection: pipeline.db.connection,
      topic: secondTopic,
      publish: (batches) => reactorPublisher.publish(batches),
      logger: testLogger,
      idlePollMs: 200,
    });
    reactorRelay.start();
    cleanups.push(async () => {
      await reactorRelay.stop();
      await reactorPublisher.disconnect();
    });

    const reactor = new ConsumerRunner(pipeline.kafka, {
      group: uniqueName('trace.reactor'),
      topics: [pipeline.topic],
      contracts: tallyRegistry,
      logger: testLogger,
      handler: async (envelope) => {
        await reactorStore.append({
          streamId: `echo-${envelope.streamId}`,
          streamType: 'tally',
          expected: 'any',
          events: [{ type: 'Tallied', data: { by: 1 } }],
          meta: { ...testMeta, causationId: envelope.id },
          commitId: `echo-${envelope.id}`,
        });
      },
    });
    await reactor.start();
    cleanups.push(() => reactor.stop());

    let seen: { envelope: EventEnvelope; traceId: string | undefined; spanId: string | undefined } | undefined;
    const finalConsumer = new ConsumerRunner(pipeline.kafka, {
      group: uniqueName('trace.final'),
      topics: [secondTopic],
      contracts: tallyRegistry,
      logger: testLogger,
      handler: (envelope) => {
        const active = trace.getActiveSpan()?.spanContext();
        seen = { envelope, traceId: active?.traceId, spanId: active?.spanId };
        return Promise.resolve();
      },
    });
    await finalConsumer.start();
    cleanups.push(() => finalConsumer.stop());

    const request = await withSpan('POST /graphql', { kind: SpanKind.SERVER }, async (span) => {
      await pipeline.store.append({
        streamId: 'tally-traced',
        streamType: 'tally',
        expected: 'no-stream',
        events: [{ type: 'Tallied', data: { by: 2 } }],
        meta: testMeta,
        commitId: 'tally-traced-1',
      });
      return span.spanContext();
    });

    const spans = await eventually(
      () => Promise.resolve(exporter.getFinishedSpans()),
      (finished) => seen !== undefined && finished.some((s) => s.name === `${secondTopic} process`),
      30_000,
    );
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const parentOf = (span: ReadableSpan): ReadableSpan => {
      const parentId = span.parentSpanContext?.spanId;
      const parent = parentId ? byId.get(parentId) : undefined;
      if (!parent) throw new Error(`span ${span.name} has no recorded parent`);
      return parent;
    };

    const finalSpan = spans.find((s) => s.name === `${secondTopic} process`)!;
    expect(seen?.spanId).toBe(finalSpan.spanContext().spanId);
    const chain = [finalSpan];
    for (let span = finalSpan; span.spanContext().spanId !== request.spanId; ) {
      span = parentOf(span);
      chain.push(span);
    }
    expect(chain.map((s) => [s.name, s.kind])).toEqual([
      [`${secondTopic} process`, SpanKind.CONSUMER],
      [`${secondTopic} publish`, SpanKind.PRODUCER],
      [`${pipeline.topic} process`, SpanKind.CONSUMER],
      [`${pipeline.topic} publish`, SpanKind.PRODUCER],
      ['POST /graphql', SpanKind.SERVER],
    ]);
    expect(new Set(chain.map((s) => s.spanContext().traceId))).toEqual(new Set([request.traceId]));
    expect(seen?.traceId).toBe(request.traceId);
    expect(chain[2]?.attributes['messaging.consumer.group.name']).toMatch(/^trace_reactor/);
  });
});
