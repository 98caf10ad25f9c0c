import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type DevIssuer, type Principal, startDevIssuer } from '@trellis/shared/auth';
import { createTestDatabase, type TestDatabase, uniqueName } from '@trellis/shared/testing';
import { AppModule } from '../app.module';

export interface GraphqlResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
}

/** The real profiles app on a free port, its own database, the real broker, and a development token issuer. */
export interface ProfilesHarness {
  app: INestApplication;
  db: TestDatabase;
  issuer: DevIssuer;
  url: string;
  tenantId: string;
  person(name: string, orgAdmin?: boolean): Principal;
  gql<T = Record<string, unknown>>(
    as: Principal | null,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphqlResult<T>>;
  close(): Promise<void>;
}

export interface ProfilesHarnessOptions {
  /** A token issuer shared with other apps of the test (e.g. behind one gateway); the harness then leaves it running. */
  issuer?: DevIssuer;
}

export async function startProfilesHarness(options: ProfilesHarnessOptions = {}): Promise<ProfilesHarness> {
  const issuer =
    options.issuer ??
    (await startDevIssuer({
      port: 0,
      keyFile: path.join(os.tmpdir(), `trellis-test-keys-${process.pid}.json`),
    }));
  const db = await createTestDatabase('profiles');
  const app = await NestFactory.create(
    AppModule.register({
      config: { mongoDatabase: db.name, port: 0 },
      auth: { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 },
    }),
    { logger: false },
  );
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const tenantId = uniqueName('org');
  return {
    app,
    db,
    issuer,
    url,
    tenantId,
    person: (name, orgAdmin = false) => ({ personId: `${name}-${tenantId}`, tenantId, orgAdmin }),
    async gql(as, query, variables = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as) headers['authorization'] = `Bearer ${await issuer.mint(as)}`;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as GraphqlResult<never>;
    },
    async close() {
      await app.close();
      await db.drop();
      if (!options.issuer) await issuer.stop();
    },
  };
}

export function profileInput(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
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
