// `npm run bench:event-store`: append throughput (one caller vs concurrent callers), relay throughput against a raw
// kafkajs producer sending the same messages, and append→projection latency at a fixed offered rate. Runs against
// the infrastructure of `npm run infra -- up` (or the servers the TRELLIS_* variables name).
import { performance } from 'node:perf_hooks';
import { Partitioners } from 'kafkajs';
import { createTestTopics, uniqueName } from '@trellis/shared/testing';
import type { StreamHead } from '../event-store';
import { toEnvelope } from '../outbox-relay';
import { createPipeline, eventually, testMeta } from '../testing/pipeline.fixture';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const APPENDS = arg('appends', 1000);
const RELAY_COMMITS = arg('relay', 3000);
const RATE = arg('rate', 500);
const SECONDS = arg('seconds', 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function appendThroughput(callers: number): Promise<number> {
  const pipeline = await createPipeline(`bench_append_${callers}`);
  try {
    const perCaller = Math.ceil(APPENDS / callers);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: callers }, async (_, caller) => {
        let head: StreamHead | null = null;
        for (let i = 0; i < perCaller; i++) {
          const result = await pipeline.store.append({
            streamId: `bench-${caller}`,
            streamType: 'tally',
            expected: head ? head.revision : 'no-stream',
            knownHead: head,
            events: [{ type: 'Tallied', data: { by: 1 } }],
            meta: testMeta,
            commitId: `bench-${caller}-${i}`,
          });
          head = { commitSeq: result.commitSeq, revision: result.revision, committedAt: new Date() };
        }
      }),
    );
    return (perCaller * callers) / ((performance.now() - started) / 1000);
  } finally {
    await pipeline.close();
  }
}

async function relayVersusRaw(): Promise<{ relay: number; raw: number }> {
  const pipeline = await createPipeline('bench_relay');
  try {
    await pipeline.appendTallies(100, Math.ceil(RELAY_COMMITS / 100));
    const commits = await pipeline.store.commits.find({}).toArray();
    const envelopes = commits
      .flatMap((c) => pipeline.store.toRecordedEvents(c))
      .map((e) => toEnvelope(e, { type: e.type, data: e.data as Record<string, unknown> }));

    // Baseline: the same messages through a bare idempotent kafkajs producer, same acks and batch size.
    const rawTopic = uniqueName('bench.raw');
    await createTestTopics(pipeline.kafka, [rawTopic], 3);
    const producer = pipeline.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    let started = performance.now();
    for (let i = 0; i < envelopes.length; i += 500) {
      await producer.send({
        topic: rawTopic,
        acks: -1,
        messages: envelopes.slice(i, i + 500).map((e) => ({ key: e.streamId, value: JSON.stringify(e) })),
      });
    }
    const raw = envelopes.length / ((performance.now() - started) / 1000);
    await producer.disconnect();

    started = performance.now();
    pipeline.relay({ batchSize: 500 }).start();
    await eventually(
      () => pipeline.store.commits.countDocuments({ published: false }),
      (n) => n === 0,
      600_000,
    );
    const relay = commits.length / ((performance.now() - started) / 1000);
    return { relay, raw };
  } finally {
    await pipeline.close();
  }
}

async function endToEndLatency(): Promise<{ p50: number; p99: number; achievedRate: number }> {
  const pipeline = await createPipeline('bench_e2e');
  try {
    pipeline.relay({ idlePollMs: 1000 }).start();
    const appendedAt = new Map<string, number>();
    const latencies: number[] = [];
    const runner = await pipeline.startProjection(undefined, undefined, (e) => {
      const at = appendedAt.get(e.id);
      if (at !== undefined) latencies.push(performance.now() - at);
    });
    const total = RATE * SECONDS;
    const streams = 100;
    const heads = new Map<number, StreamHead | null>();
    const busy = new Set<number>();
    const began = performance.now();
    let issued = 0;
    let skipped = 0;
    const pending: Promise<void>[] = [];
    while (issued < total) {
      const due = began + (issued * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const stream = issued % streams;
      issued += 1;
      if (busy.has(stream)) {
        skipped += 1; // the previous append on this stream has not returned yet: the offered rate is not met
        continue;
      }
      busy.add(stream);
      const commitId = `e2e-${issued}`;
      const start = performance.now();
      pending.push(
        pipeline.store
          .append({
            streamId: `e2e-${stream}`,
            streamType: 'tally',
            expected: heads.get(stream)?.revision ?? 'no-stream',
            knownHead: heads.get(stream) ?? null,
            events: [{ type: 'Tallied', data: { by: 1 } }],
            meta: testMeta,
            commitId,
          })
          .then((r) => {
            appendedAt.set(`${commitId}:0`, start);
            heads.set(stream, { commitSeq: r.commitSeq, revision: r.revision, committedAt: new Date() });
          })
          .finally(() => busy.delete(stream)),
      );
    }
    await Promise.all(pending);
    const achievedRate = (total - skipped) / ((performance.now() - began) / 1000);
    await eventually(
      async () => latencies.length,
      (n) => n >= appendedAt.size,
      300_000,
    );
    await runner.stop();
    latencies.sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), achievedRate };
  } finally {
    await pipeline.close();
  }
}

async function main(): Promise<void> {
  const single = await appendThroughput(1);
  const concurrent = await appendThroughput(16);
  console.log(
    `append: 1 caller ${single.toFixed(0)} commits/s; 16 concurrent callers ${concurrent.toFixed(0)} commits/s (x${(concurrent / single).toFixed(2)})`,
  );
  const relay = await relayVersusRaw();
  console.log(
    `relay: ${relay.relay.toFixed(0)} events/s vs raw kafkajs producer ${relay.raw.toFixed(0)} events/s (ratio ${(relay.relay / relay.raw).toFixed(3)})`,
  );
  const e2e = await endToEndLatency();
  console.log(
    `append→projection at an offered ${RATE}/s for ${SECONDS}s (achieved ${e2e.achievedRate.toFixed(0)}/s): p50 ${e2e.p50.toFixed(1)} ms, p99 ${e2e.p99.toFixed(1)} ms`,
  );
  console.log(
    `RESULT append_per_s=${concurrent.toFixed(0)} relay_vs_raw=${(relay.relay / relay.raw).toFixed(3)} e2e_p50_ms=${e2e.p50.toFixed(1)} e2e_p99_ms=${e2e.p99.toFixed(1)}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
