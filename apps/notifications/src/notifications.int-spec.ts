import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { formatForRecipient, verifyWebhookSignature } from '@trellis/notifications/domain';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { createLogger, initTracing, SpanKind, withSpan } from '@trellis/shared/observability';
import { type TestDatabase, testInfrastructure } from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { NotificationsStore } from './core/notifications-store';
import { WebhookTombstones } from './delivery/webhook-tombstones';
import type { CrashChildSpec } from './testing/crash-child';
import {
  createTestDatabase,
  eventually,
  MailpitClient,
  type NotificationsApp,
  NotificationsWorld,
  type Person,
  PrivateMailpit,
  readTopic,
  startNotificationsApp,
  startWebhookReceiver,
} from './testing/notifications-harness';

const HOUR = 3_600_000;
const testLogger = createLogger('notifications-test', { level: 'error' });
const INBOX = `query($first: Int!, $after: String) { notifications(first: $first, after: $after, timeZone: "Europe/Berlin") {
  edges { cursor node { id template subjectId title readAt } } pageInfo { endCursor hasNextPage } } }`;

/** Until the group has committed everything on its topics: every event so far has been handled. */
async function caughtUp(kafka: Kafka, group: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(
      async () => {
        for (const topic of topics) {
          const ends = await admin.fetchTopicOffsets(topic);
          const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
          for (const end of ends) {
            const at = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            if (BigInt(end.high) > 0n && BigInt(at) < BigInt(end.high)) return false;
          }
        }
        return true;
      },
      (done) => done,
      20_000,
      `group ${group} to catch up`,
    );
  } finally {
    await admin.disconnect();
  }
}

const mentorshipStarted = (world: NotificationsWorld, mentor: Person, mentee: Person) => {
  const mentorshipId = randomUUID();
  return world.envelope(
    'matching',
    'MentorshipStarted',
    {
      mentorshipId,
      programId: world.programId,
      mentorPersonId: mentor.personId,
      menteePersonId: mentee.personId,
      mentorParticipantId: `p-${mentor.personId}`,
      menteeParticipantId: `p-${mentee.personId}`,
      format: 'one-on-one',
      origin: 'request',
      originId: randomUUID(),
    },
    `mentorship-${mentorshipId}`,
  );
};

/** A request to the mentor from a mentee notifications does not need to know (the mentor gets the email). */
const mentorshipRequested = (world: NotificationsWorld, mentor: Person) => {
  const requestId = randomUUID();
  return world.envelope(
    'matching',
    'MentorshipRequested',
    {
      requestId,
      programId: world.programId,
      mentorPersonId: mentor.personId,
      menteePersonId: `mentee-${requestId}`,
      expiresAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
    },
    `request-${requestId}`,
  );
};

const sessionScheduled = (
  world: NotificationsWorld,
  host: Person,
  attendee: Person,
  startsAt: Date,
  sessionId = randomUUID(),
) =>
  world.envelope(
    'sessions',
    'SessionScheduled',
    {
      sessionId,
      kind: 'one-on-one',
      hostPersonId: host.personId,
      attendeePersonIds: [host.personId, attendee.personId],
      capacity: 2,
      mode: 'virtual',
      startsAt: startsAt.toISOString().replace(/\.\d{3}Z$/, '.000Z'),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
      timezone: 'Europe/Berlin',
      sequence: 0,
    },
    `session-${sessionId}`,
  );

describe('notifications service (real Kafka, FerretDB, Mailpit and the real profiles app)', () => {
  let world: NotificationsWorld;
  const mailpit = new MailpitClient();
  const databases: TestDatabase[] = [];
  const apps: NotificationsApp[] = [];

  const newDatabase = async () => {
    const db = await createTestDatabase('notifications');
    databases.push(db);
    return db;
  };
  const track = (app: NotificationsApp) => (apps.push(app), app);

  beforeAll(async () => {
    world = await NotificationsWorld.start();
  });

  afterAll(async () => {
    for (const app of apps) await app.close().catch(() => undefined);
    for (const db of databases) await db.drop();
    await world?.close();
  });

  it('sends each email, inbox item and webhook once across a redelivery and a full replay; signed, personal-data-free webhooks; a failing webhook is disabled with a notice', async () => {
    world.useFreshTopics();
    const db = await newDatabase();
    const wiring = world.wiring({
      publicUrl: 'http://notifications.invalid',
      webhookPolicy: { retryDelaysMs: [100, 100, 100, 100], disableAfterFailures: 3 },
    });
    let app = track(await startNotificationsApp(world, db, wiring));
    const admin = world.profiles.person('admin', true);
    const mentor = await world.enroll('Max', 'MENTOR', 'America/New_York');
    const mentee = await world.enroll('Mia', 'MENTEE', 'Europe/Berlin');
    const good = await startWebhookReceiver();
    const failing = await startWebhookReceiver();
    failing.status.code = 500;
    try {
      const REGISTER = `mutation($url: String!) { registerWebhook(url: $url, categories: [MENTORSHIP_STARTED, SESSION_UPDATES]) { secret webhook { id } } }`;
      const registered = await app.gql<{ registerWebhook: { secret: string } }>(admin, REGISTER, { url: good.url });
      expect(registered.errors).toBeUndefined();
      const secret = registered.data!.registerWebhook.secret;
      await app.gql(admin, REGISTER, { url: failing.url });
      const byNonAdmin = await app.gql(mentee.principal, REGISTER, { url: good.url });
      expect(byNonAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

      const started = mentorshipStarted(world, mentor, mentee);
      await world.publish('matching', started);
      await eventually(
        () => mailpit.messagesTo(mentee.email),
        (m) => m.length === 1,
        15_000,
        'mentee email',
      );
      await eventually(
        () => mailpit.messagesTo(mentor.email),
        (m) => m.length === 1,
        15_000,
        'mentor email',
      );
      await eventually(
        async () => good.received.length,
        (n) => n === 1,
        10_000,
        'webhook call',
      );

      // Redelivery: the very same event twice more.
      await world.publish('matching', started, started);
      await caughtUp(world.kafka, wiring.reactorGroup!, [world.topics.matchingTopic]);
      // Replay: a new instance whose consumer group reads every topic again from the beginning.
      await app.close();
      const replayWiring = { ...wiring, reactorGroup: `${wiring.reactorGroup}_replay` };
      app = track(await startNotificationsApp(world, db, replayWiring));
      await caughtUp(world.kafka, replayWiring.reactorGroup, [world.topics.matchingTopic]);
      await new Promise((r) => setTimeout(r, 1500)); // several dispatcher ticks

      expect(await mailpit.messagesTo(mentee.email)).toHaveLength(1);
      expect(await mailpit.messagesTo(mentor.email)).toHaveLength(1);
      expect(good.received).toHaveLength(1);
      const inbox = await app.gql<{ notifications: { edges: Array<{ node: { template: string } }> } }>(
        mentee.principal,
        INBOX,
        { first: 10 },
      );
      expect(inbox.data!.notifications.edges.map((e) => e.node.template)).toEqual(['mentorship-started']);
      // The gateway's live feed: one NotificationDelivered per inbox item, naming only the recipient.
      const announced = (await readTopic(world.kafka, world.topics.notificationsTopic)).filter(
        (e) => e.type === 'NotificationDelivered' && e.data['templateId'] === 'mentorship-started',
      );
      expect(announced.map((e) => e.data['recipientPersonId']).sort()).toEqual(
        [mentee.personId, mentor.personId].sort(),
      );
      expect(announced.every((e) => e.tenantId === world.tenantId)).toBe(true);

      // The webhook is signed and names what happened, not to whom.
      const call = good.received[0]!;
      expect(verifyWebhookSignature(secret, call.body, call.signature, new Date())).toBe(true);
      expect(call.body).not.toContain(mentee.personId);
      expect(call.body).not.toContain(mentor.personId);
      expect(JSON.parse(call.body)).toMatchObject({ category: 'mentorship-started', template: 'mentorship-started' });

      // The failing endpoint: 3 attempts (policy), then disabled, and the admin who registered it is told in the app.
      const hooks = await eventually(
        () =>
          app.gql<{ webhooks: Array<{ enabled: boolean; consecutiveFailures: number }> }>(
            admin,
            `{ webhooks { enabled consecutiveFailures } }`,
          ),
        (r) => r.data?.webhooks.some((h) => !h.enabled) === true,
        10_000,
        'webhook disabled',
      );
      expect(hooks.data!.webhooks.filter((h) => !h.enabled)).toEqual([{ enabled: false, consecutiveFailures: 3 }]);
      expect(failing.received).toHaveLength(3);
      const notice = await eventually(
        () => app.gql<{ notifications: { edges: Array<{ node: { template: string } }> } }>(admin, INBOX, { first: 5 }),
        (r) => (r.data?.notifications.edges.length ?? 0) > 0,
        5000,
        'admin notice',
      );
      expect(notice.data!.notifications.edges.map((e) => e.node.template)).toEqual(['webhook-disabled']);

      // The email: HTML and text, the time in the recipient's zone, an iCalendar invitation, a one-click unsubscribe.
      const startsAt = new Date(Date.now() + 3 * 24 * HOUR);
      startsAt.setUTCMinutes(0, 0, 0);
      await world.publish('sessions', sessionScheduled(world, mentor, mentee, startsAt));
      const [invite] = await eventually(
        async () => (await mailpit.messagesTo(mentee.email)).filter((m) => m.Subject.includes('scheduled')),
        (m) => m.length === 1,
        15_000,
        'invitation email',
      );
      const message = await mailpit.message(invite!.ID);
      expect(message.Text).toContain(formatForRecipient(startsAt, 'Europe/Berlin'));
      expect(message.HTML).toContain('<h2>A mentoring session was scheduled</h2>');
      const raw = await mailpit.raw(invite!.ID);
      expect(raw).toMatch(/METHOD:REQUEST/);
      expect(raw).toMatch(/BEGIN:VEVENT/);
      expect(raw).not.toContain('Mia Mentee'); // nothing private beyond the greeting's own name
      const headers = await mailpit.headers(invite!.ID);
      expect(headers['List-Unsubscribe']?.[0]).toContain('/unsubscribe?token=');

      const link = /Unsubscribe: (\S+)/.exec(message.Text)![1]!.replace('http://notifications.invalid', app.url);
      const [payload, signature] = new URL(link).searchParams.get('token')!.split('.');
      const otherCategory = Buffer.from(
        JSON.stringify([world.tenantId, mentee.personId, 'mentorship-started']),
      ).toString('base64url');
      const forged = await fetch(link.replace(`${payload}.${signature}`, `${otherCategory}.${signature}`), {
        method: 'POST',
      });
      expect(forged.status).toBe(400);
      const noLoginNeeded = await fetch(link, { method: 'POST' });
      expect(noLoginNeeded.status).toBe(200);
      const prefs = await app.gql<{ notificationPreferences: { unsubscribed: string[] } }>(
        mentee.principal,
        `{ notificationPreferences { unsubscribed } }`,
      );
      expect(prefs.data!.notificationPreferences.unsubscribed).toEqual(['SESSION_UPDATES']);
    } finally {
      await good.close();
      await failing.close();
    }
  });

  it('continues the trace of the event that asked for an email into the SMTP send', async () => {
    const exporter = new InMemorySpanExporter();
    const removeExporter = initTracing({ service: 'notifications-test', exporter: 'none' }).addExporter(exporter);
    try {
      world.useFreshTopics();
      const db = await newDatabase();
      const app = track(await startNotificationsApp(world, db, world.wiring()));
      const mentor = await world.enroll('Tara', 'MENTOR');
      const requested = mentorshipRequested(world, mentor);
      // Stands in for matching's relay publishing the mutation's event: the trace travels in the Kafka headers.
      const traceId = await withSpan('requestMentor mutation', { kind: SpanKind.SERVER }, async (span) => {
        await world.publish('matching', requested);
        return span.spanContext().traceId;
      });
      await eventually(
        () => mailpit.messagesTo(mentor.email),
        (m) => m.length === 1,
        15_000,
        'mentor email',
      );
      const spans = await eventually(
        () => Promise.resolve(exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId)),
        (found) => found.some((s) => s.name === 'smtp send'),
        5_000,
        'the smtp span',
      );
      const send = spans.find((s) => s.name === 'smtp send')!;
      const consumer = spans.find((s) => s.spanContext().spanId === send.parentSpanContext?.spanId);
      // The email's span hangs under the consumer span that handled the event, which hangs under the producer's.
      expect(consumer?.kind).toBe(SpanKind.CONSUMER);
      expect(consumer?.attributes['trellis.event.type']).toBe('MentorshipRequested');
      expect(send.kind).toBe(SpanKind.CLIENT);
      expect(send.attributes['trellis.notification.template']).toBeDefined();
      expect(send.attributes['trellis.delivery.channel']).toBe('email');
      await app.close();
    } finally {
      removeExporter();
    }
  });

  it('delivers every email exactly once when the SMTP server is down while events arrive and comes back later', async () => {
    const smtp = await PrivateMailpit.create();
    await smtp.up();
    try {
      world.useFreshTopics();
      const db = await newDatabase();
      // The outage lasts a minute; here every timing of the retry path is scaled by 1/5 (outage 60 s → 12 s,
      // backoff 250 ms·2^n capped at 10 s → 50 ms·2^n capped at 2 s). The same attempts happen in the same order:
      // ten within the outage, the ramp then five at the cap (production: 0, .5, 1.5, 3.5, 7.5, 15.5, 25.5 … 55.5 s;
      // here: 0, .1, .3, .7, 1.5, 3.1, 5.1 … 11.1 s), then the first attempt after the server is back succeeds.
      const wiring = world.wiring({ emailRetry: { baseMs: 50, capMs: 2000 } });
      const app = track(await startNotificationsApp(world, db, wiring, smtp.smtpUrl));
      const mentor = await world.enroll('Otto', 'MENTOR');
      await smtp.down();
      const outageStarted = Date.now();
      const requests = Array.from({ length: 8 }, () => mentorshipRequested(world, mentor));
      await world.publish('matching', ...requests);
      const store = new NotificationsStore(db.connection);
      // Every email was tried and refused by the dead server before it comes back.
      await eventually(
        () => store.deliveries.countDocuments({ channel: 'email', state: 'pending', attempts: { $gte: 1 } }),
        (n) => n === 8,
        15_000,
        'failed attempts',
      );
      await new Promise((r) => setTimeout(r, Math.max(0, 12_000 - (Date.now() - outageStarted))));
      // Every email has gone through the ramp and retried at the cap, as it would in a minute at production timings.
      const beforeRecovery = await store.deliveries.find({ channel: 'email' }).toArray();
      expect(beforeRecovery).toHaveLength(8);
      expect(Math.min(...beforeRecovery.map((d) => d.attempts))).toBeGreaterThanOrEqual(6);
      await smtp.up();
      await eventually(
        () => smtp.client.messagesTo(mentor.email),
        (m) => m.length >= 8,
        20_000,
        'all emails',
      );
      await new Promise((r) => setTimeout(r, 1500));
      const delivered = await smtp.client.messagesTo(mentor.email);
      expect(delivered).toHaveLength(8);
      const sent = await store.deliveryLog.find({ channel: 'email' }).toArray();
      expect(sent.map((d) => d.state)).toEqual(Array(8).fill('sent'));
      expect(Math.min(...sent.map((d) => d.attempts))).toBeGreaterThan(1);
      await app.close();
    } finally {
      await smtp.down();
    }
  });

  it('does not send an email again when the process died after SMTP accepted it but before recording that (at most once)', async () => {
    world.useFreshTopics();
    const db = await newDatabase();
    const wiring = world.wiring();
    const mentor = await world.enroll('Crash', 'MENTOR');
    const spec: CrashChildSpec = {
      mongoDatabase: db.name,
      smtpUrl: testInfrastructure.smtpUrl,
      auth: {
        issuer: world.profiles.issuer.issuer,
        audience: 'trellis',
        jwksUrl: world.profiles.issuer.jwksUrl,
        clockToleranceSeconds: 5,
      },
      wiring,
    };
    const root = path.resolve(__dirname, '../../..');
    const child = spawn(
      process.execPath,
      ['-r', path.join(root, 'tools/run/register.cjs'), path.join(__dirname, 'testing/crash-child.ts')],
      {
        cwd: root,
        env: { ...process.env, TRELLIS_NOTIFICATIONS_CRASH_CHILD: JSON.stringify(spec), TRELLIS_LOG_LEVEL: 'error' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.once('exit', (code, signal) => resolve(signal ?? code)),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
        void exited.then((how) => reject(new Error(`crash child ended before it was ready: ${String(how)}`)));
      });
      const requestId = randomUUID();
      const requested = (id: string) =>
        world.envelope(
          'matching',
          'MentorshipRequested',
          {
            requestId: id,
            programId: world.programId,
            mentorPersonId: mentor.personId,
            menteePersonId: `mentee-${id}`,
            expiresAt: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
          },
          `request-${id}`,
        );
      await world.publish('matching', requested(requestId));
      // The child kills itself between SMTP's "250 accepted" and the record of it.
      const how = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 60_000))]);
      expect(how).toBe('SIGKILL');
      const store = new NotificationsStore(db.connection);
      const [left] = await store.deliveries.find({ recipient: mentor.personId }).toArray();
      // Still queued, but its first attempt was claimed before SMTP saw it.
      expect(left?.state).toBe('pending');
      expect(await store.sendClaims.findOne({ _id: `${left!._id}#0` })).not.toBeNull();
      expect(await mailpit.messagesTo(mentor.email)).toHaveLength(1);

      // The restarted service finds the claimed attempt without an outcome, records it unconfirmed, does not resend.
      const app = track(await startNotificationsApp(world, db, wiring));
      const [logged] = await eventually(
        () => store.deliveryLog.find({ _id: left!._id }).toArray(),
        (rows) => rows.length === 1,
        20_000,
        'the interrupted email to be recorded',
      );
      expect(logged!.state).toBe('unconfirmed');
      expect(await store.deliveries.countDocuments({ _id: left!._id })).toBe(0);
      // The restarted service sends new emails as usual; the interrupted one is still in Mailpit once.
      await world.publish('matching', requested(randomUUID()));
      await eventually(
        () => mailpit.messagesTo(mentor.email),
        (m) => m.length >= 2,
        20_000,
        'the next email',
      );
      await new Promise((r) => setTimeout(r, 1500)); // several polls: nothing else arrives
      const messages = await mailpit.messagesTo(mentor.email);
      expect(messages).toHaveLength(2);
      const ids = await Promise.all(messages.map(async (m) => (await mailpit.headers(m.ID))['Message-Id']?.[0]));
      expect(new Set(ids).size).toBe(2);
      await app.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });

  it('fires a reminder once, on time, across a restart; a rescheduled session’s old reminder never fires; digests fold a burst of 30', async () => {
    world.useFreshTopics();
    const db = await newDatabase();
    let skewMs = 0;
    const wiring = world.wiring({ clock: () => new Date(Date.now() + skewMs) });
    let app = track(await startNotificationsApp(world, db, wiring));
    const store = new NotificationsStore(db.connection);
    const host = await world.enroll('Hana', 'MENTOR');
    const guest = await world.enroll('Gus', 'MENTEE', 'Asia/Tokyo');

    // S1: its 1 h reminder is due in ~6 s; the service restarts in between.
    const s1 = sessionScheduled(world, host, guest, new Date(Date.now() + HOUR + 6000));
    // S2: due in ~4 s, then moved 6 s later: only the new time may fire.
    const s2Id = randomUUID();
    const s2 = sessionScheduled(world, host, guest, new Date(Date.now() + HOUR + 4000), s2Id);
    const moved = world.envelope(
      'sessions',
      'SessionRescheduled',
      {
        sessionId: s2Id,
        hostPersonId: host.personId,
        attendeePersonIds: [host.personId, guest.personId],
        previousStartsAt: s2.data.startsAt,
        startsAt: new Date(Date.now() + HOUR + 10_000).toISOString(),
        endsAt: new Date(Date.now() + 2 * HOUR + 10_000).toISOString(),
        timezone: 'Europe/Berlin',
        sequence: 1,
      },
      `session-${s2Id}`,
    );
    await world.publish('sessions', s1, s2, moved);
    const s1Reminder = `${world.tenantId}|session:${s1.data.sessionId as string}:1h`;
    const s2Reminder = `${world.tenantId}|session:${s2Id}:1h`;
    await eventually(
      () => store.reminders.findOne({ _id: s2Reminder }),
      (r) => r?.sequence === 1,
      10_000,
      'reminders stored and moved',
    );
    await app.close();
    app = track(await startNotificationsApp(world, db, wiring));

    const fired = await eventually(
      () => store.reminders.find({ _id: { $in: [s1Reminder, s2Reminder] } }).toArray(),
      (rows) => rows.length === 2 && rows.every((r) => r.state === 'fired'),
      20_000,
      'both reminders fired',
    );
    for (const row of fired) {
      const late = row.firedAt!.getTime() - row.dueAtDate.getTime();
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(1000 + 200); // ±1 s of the 200 ms tick
    }
    expect(fired.find((r) => r._id === s2Reminder)!.dueAt).toBe(
      new Date(Date.parse(moved.data.startsAt as string) - HOUR).toISOString(),
    );
    await eventually(
      async () => (await mailpit.messagesTo(guest.email)).filter((m) => m.Subject.includes('one hour')).length,
      (n) => n >= 2,
      10_000,
      'reminder emails',
    );
    await new Promise((r) => setTimeout(r, 1000));
    const reminderMails = (await mailpit.messagesTo(guest.email)).filter((m) => m.Subject.includes('one hour'));
    expect(reminderMails).toHaveLength(2); // S1 once, S2 once (at its new time)
    const reminderItems = await store.inbox
      .find({ recipientPersonId: guest.personId, templateId: 'session-reminder-1h' })
      .toArray();
    expect(reminderItems.map((i) => i.subject.id).sort()).toEqual([s1.data.sessionId, s2Id].sort());

    // Digest: 30 low-priority events for a person on a daily digest give one email, not 30.
    const reader = await world.enroll('Dora', 'MENTEE');
    const set = await app.gql(
      reader.principal,
      `mutation { updateNotificationPreferences(input: { digest: DAILY }) { digest } }`,
    );
    expect(set.errors).toBeUndefined();
    const bad = await app.gql(
      reader.principal,
      `mutation { updateNotificationPreferences(input: { dailyEmailBudget: -1 }) { digest } }`,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const completions = Array.from({ length: 30 }, () => {
      const sessionId = randomUUID();
      return world.envelope(
        'sessions',
        'SessionCompleted',
        {
          sessionId,
          kind: 'one-on-one',
          hostPersonId: host.personId,
          attendedPersonIds: [reader.personId],
          startsAt: new Date(Date.now() - HOUR).toISOString(),
          endsAt: new Date().toISOString(),
          completedAt: new Date().toISOString(),
        },
        `session-${sessionId}`,
      );
    });
    await world.publish('sessions', ...completions);
    await eventually(
      () => store.deliveryLog.countDocuments({ recipient: reader.personId, state: 'folded' }),
      (n) => n === 30,
      20_000,
      '30 emails folded into the digest',
    );
    expect(await mailpit.messagesTo(reader.email)).toHaveLength(0);
    skewMs = 25 * HOUR; // the next 08:00 local has come
    await eventually(
      () => mailpit.messagesTo(reader.email),
      (m) => m.length === 1,
      10_000,
      'digest email',
    );
    await new Promise((r) => setTimeout(r, 800));
    const digest = await mailpit.messagesTo(reader.email);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.Subject).toContain('30 updates');
    skewMs = 0;

    // The inbox: cursor pagination, unread count, mark read, and only the recipient (in their tenant) sees items.
    const count = () => app.gql<{ unreadNotificationCount: number }>(reader.principal, `{ unreadNotificationCount }`);
    expect((await count()).data!.unreadNotificationCount).toBe(30);
    type Page = {
      notifications: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string; hasNextPage: boolean } };
    };
    const first = await app.gql<Page>(reader.principal, INBOX, { first: 20 });
    expect(first.data!.notifications.pageInfo.hasNextPage).toBe(true);
    const second = await app.gql<Page>(reader.principal, INBOX, {
      first: 20,
      after: first.data!.notifications.pageInfo.endCursor,
    });
    expect(second.data!.notifications.edges).toHaveLength(10);
    expect(second.data!.notifications.pageInfo.hasNextPage).toBe(false);
    const ids = [...first.data!.notifications.edges, ...second.data!.notifications.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(30);
    const someone = ids[0]!;
    const MARK = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
    const byOther = await app.gql(host.principal, MARK, { id: someone });
    expect(byOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const otherTenant = { ...reader.principal, tenantId: 'another-org' };
    expect((await app.gql(otherTenant, MARK, { id: someone })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(
      (await app.gql<{ unreadNotificationCount: number }>(otherTenant, `{ unreadNotificationCount }`)).data!
        .unreadNotificationCount,
    ).toBe(0);
    expect((await app.gql(reader.principal, MARK, { id: someone })).errors).toBeUndefined();
    expect((await count()).data!.unreadNotificationCount).toBe(29);
    const all = await app.gql<{ markAllNotificationsRead: number }>(
      reader.principal,
      `mutation { markAllNotificationsRead }`,
    );
    expect(all.data!.markAllNotificationsRead).toBe(29);
    expect((await count()).data!.unreadNotificationCount).toBe(0);

    // Erasure: the person's inbox, preferences and digest rows go.
    await world.eraseParticipant(reader.personId);
    await eventually(
      () => store.inbox.countDocuments({ recipientPersonId: reader.personId }),
      (n) => n === 0,
      10_000,
      'erased inbox',
    );
    // The erasure's later steps (preferences, queued emails, digests) may still be running when the inbox is empty.
    await eventually(
      async () =>
        (await store.preferences.countDocuments({ personId: reader.personId })) +
        (await store.digests.countDocuments({ personId: reader.personId })),
      (n) => n === 0,
      10_000,
      'erased preferences and digests',
    );
  });

  it('tells a member of an unread conversation message once, after the delay; a read message or its author is never told', async () => {
    world.useFreshTopics();
    const db = await newDatabase();
    const app = track(await startNotificationsApp(world, db, world.wiring({ unreadMessageAfterMs: 1500 })));
    const store = new NotificationsStore(db.connection);
    const mentor = await world.enroll('Mira', 'MENTOR');
    const mentee = await world.enroll('Theo', 'MENTEE');
    const conversation = (mentorshipId: string, type: string, data: Record<string, unknown>) =>
      world.envelope(
        'sessions',
        type,
        { mentorshipId, memberPersonIds: [mentor.personId, mentee.personId], ...data },
        `conversation-${mentorshipId}`,
      );
    const posted = (mentorshipId: string, seq: number, author: Person) =>
      conversation(mentorshipId, 'MessagePosted', {
        messageId: randomUUID(),
        authorPersonId: author.personId,
        seq,
        postedAt: new Date().toISOString(),
      });

    // Unread: the mentee writes twice (the second delivered twice); the mentor never opens the conversation.
    const unread = mentorshipStarted(world, mentor, mentee);
    const unreadId = unread.data.mentorshipId as string;
    const second = posted(unreadId, 2, mentee);
    await world.publish('matching', unread);
    await world.publish('sessions', posted(unreadId, 1, mentee), second, second);
    // Read in time: the mentor reads the mentee's message before the delay ends.
    const readInTime = mentorshipStarted(world, mentor, mentee);
    const readId = readInTime.data.mentorshipId as string;
    await world.publish('matching', readInTime);
    await world.publish(
      'sessions',
      posted(readId, 1, mentee),
      conversation(readId, 'ConversationRead', {
        readerPersonId: mentor.personId,
        readUpToSeq: 1,
        readAt: new Date().toISOString(),
      }),
    );

    const items = await eventually(
      () => store.inbox.find({ templateId: 'conversation-unread' }).toArray(),
      (rows) => rows.length >= 1,
      20_000,
      'the unread message notification',
    );
    await new Promise((r) => setTimeout(r, 3000)); // past the read conversation's delay and any second firing
    const settled = await store.inbox.find({ templateId: 'conversation-unread' }).toArray();
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({
      recipientPersonId: mentor.personId,
      subject: { kind: 'mentorship', id: unreadId },
    });
    expect(items[0]!.createdAt.getTime() - Date.parse(second.occurredAt)).toBeGreaterThanOrEqual(1000);

    const inbox = await app.gql<{ notifications: { edges: Array<{ node: { template: string; title: string } }> } }>(
      mentor.principal,
      INBOX,
      { first: 10 },
    );
    const shown = inbox
      .data!.notifications.edges.map((e) => e.node)
      .filter((n) => n.template === 'conversation-unread');
    expect(shown).toEqual([expect.objectContaining({ title: 'A message is waiting for you' })]);
    const mail = await eventually(
      async () => (await mailpit.messagesTo(mentor.email)).filter((m) => m.Subject.includes('waiting for you')),
      (m) => m.length === 1,
      10_000,
      'the unread message email',
    );
    expect(mail).toHaveLength(1);
  });

  it('answers a retried mutation with the same commandId with the first answer; another id is refused as before', async () => {
    world.useFreshTopics();
    const db = await newDatabase();
    const app = track(await startNotificationsApp(world, db, world.wiring()));
    const admin = world.profiles.person('admin', true);
    const mentor = await world.enroll('Rita', 'MENTOR');
    const mentee = await world.enroll('Remo', 'MENTEE');
    /** The same mutation twice, as a client sends it again whose first answer was lost. */
    const twice = async <T>(as: Person['principal'], query: string, variables: Record<string, unknown>) => {
      const sent = { ...variables, commandId: randomUUID() };
      const first = await app.gql<T>(as, query, sent);
      const second = await app.gql<T>(as, query, sent);
      expect([first.errors, second.errors]).toEqual([undefined, undefined]);
      return [first.data!, second.data!] as const;
    };

    await world.publish('matching', mentorshipStarted(world, mentor, mentee), mentorshipRequested(world, mentor));
    await eventually(
      () => app.gql<{ unreadNotificationCount: number }>(mentor.principal, `{ unreadNotificationCount }`),
      (r) => r.data?.unreadNotificationCount === 2,
      15_000,
      'two inbox items for the mentor',
    );
    const MARK_ALL = `mutation($commandId: ID) { markAllNotificationsRead(commandId: $commandId) }`;
    const [marked, markedAgain] = await twice<{ markAllNotificationsRead: number }>(mentor.principal, MARK_ALL, {});
    expect([marked.markAllNotificationsRead, markedAgain.markAllNotificationsRead]).toEqual([2, 2]);
    const another = await app.gql<{ markAllNotificationsRead: number }>(mentor.principal, MARK_ALL, {
      commandId: randomUUID(),
    });
    expect(another.data?.markAllNotificationsRead).toBe(0);

    const REGISTER = `mutation($url: String!, $commandId: ID) {
      registerWebhook(url: $url, categories: [MENTORSHIP_STARTED], commandId: $commandId) { secret webhook { id } } }`;
    type Registered = { registerWebhook: { secret: string; webhook: { id: string } } };
    const [registered, registeredAgain] = await twice<Registered>(admin, REGISTER, {
      url: 'https://hooks.example/retried',
    });
    expect(registeredAgain).toEqual(registered);
    const listed = await app.gql<{ webhooks: Array<{ id: string }> }>(admin, `{ webhooks { id } }`);
    expect(listed.data?.webhooks.map((w) => w.id)).toEqual([registered.registerWebhook.webhook.id]);

    // An admin pauses and resumes a webhook; each is idempotent by itself.
    type Toggled = { enabled: boolean; disabledAt: string | null; consecutiveFailures: number };
    const DISABLE = `mutation($id: ID!, $commandId: ID) {
      disableWebhook(id: $id, commandId: $commandId) { enabled disabledAt consecutiveFailures } }`;
    const hookId = registered.registerWebhook.webhook.id;
    const [disabled, disabledAgain] = await twice<{ disableWebhook: Toggled }>(admin, DISABLE, { id: hookId });
    expect(disabled.disableWebhook).toMatchObject({ enabled: false, consecutiveFailures: 0 });
    expect(disabled.disableWebhook.disabledAt).not.toBeNull();
    expect(disabledAgain.disableWebhook).toEqual(disabled.disableWebhook);
    const reenabled = await app.gql<{ enableWebhook: Toggled }>(
      admin,
      `mutation($id: ID!) { enableWebhook(id: $id) { enabled disabledAt } }`,
      { id: hookId },
    );
    expect(reenabled.data?.enableWebhook).toEqual({ enabled: true, disabledAt: null });
    const notAdmin = await app.gql(mentor.principal, DISABLE, { id: hookId });
    expect(notAdmin.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const REMOVE = `mutation($id: ID!, $commandId: ID) { removeWebhook(id: $id, commandId: $commandId) }`;
    const id = registered.registerWebhook.webhook.id;
    const [removed, removedAgain] = await twice<{ removeWebhook: boolean }>(admin, REMOVE, { id });
    expect([removed.removeWebhook, removedAgain.removeWebhook]).toEqual([true, true]);
    const removedOnce = await app.gql(admin, REMOVE, { id, commandId: randomUUID() });
    expect(removedOnce.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await app.gql<{ webhooks: unknown[] }>(admin, `{ webhooks { id } }`)).data?.webhooks).toEqual([]);
    const enabled = await app.gql(admin, `mutation($id: ID!) { enableWebhook(id: $id) { id } }`, { id });
    expect(enabled.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const disabledGone = await app.gql(admin, DISABLE, { id });
    expect(disabledGone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // A tombstone answers retries of its removal for the retention (30 days), then goes.
    const store = new NotificationsStore(db.connection);
    const days = (n: number) => new Date(Date.now() + n * 24 * 60 * 60_000);
    const removedWith = randomUUID();
    const other = await app.gql<Registered>(admin, REGISTER, { url: 'https://hooks.example/kept', commandId: null });
    const otherId = other.data!.registerWebhook.webhook.id;
    expect((await app.gql(admin, REMOVE, { id: otherId, commandId: removedWith })).errors).toBeUndefined();
    expect(await new WebhookTombstones(store, testLogger).sweepDue(days(29))).toBe(0);
    expect(await store.webhooks.countDocuments({ _id: { $in: [id, otherId] } })).toBe(2);
    const retry = () => app.gql<{ removeWebhook: boolean }>(admin, REMOVE, { id: otherId, commandId: removedWith });
    expect((await retry()).data?.removeWebhook).toBe(true);
    expect(await new WebhookTombstones(store, testLogger).sweepDue(days(31))).toBe(2);
    expect(await store.webhooks.countDocuments({ _id: { $in: [id, otherId] } })).toBe(0);
    expect((await retry()).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
