import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { matchingContracts } from '@trellis/matching/contracts';
import { profilesContracts } from '@trellis/profiles/contracts';
import { sessionsEventContracts } from '@trellis/sessions/contracts';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { ContractRegistry, type EventEnvelope, EventPublisher } from '@trellis/shared/messaging';
import {
  createTestDatabase,
  createTestKafka,
  freePort,
  startServiceProcess,
  type TestDatabase,
  testInfrastructure,
  uniqueName,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { AppModule } from '../app.module';
import type { NotificationsWiring } from '../notifications.wiring';

export const INTERNAL_TOKEN = 'notifications-int-test-internal-token';
export const UNSUBSCRIBE_SECRET = 'notifications-int-test-unsubscribe-secret';

const ENROLL = `mutation($programId: ID!, $roles: [ParticipantRole!]!, $profile: ProfileInput!, $mentorCapacity: Int) {
  enroll(programId: $programId, roles: $roles, profile: $profile, mentorCapacity: $mentorCapacity) { id personId email } }`;

interface GraphqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/** The real profiles app in its own process: it serves the internal contacts endpoint in these tests (not a stand-in). */
export interface ProfilesService {
  issuer: DevIssuer;
  url: string;
  tenantId: string;
  person(name: string, orgAdmin?: boolean): Principal;
  gql<T = Record<string, unknown>>(
    as: Principal,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResult<T>>;
  close(): Promise<void>;
}

async function startProfilesService(): Promise<ProfilesService> {
  const issuer = await startDevIssuer({
    port: 0,
    keyFile: path.join(os.tmpdir(), `trellis-test-keys-${process.pid}.json`),
  });
  try {
    const service = await startServiceProcess('profiles', {
      TRELLIS_AUTH_ISSUER: issuer.issuer,
      TRELLIS_AUTH_JWKS_URL: issuer.jwksUrl,
      TRELLIS_INTERNAL_TOKEN: INTERNAL_TOKEN,
    });
    const tenantId = uniqueName('org');
    return {
      issuer,
      url: service.url,
      tenantId,
      person: (name, orgAdmin = false) => ({ personId: `${name}-${tenantId}`, tenantId, orgAdmin }),
      async gql(as, query, variables = {}) {
        const response = await fetch(service.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
          body: JSON.stringify({ query, variables }),
        });
        return (await response.json()) as never;
      },
      async close() {
        await service.stop();
        await issuer.stop();
      },
    };
  } catch (error) {
    await issuer.stop();
    throw error;
  }
}

/** A profile as the profiles API takes it at enrollment. */
function profileInput(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    displayName: name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    timezone: 'Europe/Berlin',
    languages: ['en'],
    department: 'engineering',
    seniority: 2,
    skillsSought: ['system design'],
    availability: [{ day: 2, startMinute: 540, endMinute: 660 }],
    formats: ['VIRTUAL'],
    ...overrides,
  };
}

export interface Person {
  principal: Principal;
  personId: string;
  email: string;
}

/** The real profiles app (contacts), a program with enrolled people, test topics, and an event publisher. */
export class NotificationsWorld {
  topics = NotificationsWorld.newTopics();
  programId = '';
  private publisher!: EventPublisher;
  kafka!: Kafka;

  private constructor(readonly profiles: ProfilesService) {}

  private static newTopics() {
    return {
      profilesTopic: uniqueName('t_profiles'),
      matchingTopic: uniqueName('t_matching'),
      sessionsTopic: uniqueName('t_sessions'),
      notificationsTopic: uniqueName('t_notifications'),
    };
  }

  /** Each test gets topics of its own, so an instance left from another test never sees its events. */
  useFreshTopics(): void {
    this.topics = NotificationsWorld.newTopics();
  }

  static async start(): Promise<NotificationsWorld> {
    process.env['TRELLIS_INTERNAL_TOKEN'] = INTERNAL_TOKEN;
    const world = new NotificationsWorld(await startProfilesService());
    const admin = world.profiles.person('admin', true);
    const created = await world.profiles.gql<{ createProgram: { id: string } }>(
      admin,
      `mutation { createProgram(name: "Notifications", settings: { defaultMentorCapacity: 5 }) { id } }`,
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    world.programId = created.data.createProgram.id;
    await world.profiles.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { status } }`, {
      p: world.programId,
    });
    world.kafka = createTestKafka();
    world.publisher = new EventPublisher(
      world.kafka,
      new ContractRegistry([...profilesContracts, ...matchingContracts, ...sessionsEventContracts]),
    );
    await world.publisher.connect();
    return world;
  }

  get tenantId(): string {
    return this.profiles.tenantId;
  }

  /** Enrolls a person through the profiles API; the email is unique to this run, so Mailpit searches are exact. */
  async enroll(name: string, role: 'MENTOR' | 'MENTEE', timezone = 'Europe/Berlin'): Promise<Person> {
    const principal = this.profiles.person(name);
    const display = `${name} ${this.tenantId.slice(-8)}`;
    const result = await this.profiles.gql<{ enroll: { personId: string; email: string } }>(principal, ENROLL, {
      programId: this.programId,
      roles: [role],
      ...(role === 'MENTOR' ? { mentorCapacity: 3 } : {}),
      profile: profileInput(display, {
        timezone,
        ...(role === 'MENTOR' ? { skillsOffered: [{ skill: 'x', level: 3 }] } : {}),
      }),
    });
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return { principal, personId: principal.personId, email: result.data.enroll.email };
  }

  envelope(topic: 'matching' | 'sessions' | 'profiles', type: string, data: Record<string, unknown>, streamId: string) {
    return {
      id: randomUUID(),
      type,
      schemaVersion: 1,
      streamId,
      streamType: topic,
      revision: 1,
      occurredAt: new Date().toISOString(),
      tenantId: this.tenantId,
      programId: this.programId,
      correlationId: randomUUID(),
      data,
    } satisfies EventEnvelope;
  }

  /** What profiles announces when a person's data in the program is erased. */
  async eraseParticipant(personId: string): Promise<void> {
    await this.publish(
      'profiles',
      this.envelope(
        'profiles',
        'ParticipantDataErased',
        { participantId: `p-${personId}`, personId, programId: this.programId },
        `participant-p-${personId}`,
      ),
    );
  }

  async publish(topic: 'matching' | 'sessions' | 'profiles', ...envelopes: EventEnvelope[]): Promise<void> {
    const name = {
      matching: this.topics.matchingTopic,
      sessions: this.topics.sessionsTopic,
      profiles: this.topics.profilesTopic,
    }[topic];
    await this.publisher.publish([{ topic: name, envelopes }]);
  }

  wiring(overrides: Partial<NotificationsWiring> = {}): Partial<NotificationsWiring> {
    return {
      ...this.topics,
      reactorGroup: uniqueName('notifications_reactor'),
      profilesUrl: this.profiles.url.replace(/\/graphql$/, ''),
      internalToken: INTERNAL_TOKEN,
      unsubscribeSecret: UNSUBSCRIBE_SECRET,
      appUrl: 'https://app.trellis.test',
      tickMs: 200,
      leaseTtlMs: 3000,
      allowLoopbackWebhooks: true,
      ...overrides,
    };
  }

  async close(): Promise<void> {
    await this.publisher.disconnect();
    await this.profiles.close();
    delete process.env['TRELLIS_INTERNAL_TOKEN'];
  }
}

export interface NotificationsApp {
  app: INestApplication;
  url: string;
  gql<T = Record<string, unknown>>(
    as: Principal,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }>;
  close(): Promise<void>;
}

export async function startNotificationsApp(
  world: NotificationsWorld,
  db: TestDatabase,
  wiring: Partial<NotificationsWiring>,
  smtpUrl = testInfrastructure.smtpUrl,
): Promise<NotificationsApp> {
  const issuer = world.profiles.issuer;
  const app = await NestFactory.create(
    AppModule.register({
      config: { mongoDatabase: db.name, port: 0, smtpUrl },
      auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 },
      wiring: { ...wiring, smtpUrl },
    }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    url,
    async gql(as, query, variables = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as never;
    },
    close: () => app.close(),
  };
}

export { createTestDatabase };

/** Mailpit's HTTP API. */
export class MailpitClient {
  constructor(readonly baseUrl = testInfrastructure.mailpitUrl) {}

  async messagesTo(address: string): Promise<Array<{ ID: string; Subject: string; To: Array<{ Address: string }> }>> {
    const response = await fetch(
      `${this.baseUrl}/api/v1/search?limit=500&query=${encodeURIComponent(`to:"${address}"`)}`,
    );
    if (!response.ok) throw new Error(`mailpit search answered ${response.status}`);
    const body = (await response.json()) as {
      messages: Array<{ ID: string; Subject: string; To: Array<{ Address: string }> }>;
    };
    return body.messages;
  }

  /** How many messages this Mailpit holds. */
  async total(): Promise<number> {
    const response = await fetch(`${this.baseUrl}/api/v1/messages?limit=1`);
    if (!response.ok) throw new Error(`mailpit list answered ${response.status}`);
    return ((await response.json()) as { total: number }).total;
  }

  async message(id: string): Promise<{
    Text: string;
    HTML: string;
    Attachments: Array<{ FileName: string; ContentType: string }>;
    Inline: unknown[];
  }> {
    const response = await fetch(`${this.baseUrl}/api/v1/message/${id}`);
    return (await response.json()) as never;
  }

  async headers(id: string): Promise<Record<string, string[]>> {
    const response = await fetch(`${this.baseUrl}/api/v1/message/${id}/headers`);
    return (await response.json()) as never;
  }

  async raw(id: string): Promise<string> {
    return (await fetch(`${this.baseUrl}/api/v1/message/${id}/raw`)).text();
  }
}

/** A Mailpit of its own (same binary as `npm run infra`), so a test can stop and start it without disturbing others. */
export class PrivateMailpit {
  private child: ChildProcess | undefined;
  readonly database = path.join(os.tmpdir(), `${uniqueName('mailpit')}.db`);

  private constructor(
    readonly smtpPort: number,
    readonly httpPort: number,
  ) {}

  static async create(): Promise<PrivateMailpit> {
    return new PrivateMailpit(await freePort(), await freePort());
  }

  get smtpUrl(): string {
    return `smtp://127.0.0.1:${this.smtpPort}`;
  }

  get client(): MailpitClient {
    return new MailpitClient(`http://127.0.0.1:${this.httpPort}`);
  }

  static binary(): string {
    const version = process.env['TRELLIS_MAILPIT_VERSION'] ?? 'v1.27.11';
    const cache = process.env['TRELLIS_CACHE_DIR'] ?? path.join(os.homedir(), '.cache', 'trellis');
    const bin = path.join(cache, 'bin', `mailpit-${version}`);
    if (!existsSync(bin)) throw new Error(`mailpit is not installed at ${bin}: run npm run infra -- up mailpit once`);
    return bin;
  }

  async up(): Promise<void> {
    this.child = spawn(
      PrivateMailpit.binary(),
      [
        '--smtp',
        `127.0.0.1:${this.smtpPort}`,
        '--listen',
        `127.0.0.1:${this.httpPort}`,
        '--database',
        this.database,
        '--smtp-auth-accept-any',
        '--smtp-auth-allow-insecure',
        '--disable-version-check',
        '--quiet',
        // Keep every message (the default keeps the newest 500): benchmarks count them.
        '--max',
        '0',
      ],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`http://127.0.0.1:${this.httpPort}/readyz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('private mailpit did not start');
  }

  async down(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}

/** A webhook receiver on a free port that answers with the status the test chooses. */
export async function startWebhookReceiver(): Promise<{
  url: string;
  received: Array<{ body: string; signature: string }>;
  status: { code: number };
  close(): Promise<void>;
}> {
  const received: Array<{ body: string; signature: string }> = [];
  const status = { code: 200 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-trellis-signature'] ?? '') });
      res.writeHead(status.code).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}/hook`,
    received,
    status,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export async function eventually<T>(
  probe: () => Promise<T>,
  accept: (value: T) => boolean,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 150));
    last = await probe();
  }
  return last;
}

export { createTestKafka };

/** Every envelope on a topic so far (a throwaway consumer group from the beginning, stopped after `settleMs` idle). */
export async function readTopic(kafka: Kafka, topic: string, settleMs = 1500): Promise<EventEnvelope[]> {
  const consumer = kafka.consumer({
    groupId: uniqueName('reader'),
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: 100,
  });
  const seen: EventEnvelope[] = [];
  let lastAt = Date.now();
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        seen.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope);
        lastAt = Date.now();
        await Promise.resolve();
      },
    });
    const started = Date.now();
    while (Date.now() - lastAt < settleMs || Date.now() - started < settleMs * 2) {
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await consumer.disconnect();
  }
  return seen;
}
