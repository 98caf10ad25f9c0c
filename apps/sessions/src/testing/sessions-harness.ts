import type { INestApplication } from '@nestjs/common';
import type { DevIssuer } from '@trellis/shared/auth';
import {
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  type TestDatabase,
  uniqueName,
} from '@trellis/shared/testing';
import type { Kafka } from 'kafkajs';
import { AppModule } from '../app.module';
import type { SessionsWiring } from '../core/sessions-wiring';
import { SubgraphHarness, type SubgraphStartOptions } from './subgraph-harness';

export interface SessionsHarnessOptions {
  /** Feed the memberships read model (who manages which program) from the test's own profiles topic. */
  memberships?: boolean;
  /** A sessions topic the test does not own, e.g. the one another service of the test reads; left as it is. */
  sessionsTopic?: string;
  /** Partitions of the topics the harness creates. */
  partitions?: number;
  /** Turns the survey date timer on at this interval; off by default, so a test runs it when it chooses. */
  surveyDateIntervalMs?: number;
}

/**
 * The whole sessions app on the real broker and FerretDB: its own database, topics and consumer groups (created up
 * front with their leaders elected, so the app's start-up never meets a topic still being set up), a development
 * token issuer, and GraphQL calls as any person. The health and survey date timers are off unless asked for; tests run them themselves.
 */
export class SessionsHarness {
  readonly kafka: Kafka = createTestKafka();
  readonly wiring: SessionsWiring;
  readonly gql: SubgraphHarness['gql'];
  readonly ok: SubgraphHarness['ok'];
  readonly refused: SubgraphHarness['refused'];
  private readonly subgraph: SubgraphHarness;
  private readonly ownTopics: string[];
  private readonly partitions: number | undefined;

  constructor(label: string, options: SessionsHarnessOptions = {}) {
    this.subgraph = new SubgraphHarness(label);
    this.partitions = options.partitions;
    this.wiring = {
      matchingTopic: uniqueName('t_matching'),
      sessionsTopic: options.sessionsTopic ?? uniqueName('t_sessions'),
      profilesTopic: uniqueName('t_profiles'),
      lifecycleGroup: uniqueName('sessions_lifecycle'),
      availabilityGroup: uniqueName('sessions_availability'),
      participantsGroup: uniqueName('sessions_participants'),
      programSettingsGroup: uniqueName('sessions_program_settings'),
      ...(options.memberships ? { membershipsGroup: uniqueName('sessions_memberships') } : {}),
      erasureGroup: uniqueName('sessions_erasure'),
      surveyGroup: uniqueName('sessions_surveys'),
      retryBaseDelayMs: 20,
      healthIntervalMs: 0,
      surveyDateIntervalMs: options.surveyDateIntervalMs ?? 0,
      retentionIntervalMs: 0,
    };
    this.ownTopics = [this.wiring.matchingTopic, this.wiring.profilesTopic];
    if (!options.sessionsTopic) this.ownTopics.push(this.wiring.sessionsTopic);
    this.gql = this.subgraph.gql;
    this.ok = this.subgraph.ok;
    this.refused = this.subgraph.refused;
  }

  async start(options: SubgraphStartOptions = {}): Promise<INestApplication> {
    await createTestTopics(this.kafka, this.ownTopics, this.partitions);
    return this.subgraph.start(
      ({ databaseName, auth }) =>
        AppModule.register({ config: { mongoDatabase: databaseName, port: 0 }, wiring: this.wiring, auth }),
      options,
    );
  }

  /** The app again on the same database, topics and consumer groups, as after a deployment. */
  restart(): Promise<INestApplication> {
    return this.subgraph.restart();
  }

  get app(): INestApplication {
    return this.subgraph.app;
  }

  get db(): TestDatabase {
    return this.subgraph.db;
  }

  get issuer(): DevIssuer {
    return this.subgraph.issuer;
  }

  get url(): string {
    return this.subgraph.url;
  }

  async close(): Promise<void> {
    await this.subgraph.close();
    await deleteTestTopics(this.kafka, this.ownTopics).catch(() => undefined);
  }
}
