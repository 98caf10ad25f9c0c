import { MATCHING_TOPIC, matchingContracts } from '@trellis/matching/contracts';
import { PROFILES_TOPIC, profilesContracts } from '@trellis/profiles/contracts';
import {
  EventStore,
  OutboxRelay,
  ReactorInbox,
  projectionRunner,
  type ProjectionDefinition,
} from '@trellis/shared/event-store';
import { MembershipDirectory, membershipsProjection } from '@trellis/shared/memberships';
import {
  ConsumerRunner,
  ContractRegistry,
  EventPublisher,
  type ConsumerStatusRegistry,
  type EnvelopeHandler,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import { PersonKeyStore } from '@trellis/shared/privacy';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { AcceptanceJournal } from './acceptance/acceptance-journal';
import { AcceptanceService } from './acceptance/acceptance.service';
import { MentorshipFollowupsReactor } from './acceptance/mentorship-followups.reactor';
import { MatchingCommands } from './commands/matching-commands';
import { matchingEventTypeRegistry } from './commands/matching-event-types';
import { matchingIntegrationMapper } from './messaging/integration-events';
import { Relationships, relationshipsProjection } from './mentorships/relationships.projection';
import { CandidatePool, candidatePoolProjection } from './pool/candidate-pool.projection';
import { ErasureReactor } from './pool/erasure.reactor';
import { MentorBooksReactor } from './pool/mentor-books.reactor';
import { MentorshipsService } from './mentorships/mentorships.service';
import { RecommendationsService } from './recommendations/recommendations.service';
import { RequestExpiryScheduler } from './requests/request-expiry.scheduler';
import { MentorshipRequestsService } from './requests/mentorship-requests.service';
import { NextBestOffer } from './rounds/next-best-offer';
import { RoundSnapshots } from './rounds/round-snapshots';
import { RoundsService } from './rounds/rounds.service';

export interface MatchingRuntimeOptions {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  metrics?: ServiceMetrics;
  status?: ConsumerStatusRegistry;
  /** Topic names; tests use their own. */
  profilesTopic?: string;
  matchingTopic?: string;
  /** Prefix of consumer group names (`matching` in production; unique per test). */
  groupPrefix?: string;
  expiryPollMs?: number;
}

export interface ManagedPart {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ConsumerGroup {
  group: string;
  handler: EnvelopeHandler;
  contracts: ContractRegistry;
}

/**
 * The matching service without the web layer: event store, command services, outbox relay to matching.events.v1,
 * projections and reactors. The Nest module and the integration tests build the same object.
 */
export class MatchingRuntime {
  readonly store: EventStore;
  readonly commands: MatchingCommands;
  readonly keys: PersonKeyStore;
  readonly pool: CandidatePool;
  readonly relationships: Relationships;
  readonly memberships: MembershipDirectory;
  readonly acceptance: AcceptanceService;
  readonly requests: MentorshipRequestsService;
  readonly rounds: RoundsService;
  readonly mentorships: MentorshipsService;
  readonly managers: { canManage(tenantId: string, programId: string, personId: string): Promise<boolean> };
  readonly recommendations: RecommendationsService;
  readonly expiry: RequestExpiryScheduler;
  readonly relay: OutboxRelay;
  readonly profilesTopic: string;
  readonly matchingTopic: string;
  readonly groups: ConsumerGroup[] = [];
  private readonly publisher: EventPublisher;
  private readonly parts: ManagedPart[] = [];

  constructor(private readonly options: MatchingRuntimeOptions) {
    const { connection, kafka, logger } = options;
    this.profilesTopic = options.profilesTopic ?? PROFILES_TOPIC;
    this.matchingTopic = options.matchingTopic ?? MATCHING_TOPIC;
    const prefix = options.groupPrefix ?? 'matching';

    this.store = new EventStore(connection, { registry: matchingEventTypeRegistry() });
    this.commands = new MatchingCommands(this.store);
    this.keys = new PersonKeyStore(connection);
    this.pool = new CandidatePool(connection);
    this.relationships = new Relationships(connection);
    this.memberships = new MembershipDirectory(connection);
    this.acceptance = new AcceptanceService(this.commands, {}, new AcceptanceJournal(connection));
    this.requests = new MentorshipRequestsService(
      this.commands,
      {
        policyOf: async (tenantId, programId) => {
          const program = await this.pool.program(tenantId, programId);
          return program?.settings
            ? {
                maxOpenRequestsPerMentee: program.settings.maxOpenRequestsPerMentee,
                requestExpiryDays: program.settings.requestExpiryDays,
              }
            : null;
        },
      },
      {
        participantOf: async (tenantId, programId, personId) => {
          const row = await this.pool.participant(tenantId, programId, personId);
          return row ? { participantId: row.participantId, roles: row.roles, active: row.status === 'active' } : null;
        },
      },
      this.keys,
    );
    this.managers = {
      canManage: async (tenantId: string, programId: string, personId: string) =>
        (await this.memberships.membership(tenantId, programId, personId))?.roles.includes('manager') ?? false,
    };
    this.rounds = new RoundsService(
      this.commands,
      this.pool,
      this.relationships,
      this.managers,
      new RoundSnapshots(connection),
    );
    this.recommendations = new RecommendationsService(this.pool, this.relationships);
    const nextBest = new NextBestOffer(this.store, this.pool, this.recommendations);
    this.mentorships = new MentorshipsService(this.commands, this.managers, this.keys, async (ctx, declined) => {
      await nextBest.afterDecline(ctx, declined);
    });
    this.expiry = new RequestExpiryScheduler(connection, this.requests, logger.child({ component: 'request-expiry' }), {
      ...(options.expiryPollMs ? { pollMs: options.expiryPollMs } : {}),
      alsoEachPass: (now) => this.acceptance.sweep(now),
    });

    const matchingContractsRegistry = new ContractRegistry(matchingContracts);
    this.publisher = new EventPublisher(kafka, matchingContractsRegistry);
    this.relay = new OutboxRelay({
      store: this.store,
      connection,
      topic: this.matchingTopic,
      publish: (batches) => this.publisher.publish(batches),
      toIntegrationEvent: matchingIntegrationMapper,
      // A published round starts thousands of proposal streams at once: fewer, larger batches keep the relay's
      // unpublished-commits query (sorted in FerretDB's Go layer) from being repeated per 500 commits.
      batchSize: 2000,
      markConcurrency: 16,
      logger: logger.child({ component: 'outbox-relay' }),
      ...(options.metrics ? { metrics: options.metrics } : {}),
    });

    const profiles = new ContractRegistry(profilesContracts);
    const mentorBooks = new MentorBooksReactor(
      this.commands,
      this.pool,
      new ReactorInbox(connection, `${prefix}.mentor-books`),
    );
    const followups = new MentorshipFollowupsReactor(this.commands, this.acceptance, this.expiry);

    this.projection(candidatePoolProjection(this.profilesTopic), `${prefix}.candidate-pool`, profiles);
    this.projection(
      { ...membershipsProjection(prefix), topics: [this.profilesTopic] },
      `${prefix}.memberships`,
      profiles,
    );
    this.projection(relationshipsProjection(this.matchingTopic), `${prefix}.relationships`, matchingContractsRegistry);
    this.reactor(`${prefix}.mentor-books`, [this.profilesTopic], profiles, (e) => mentorBooks.handle(e));
    const erasure = new ErasureReactor(this.keys);
    this.reactor(`${prefix}.erasure`, [this.profilesTopic], profiles, (e) => erasure.handle(e));
    this.reactor(`${prefix}.mentorship-followups`, [this.matchingTopic], matchingContractsRegistry, (e) =>
      followups.handle(e),
    );
  }

  private projection<Row extends Record<string, unknown>>(
    definition: ProjectionDefinition<Row>,
    group: string,
    contracts: ContractRegistry,
  ): void {
    const named = { ...definition, name: group };
    const runner = projectionRunner(
      this.options.kafka,
      this.options.connection,
      named,
      this.consumerOptions(contracts),
    );
    this.parts.push(runner);
  }

  private reactor(group: string, topics: string[], contracts: ContractRegistry, handler: EnvelopeHandler): void {
    this.groups.push({ group, handler, contracts });
    this.parts.push(
      new ConsumerRunner(this.options.kafka, { ...this.consumerOptions(contracts), group, topics, handler }),
    );
  }

  private consumerOptions(contracts: ContractRegistry) {
    return {
      contracts,
      fromBeginning: true,
      logger: this.options.logger,
      ...(this.options.metrics ? { metrics: this.options.metrics } : {}),
      ...(this.options.status ? { status: this.options.status } : {}),
    };
  }

  /** Indexes, the relay, every consumer and the expiry timer. */
  async start(): Promise<void> {
    await this.store.ensureIndexes();
    await this.publisher.connect();
    this.relay.start();
    await Promise.all(this.parts.map((p) => p.start()));
    this.expiry.start();
  }

  /**
   * Drains consumers first, then the relay and the publisher. MongoDB is closed elsewhere, after this returns
   * (PlatformModule's onApplicationShutdown), so no handler runs against a closed connection
   * (docs/architecture.md §13, Service lifecycle).
   */
  async stop(): Promise<void> {
    await this.expiry.stop();
    await Promise.allSettled(this.parts.map((p) => p.stop()));
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}
