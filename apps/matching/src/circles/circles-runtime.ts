import { matchingContracts } from '@trellis/matching/contracts';
import { projectionRunner } from '@trellis/shared/event-store';
import type { Provider, Type } from '@nestjs/common';
import { profilesContracts } from '@trellis/profiles/contracts';
import { ConsumerRunner, ConsumerStatusRegistry, ContractRegistry } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { KAFKA, ManagedConsumers, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS } from '@trellis/shared/platform';
import { MatchingRuntime, type ConsumerGroup } from '../matching-runtime';
import { CircleDeparturesReactor } from './circle-departures.reactor';
import { CircleFillService } from './circle-fill.service';
import { Circles, circlesProjection } from './circles.projection';
import { CirclesService, type CirclesOptions } from './circles.service';

export interface CirclesRuntimeOptions {
  kafka: Kafka;
  connection: Connection;
  logger: Logger;
  metrics?: ServiceMetrics;
  status?: ConsumerStatusRegistry;
  /** Prefix of consumer group names (`matching` in production; unique per test). */
  groupPrefix?: string;
  circles?: Partial<CirclesOptions>;
}

/**
 * Group mentoring on top of the matching runtime (same event store, pool, managers and topic): the circle and
 * circle-fill commands and the circles read model (consumer group `matching.circles` on matching.events.v1).
 */
export class CirclesRuntime {
  readonly readModel: Circles;
  readonly circles: CirclesService;
  readonly fills: CircleFillService;
  /** Reactors, for `npm run dlq:replay`. */
  readonly groups: ConsumerGroup[] = [];
  private readonly projection: ConsumerRunner;
  private readonly departures: ConsumerRunner;

  constructor(matching: MatchingRuntime, options: CirclesRuntimeOptions) {
    const prefix = options.groupPrefix ?? 'matching';
    this.readModel = new Circles(options.connection);
    this.circles = new CirclesService(
      matching.store,
      matching.pool,
      matching.managers,
      this.readModel,
      options.circles,
    );
    this.fills = new CircleFillService(matching.store, matching.pool, this.circles);
    const consumerOptions = (contracts: ContractRegistry) => ({
      contracts,
      fromBeginning: true,
      logger: options.logger,
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.status ? { status: options.status } : {}),
    });
    this.projection = projectionRunner(
      options.kafka,
      options.connection,
      { ...circlesProjection(matching.matchingTopic), name: `${prefix}.circles` },
      consumerOptions(new ContractRegistry(matchingContracts)),
    );
    const departures = new CircleDeparturesReactor(this.circles);
    const group: ConsumerGroup = {
      group: `${prefix}.circle-departures`,
      handler: (e) => departures.handle(e),
      contracts: new ContractRegistry(profilesContracts),
    };
    this.groups.push(group);
    this.departures = new ConsumerRunner(options.kafka, {
      ...consumerOptions(group.contracts),
      group: group.group,
      topics: [matching.profilesTopic],
      handler: group.handler,
    });
  }

  async start(): Promise<void> {
    await Promise.all([this.projection.start(), this.departures.start()]);
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.projection.stop(), this.departures.stop()]);
  }
}

/**
 * Nest providers for the circles: the runtime (its projection registered with the app's managed consumers, so it
 * starts on bootstrap and drains before MongoDB closes) and the resolver. `namesToken` provides the module's topic
 * and group names.
 */
export function circlesProviders(namesToken: symbol, resolver: Type<unknown>): Provider[] {
  return [
    {
      provide: CirclesRuntime,
      useFactory: (
        matching: MatchingRuntime,
        kafka: Kafka,
        connection: Connection,
        logger: Logger,
        metrics: ServiceMetrics,
        status: ConsumerStatusRegistry,
        consumers: ManagedConsumers,
        names: { groupPrefix?: string },
      ) => {
        const runtime = new CirclesRuntime(matching, {
          kafka,
          connection,
          logger,
          metrics,
          status,
          ...(names.groupPrefix ? { groupPrefix: names.groupPrefix } : {}),
        });
        consumers.register(runtime);
        // `npm run dlq:replay` finds each reactor's handler here; the runtime above owns the actual consumers.
        const alreadyManaged = { start: () => Promise.resolve(), stop: () => Promise.resolve() };
        for (const group of runtime.groups) consumers.register(alreadyManaged, group);
        return runtime;
      },
      inject: [
        MatchingRuntime,
        KAFKA,
        MONGO_CONNECTION,
        ROOT_LOGGER,
        SERVICE_METRICS,
        ConsumerStatusRegistry,
        ManagedConsumers,
        namesToken,
      ],
    },
    resolver,
  ];
}
