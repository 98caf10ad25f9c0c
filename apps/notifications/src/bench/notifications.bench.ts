// Notifications throughput and latency: upstream events published at a steady rate onto the real broker, handled by
// the real notifications app (FerretDB), each fanned out to a recipient with email on; contacts come from the real
// profiles app; SMTP is a private Mailpit (so the shared one, which keeps only its newest messages, is not flooded).
// Run: node tools/run/ts.mjs apps/notifications/src/bench/notifications.bench.ts --events=20000 --rate=200
// Last line: RESULT events_per_s=… email_per_s=… e2e_p99_ms=… (e2e: event published → email accepted by SMTP).
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Mailer } from '../core/mailer';
import { NotificationsStore } from '../core/notifications-store';
import { phases } from '../core/phases';
import { createTestTopics } from '@trellis/shared/testing';
import {
  createTestDatabase,
  NotificationsWorld,
  type Person,
  PrivateMailpit,
  startNotificationsApp,
} from '../testing/notifications-harness';

process.env['TRELLIS_LOG_LEVEL'] ??= 'error';
const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const EVENTS = arg('events', 2000);
const RATE = arg('rate', 200);
const PEOPLE = arg('people', 100);
const TICK_MS = arg('tick', 100);
const PARTITIONS = arg('partitions', 12);
const EVENT_CONCURRENCY = arg('event-concurrency', 16);
const SENDERS = arg('senders', 16);
const BASELINE_SENDS = 200;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const smtp = await PrivateMailpit.create();
  await smtp.up();
  const world = await NotificationsWorld.start();
  const db = await createTestDatabase('notifications_bench');
  // Topics made here with more partitions than the default, so the reactor can work on several at once.
  await createTestTopics(world.kafka, Object.values(world.topics), PARTITIONS);
  const wiring = world.wiring({
    tickMs: TICK_MS,
    reactorConcurrency: PARTITIONS,
    reactorEventConcurrency: EVENT_CONCURRENCY,
    senderConcurrency: SENDERS,
  });
  phases.enabled = true;
  const app = await startNotificationsApp(world, db, wiring, smtp.smtpUrl);
  try {
    const host = await world.enroll('Host', 'MENTOR');
    const people: Person[] = [];
    for (let i = 0; i < PEOPLE; i++) people.push(await world.enroll(`Guest${i}`, 'MENTEE'));
    const store = new NotificationsStore(db.connection);
    await baseline(db.connection, smtp.smtpUrl);
    console.log(
      `offered: ${EVENTS} SessionCancelled events at ${RATE}/s to ${PEOPLE} people (critical: no budget), ` +
        `${PARTITIONS} partitions, ${EVENT_CONCURRENCY} events per partition and ${SENDERS} recipients at once`,
    );

    const started = Date.now();
    const batch = Math.max(1, Math.round(RATE / 10));
    for (let sent = 0; sent < EVENTS; sent += batch) {
      const due = started + (sent / RATE) * 1000;
      if (due > Date.now()) await sleep(due - Date.now());
      const envelopes = Array.from({ length: Math.min(batch, EVENTS - sent) }, (_, i) => {
        const sessionId = randomUUID();
        const guest = people[(sent + i) % people.length]!;
        return world.envelope(
          'sessions',
          'SessionCancelled',
          {
            sessionId,
            hostPersonId: host.personId,
            attendeePersonIds: [host.personId, guest.personId],
            cancelledByPersonId: host.personId,
            reason: 'schedule-conflict',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            sequence: 1,
          },
          `session-${sessionId}`,
        );
      });
      await world.publish('sessions', ...envelopes);
    }
    const published = Date.now();
    console.log(`published in ${((published - started) / 1000).toFixed(1)} s`);

    // Progress from Mailpit's message count (cheap), not a count over the growing log (a scan on FerretDB v1).
    let done = 0;
    const deadline = Date.now() + Math.max(120_000, (EVENTS / RATE) * 5000);
    while (Date.now() < deadline) {
      done = (await smtp.client.total()) - BASELINE_SENDS;
      if (done >= EVENTS) break;
      await sleep(1000);
    }
    const rows = await store.deliveryLog
      .find({ state: 'sent' }, { projection: { sourceAt: 1, sentAt: 1, createdAt: 1 } })
      .toArray();
    const latencies = rows.map((r) => r.sentAt!.getTime() - r.sourceAt.getTime()).sort((a, b) => a - b);
    const lastHandled = Math.max(...rows.map((r) => r.createdAt.getTime()));
    const lastSent = Math.max(...rows.map((r) => r.sentAt!.getTime()));
    const seconds = (t: number) => (t - started) / 1000;
    console.log('time per step (all instances of it, including waits for shared inserts):');
    for (const p of phases.report()) {
      console.log(
        `  ${p.phase.padEnd(30)} n=${String(p.count).padStart(6)} mean=${String(p.meanMs).padStart(7)} ms max=${String(p.maxMs).padStart(6)} ms`,
      );
    }
    console.log(`mailpit holds ${done} bench messages; the log has ${rows.length} sent`);
    console.log(
      `sent ${rows.length}/${EVENTS}; p50=${percentile(latencies, 50)} ms p95=${percentile(latencies, 95)} ms max=${latencies.at(-1)} ms`,
    );
    console.log(
      `RESULT events_per_s=${(rows.length / seconds(lastHandled)).toFixed(1)} email_per_s=${(rows.length / seconds(lastSent)).toFixed(1)} e2e_p99_ms=${percentile(latencies, 99)}`,
    );
  } finally {
    await app.close();
    await db.drop();
    await world.close();
    await smtp.down();
  }
}

/**
 * What the machine gives right now, measured in this process before the run (the shared machine's load varies by the
 * minute): one FerretDB round trip of each kind the hot path uses, and SMTP sends to the same Mailpit.
 */
async function baseline(connection: NotificationsStore['connection'], smtpUrl: string): Promise<void> {
  const scratch = connection.collection<{ _id: string; n: number }>('bench_baseline');
  const time = async (n: number, op: (i: number) => Promise<unknown>) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await op(i);
    return ((performance.now() - t0) / n).toFixed(1);
  };
  const insert = await time(100, (i) => scratch.insertOne({ _id: `b${i}`, n: i }));
  const update = await time(100, (i) => scratch.updateOne({ _id: `b${i}` }, { $set: { n: -i } }));
  const mailer = new Mailer(smtpUrl, 'Bench <bench@trellis.local>', 'bench.trellis.local');
  const sends = BASELINE_SENDS;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: sends }, (_, i) =>
      mailer.send({
        deliveryId: `baseline-${i}`,
        to: 'baseline@trellis.invalid',
        subject: 'baseline',
        text: 'baseline',
        html: '<p>baseline</p>',
        unsubscribeUrl: 'https://unsubscribe.invalid',
      }),
    ),
  );
  const smtpRate = (sends / ((performance.now() - t0) / 1000)).toFixed(0);
  mailer.close();
  await scratch.drop();
  console.log(
    `baseline (same process, now): ferretdb insertOne ${insert} ms, updateOne by _id (100 rows) ${update} ms; ` +
      `smtp ${smtpRate} messages/s (8 pooled connections); load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
