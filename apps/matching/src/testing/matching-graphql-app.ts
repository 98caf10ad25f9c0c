// The matching app as its GraphQL tests need it: listening on a free port, its own database and topics, a
// development token issuer, and a feed that plays profiles' events. One set-up for every GraphQL spec.
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { startDevIssuer, type DevIssuer, type Principal } from '@trellis/shared/auth';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  uniqueName,
  type TestDatabase,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { AppModule } from '../app.module';
import { matchingHandles, type MatchingHandles } from './matching-handles';
import { ProfilesFeed } from './matching-pipeline';

export interface GraphqlResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface MatchingGraphqlApp {
  app: INestApplication;
  db: TestDatabase;
  /** The app's GraphQL endpoint. */
  url: string;
  services: MatchingHandles;
  kafka: Kafka;
  /** Profiles' events for the given tenant, as matching consumes them. */
  feed: ProfilesFeed;
  gql<T>(as: Principal, query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>>;
  close(): Promise<void>;
}

/** `label` names the database, topics and consumer groups (one namespace per spec). */
export async function startMatchingGraphqlApp(label: string, tenantId: string): Promise<MatchingGraphqlApp> {
  const issuer: DevIssuer = await startDevIssuer({
    port: 0,
    keyFile: path.join(os.tmpdir(), `trellis-test-keys-${label}-${process.pid}.json`),
  });
  const db: TestDatabase = await createTestDatabase(label);
  const kafka = createTestKafka();
  const names = {
    profilesTopic: uniqueName(`${label}.profiles`),
    matchingTopic: uniqueName(`${label}.matching`),
    groupPrefix: uniqueName(label),
  };
  const topics = [names.profilesTopic, names.matchingTopic];
  await createTestTopics(kafka, topics, 3);
  const app = await NestFactory.create(
    AppModule.register({
      config: { mongoDatabase: db.name, port: 0 },
      auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 },
      names,
    }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const feed = new ProfilesFeed(kafka, names.profilesTopic, tenantId);

  return {
    app,
    db,
    url,
    services: matchingHandles(app),
    kafka,
    feed,
    async gql<T>(as: Principal, query: string, variables: Record<string, unknown> = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.mint(as)}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphqlResult<T>;
    },
    async close() {
      await app.close();
      await feed.disconnect();
      await deleteTestTopics(kafka, topics).catch(() => undefined);
      await db.drop();
      await issuer.stop();
    },
  };
}
