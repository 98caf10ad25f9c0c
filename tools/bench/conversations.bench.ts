// `npm run bench:conversations`: how long a conversation message takes from the sender's request to the other
// member's screen, through the stack `npm start` runs. 1,000 mentorships are started on matching's topic (as the
// matching service announces them), which opens 1,000 conversations; every mentor keeps a `myEvents` subscription
// open on the gateway; the mentees then post at a steady rate (default 50 messages/s for 60 s) through the gateway's
// `postMessage`, and each message's time runs from the request until its MessagePosted reaches the mentor's socket.
// Same-run baseline: the same path with one message at a time before the load.
// Options: TRELLIS_BENCH_CONVERSATIONS (1000), TRELLIS_BENCH_RATE (50), TRELLIS_BENCH_SECONDS (60).
// Last line: RESULT conversations=… rate_per_s=… sent=… received=… send_to_receive_p50_ms=… send_to_receive_p99_ms=…
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { MATCHING_TOPIC, matchingContracts } from '@trellis/matching/contracts';
import { participantIdFor } from '@trellis/profiles/contracts';
import type { Principal } from '@trellis/shared/auth';
import { ContractRegistry, type EventContract, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import { type E2eStack, startStack } from '@trellis/shared/stack';
import { createTestKafka, uniqueName } from '@trellis/shared/testing';
import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

const CONVERSATIONS = Number(process.env['TRELLIS_BENCH_CONVERSATIONS'] ?? 1000);
const RATE_PER_S = Number(process.env['TRELLIS_BENCH_RATE'] ?? 50);
const SECONDS = Number(process.env['TRELLIS_BENCH_SECONDS'] ?? 60);
const BASELINE_MESSAGES = 20;
const GOAL_P99_MS = 300;

interface Pair {
  mentorshipId: string;
  mentor: Principal;
  mentee: Principal;
  menteeToken: string;
}

const POST = `mutation($m: ID!, $b: String!, $c: ID) { postMessage(mentorshipId: $m, body: $b, commandId: $c) { id } }`;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function describe(values: readonly number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(0)} ms (n=${sorted.length})`;
}

/** The mentorships as the matching service announces them: one stream each, first revision. */
function mentorshipStarted(tenantId: string, programId: string, pair: Omit<Pair, 'menteeToken'>): EventEnvelope {
  return {
    id: randomUUID(),
    type: 'MentorshipStarted',
    schemaVersion: 1,
    streamId: `mentorship-${pair.mentorshipId}`,
    streamType: 'mentorship',
    revision: 1,
    occurredAt: new Date().toISOString(),
    tenantId,
    programId,
    correlationId: randomUUID(),
    data: {
      mentorshipId: pair.mentorshipId,
      programId,
      mentorPersonId: pair.mentor.personId,
      menteePersonId: pair.mentee.personId,
      mentorParticipantId: participantIdFor(programId, pair.mentor.personId),
      menteeParticipantId: participantIdFor(programId, pair.mentee.personId),
      format: 'one-on-one',
      origin: 'request',
      originId: randomUUID(),
    },
  };
}

async function post(stack: E2eStack, pair: Pair, body: string): Promise<void> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${pair.menteeToken}` },
    body: JSON.stringify({ query: POST, variables: { m: pair.mentorshipId, b: body, c: randomUUID() } }),
  });
  const result = (await response.json()) as { errors?: unknown[] };
  if (result.errors?.length) throw new Error(`postMessage failed: ${JSON.stringify(result.errors)}`);
}

async function openConversations(stack: E2eStack, pairs: readonly Pair[]): Promise<void> {
  const deadline = Date.now() + 600_000;
  let waiting = [...pairs];
  while (waiting.length > 0) {
    if (Date.now() > deadline) throw new Error(`${waiting.length} conversations did not open within 10 minutes`);
    const still: Pair[] = [];
    for (let i = 0; i < waiting.length; i += 25) {
      const batch = waiting.slice(i, i + 25);
      const open = await Promise.all(
        batch.map(async (pair) => {
          const result = await stack.gql<{ conversation: { status: string } }>(
            pair.mentee,
            `query($m: ID!) { conversation(mentorshipId: $m, last: 1) { status } }`,
            { m: pair.mentorshipId },
          );
          return result.data?.conversation.status === 'OPEN';
        }),
      );
      batch.forEach((pair, j) => {
        if (!open[j]) still.push(pair);
      });
    }
    waiting = still;
    if (waiting.length) await new Promise((r) => setTimeout(r, 2000));
  }
}

async function main(): Promise<void> {
  const [load1, load5, load15] = os.loadavg().map((l) => l.toFixed(2));
  console.log(
    `load average ${load1} ${load5} ${load15}; ${os.cpus().length} CPUs; ${CONVERSATIONS} conversations, ${RATE_PER_S} messages/s for ${SECONDS} s`,
  );
  let stack: E2eStack | undefined;
  const clients: Client[] = [];
  const cleanUp = async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await stack?.close().catch(() => undefined);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
  }
  try {
    let started = Date.now();
    stack = await startStack();
    console.log(`stack ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const tenantId = uniqueName('bench-org');
    const programId = `bench-program-${randomUUID()}`;
    const pairs: Pair[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const mentor: Principal = { tenantId, personId: `bench-mentor-${i}`, orgAdmin: false };
      const mentee: Principal = { tenantId, personId: `bench-mentee-${i}`, orgAdmin: false };
      pairs.push({ mentorshipId: randomUUID(), mentor, mentee, menteeToken: await stack.issuer.mint(mentee) });
    }

    started = Date.now();
    const kafka = createTestKafka(uniqueName('bench-conversations'));
    const publisher = new EventPublisher(kafka, new ContractRegistry(matchingContracts as unknown as EventContract[]));
    for (let i = 0; i < pairs.length; i += 200) {
      await publisher.publish([
        {
          topic: MATCHING_TOPIC,
          envelopes: pairs.slice(i, i + 200).map((p) => mentorshipStarted(tenantId, programId, p)),
        },
      ]);
    }
    await publisher.disconnect();
    await openConversations(stack, pairs);
    console.log(`${pairs.length} conversations open in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // Every mentor's screen: one socket each, told of MessagePosted only.
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let phase: number[] = latencies;
    const wsUrl = stack.gatewayUrl.replace(/^http/, 'ws');
    for (const pair of pairs) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await stack.issuer.mint(pair.mentor)}` },
        retryAttempts: 0,
        lazy: false,
      });
      clients.push(client);
      client.subscribe<{ myEvents: { data: string } }>(
        { query: 'subscription { myEvents(types: ["MessagePosted"]) { data } }' },
        {
          next: (result) => {
            const data = JSON.parse(result.data?.myEvents.data ?? '{}') as { mentorshipId?: string };
            const at = data.mentorshipId ? sentAt.get(data.mentorshipId) : undefined;
            if (at === undefined || !data.mentorshipId) return;
            sentAt.delete(data.mentorshipId);
            phase.push(performance.now() - at);
          },
          error: (error) => console.error('subscription failed', error),
          complete: () => undefined,
        },
      );
    }
    await new Promise((r) => setTimeout(r, 5000));

    // Baseline: one message at a time, each awaited on the other side before the next.
    const baseline: number[] = [];
    phase = baseline;
    for (let i = 0; i < BASELINE_MESSAGES; i++) {
      const pair = pairs[i % pairs.length]!;
      sentAt.set(pair.mentorshipId, performance.now());
      await post(stack, pair, `baseline ${i}`);
      const deadline = Date.now() + 10_000;
      while (sentAt.has(pair.mentorshipId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    }
    sentAt.clear();

    // The load: a steady rate, round-robin over the conversations (each one has at most one message in flight).
    phase = latencies;
    const postLatencies: number[] = [];
    let sent = 0;
    let failed = 0;
    const total = RATE_PER_S * SECONDS;
    const loadStart = performance.now();
    const inFlight: Array<Promise<void>> = [];
    while (sent + failed < total) {
      const due = loadStart + ((sent + failed) * 1000) / RATE_PER_S;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const pair = pairs[(sent + failed) % pairs.length]!;
      const t0 = performance.now();
      sentAt.set(pair.mentorshipId, t0);
      sent += 1;
      inFlight.push(
        post(stack, pair, `message ${sent}`).then(
          () => void postLatencies.push(performance.now() - t0),
          (error: unknown) => {
            failed += 1;
            sent -= 1;
            sentAt.delete(pair.mentorshipId);
            console.error(String(error));
          },
        ),
      );
    }
    await Promise.all(inFlight);
    const drainDeadline = Date.now() + 15_000;
    while (latencies.length < sent && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 50));
    const achievedRate = sent / ((performance.now() - loadStart) / 1000);

    console.log(`baseline: one message at a time   ${describe(baseline)}`);
    console.log(`load: postMessage answered        ${describe(postLatencies)}`);
    console.log(`load: send to receive             ${describe(latencies)}`);
    console.log(
      `sent ${sent}, received ${latencies.length}, failed ${failed}, achieved ${achievedRate.toFixed(1)} sends/s`,
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    console.log(`goal: send_to_receive_p99_ms ≤ ${GOAL_P99_MS}: ${p99 <= GOAL_P99_MS ? 'met' : 'missed'}`);
    console.log(
      `RESULT conversations=${pairs.length} rate_per_s=${RATE_PER_S} sent=${sent} received=${latencies.length} ` +
        `send_to_receive_p50_ms=${percentile(sorted, 50).toFixed(0)} send_to_receive_p99_ms=${p99.toFixed(0)} ` +
        `baseline_p50_ms=${percentile(
          [...baseline].sort((a, b) => a - b),
          50,
        ).toFixed(0)}`,
    );
  } finally {
    await cleanUp();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
