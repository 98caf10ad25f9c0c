import os from 'node:os';
import path from 'node:path';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type AuthConfig, type DevIssuer, startDevIssuer } from '@trellis/shared/auth';
import { createTestDatabase, type TestDatabase } from '@trellis/shared/testing';
import {
  expectData,
  expectRefusal,
  type GqlRefusal,
  type GqlResult,
  postGraphql,
  type RootFields,
  type TestPerson,
} from './graphql-client';

/** What the module under test is built with: the test's own database and the issuer its tokens come from. */
export interface SubgraphEnvironment {
  databaseName: string;
  auth: AuthConfig;
}

export interface SubgraphStartOptions {
  /** An issuer other services of the test trust too; the harness then leaves it running. */
  issuer?: DevIssuer;
}

/** What has been started so far. */
interface Started {
  issuer: DevIssuer;
  ownsIssuer: boolean;
  db?: TestDatabase;
  app?: INestApplication;
}

/** A development token issuer on a free port, with a key file of its own per label and process. */
export function startTestIssuer(label: string): Promise<DevIssuer> {
  return startDevIssuer({ port: 0, keyFile: path.join(os.tmpdir(), `trellis-test-keys-${label}-${process.pid}.json`) });
}

/**
 * A Nest module serving GraphQL on a free local port, against its own test database and a development token issuer.
 * Made when the suite is declared, so its call helpers can be taken apart there; started in `beforeAll`.
 * SESSIONS_TEST_LOG=1 shows the app's log.
 */
export class SubgraphHarness {
  private started: Started | undefined;
  private endpoint: string | undefined;
  private module: ((environment: SubgraphEnvironment) => Type | DynamicModule) | undefined;

  constructor(readonly label: string) {}

  async start(
    module: (environment: SubgraphEnvironment) => Type | DynamicModule,
    options: SubgraphStartOptions = {},
  ): Promise<INestApplication> {
    const started: Started = {
      issuer: options.issuer ?? (await startTestIssuer(this.label)),
      ownsIssuer: !options.issuer,
    };
    // Recorded before anything else can fail, so `close` stops whatever did start.
    this.started = started;
    started.db = await createTestDatabase(this.label);
    this.module = module;
    return this.launch(started, started.db);
  }

  /** Stops the app and starts it again on the same database and issuer, as a deployment or a crash would. */
  async restart(): Promise<INestApplication> {
    const started = this.ready(this.started);
    await started.app?.close();
    started.app = undefined;
    return this.launch(started, this.ready(started.db));
  }

  private async launch(started: Started, db: TestDatabase): Promise<INestApplication> {
    const { issuer } = started;
    const module = this.ready(this.module);
    const auth = { issuer: issuer.issuer, audience: 'trellis', jwksUrl: issuer.jwksUrl, clockToleranceSeconds: 5 };
    const app = await NestFactory.create(module({ databaseName: db.name, auth }), {
      logger: process.env['SESSIONS_TEST_LOG'] ? ['log', 'error', 'warn'] : false,
    });
    started.app = app;
    await app.listen(0, '127.0.0.1');
    this.endpoint = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    return app;
  }

  get app(): INestApplication {
    return this.ready(this.started?.app);
  }

  get db(): TestDatabase {
    return this.ready(this.started?.db);
  }

  get issuer(): DevIssuer {
    return this.ready(this.started?.issuer);
  }

  /** The app's GraphQL endpoint. */
  get url(): string {
    return this.ready(this.endpoint);
  }

  readonly gql = <T = RootFields>(
    as: TestPerson | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlResult<T>> => postGraphql<T>(this.issuer, this.url, as, query, variables);

  /** The data of a call that must succeed. */
  readonly ok = async <T = RootFields>(
    as: TestPerson,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> => expectData(await this.gql<T>(as, query, variables));

  /** The first error of a call that must be refused. */
  readonly refused = async (
    as: TestPerson,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GqlRefusal> => expectRefusal(await this.gql(as, query, variables));

  /** Stops what `start` started, also after a start that failed half-way. */
  async close(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    this.endpoint = undefined;
    if (!started) return;
    await started.app?.close();
    await started.db?.drop();
    if (started.ownsIssuer) await started.issuer.stop();
  }

  private ready<T>(value: T | undefined): T {
    if (value === undefined) throw new Error(`the ${this.label} app has not been started`);
    return value;
  }
}
