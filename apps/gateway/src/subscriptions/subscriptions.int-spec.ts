import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import {
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  freePort,
  testInfrastructure,
  uniqueName,
} from '@trellis/shared/testing';
import { type Client, createClient } from 'graphql-ws';
import type { Kafka, Producer } from 'kafkajs';
import WebSocket from 'ws';
import { createGatewayApp } from '../gateway.app';
import { type ProbeSubgraph, spawnProbeSubgraph } from '../testing/probe-subgraphs';
import { SubscriptionsService } from './subscriptions.service';

const orgA = 'org-a';
const orgB = 'org-b';
const alice: Principal = { personId: 'person-alice', tenantId: orgA, orgAdmin: false };
const bob: Principal = { personId: 'person-bob', tenantId: orgA, orgAdmin: false };

interface Received {
  id: string;
  type: string;
  data: string;
}

function envelope(tenantId: string, type: string, data: Record<string, unknown>) {
  const id = randomUUID();
  return {
    id,
    type,
    schemaVersion: 1,
    streamId: `participant-${randomUUID()}`,
    streamType: 'participant',
    revision: 1,
    occurredAt: new Date().toISOString(),
    tenantId,
    programId: 'program-1',
    correlationId: randomUUID(),
    data,
  };
}

describe('subscriptions at the gateway’s /graphql (graphql-ws fed from Kafka)', () => {
  const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), uniqueName('trellis-subs')));
  const topic = uniqueName('gw_subs_events');
  let kafka: Kafka;
  let producer: Producer;
  let issuer: DevIssuer;
  let subgraph: ProbeSubgraph;
  let gateway: INestApplication;
  let wsUrl: string;
  const clients: Client[] = [];

  function connect(token: string | undefined): Client {
    const client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    return client;
  }

  function collect(client: Client, query: string): { events: Received[]; errors: unknown[]; done: Promise<void> } {
    const events: Received[] = [];
    const errors: unknown[] = [];
    const done = new Promise<void>((resolve) => {
      client.subscribe<{ myEvents: Received }>(
        { query },
        {
          next: (result) => {
            if (result.data) events.push(result.data.myEvents);
            if (result.errors) errors.push(...result.errors);
          },
          error: (error) => {
            errors.push(error);
            resolve();
          },
          complete: () => resolve(),
        },
      );
    });
    return { events, errors, done };
  }

  async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  beforeAll(async () => {
    kafka = createTestKafka();
    await createTestTopics(kafka, [topic], 2);
    producer = kafka.producer();
    await producer.connect();
    issuer = await startDevIssuer({ port: 0, keyFile: path.join(keyDir, 'key.json') });
    const auth = { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 30 };
    subgraph = await spawnProbeSubgraph('programs', auth, await freePort());
    gateway = await createGatewayApp({
      quiet: true,
      auth,
      platform: { kafkaBrokers: testInfrastructure.kafkaBrokers },
      config: {
        subgraphs: [{ name: 'probe', url: `${subgraph.url}/graphql`, sdlUrl: `${subgraph.url}/subgraph/sdl` }],
        eventTopics: [topic],
      },
    });
    const port = await freePort();
    await gateway.listen(port, '127.0.0.1');
    wsUrl = `ws://127.0.0.1:${port}/graphql`;
    await gateway.get(SubscriptionsService).feed.whenReady();
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await gateway?.close();
    await subgraph?.stop();
    await issuer?.stop();
    await producer?.disconnect();
    await deleteTestTopics(kafka, [topic]).catch(() => undefined);
    fs.rmSync(keyDir, { recursive: true, force: true });
  });

  it('delivers to each subscriber only the events of their organization that name them', async () => {
    const feed = gateway.get(SubscriptionsService).feed;
    const aliceSub = collect(connect(await issuer.mint(alice)), 'subscription { myEvents { id type data } }');
    const bobSub = collect(
      connect(await issuer.mint(bob)),
      'subscription { myEvents(types: ["ParticipantEnrolled"]) { id type } }',
    );
    await until(() => feed.listenerCount === 2);

    const forAlice = envelope(orgA, 'ParticipantEnrolled', { participantId: 'p1', personId: alice.personId });
    const forBob = envelope(orgA, 'ParticipantEnrolled', { participantId: 'p2', personId: bob.personId });
    const namingBoth = envelope(orgA, 'MentorshipStarted', {
      mentorshipId: 'm1',
      mentorPersonId: bob.personId,
      menteePersonId: alice.personId,
    });
    // Same person id in another organization: must never cross the tenant boundary.
    const otherTenant = envelope(orgB, 'ParticipantEnrolled', { participantId: 'p3', personId: alice.personId });
    const nobody = envelope(orgA, 'ProgramCreated', { programId: 'program-1' });
    await producer.send({
      topic,
      messages: [forAlice, forBob, namingBoth, otherTenant, nobody].map((e) => ({
        key: e.streamId,
        value: JSON.stringify(e),
      })),
    });

    await until(() => aliceSub.events.length >= 2 && bobSub.events.length >= 1);
    await new Promise((r) => setTimeout(r, 1000));
    expect(aliceSub.events.map((e) => e.id).sort()).toEqual([forAlice.id, namingBoth.id].sort());
    expect(JSON.parse(aliceSub.events.find((e) => e.id === forAlice.id)!.data)).toEqual(forAlice.data);
    // Bob asked only for enrollments: the mentorship naming him is filtered by type.
    expect(bobSub.events.map((e) => e.id)).toEqual([forBob.id]);
    expect(aliceSub.errors).toEqual([]);
  });

  it('refuses a connection without a valid token (close 4401)', async () => {
    for (const token of [undefined, await issuer.mint(alice, { audience: 'someone-else' })]) {
      const closed = new Promise<{ code: number; reason: string }>((resolve) => {
        const client = connect(token);
        client.on('closed', (event) => {
          const { code, reason } = event as { code: number; reason: string };
          resolve({ code, reason });
        });
      });
      const { code, reason } = await closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(token ? /audience/ : /No access token/);
    }
  });

  it('serves only subscriptions over WebSocket', async () => {
    const client = connect(await issuer.mint(alice));
    const result = collect(client, '{ subscriptionListeners }');
    await result.done;
    expect(JSON.stringify(result.errors)).toMatch(/Only subscriptions/);
  });
});
