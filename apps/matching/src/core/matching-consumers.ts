import { projectionRunner, type ProjectionDefinition } from '@trellis/shared/event-store';
import {
  ConsumerRunner,
  type ConsumerStatusRegistry,
  type ContractRegistry,
  type EnvelopeHandler,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { FeatureConsumer } from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';

/**
 * Builds the matching service's projections and reactors with the clients and telemetry they all share, for the
 * feature modules to hand to `EventSourcingModule.forFeature`, which starts and drains them.
 */
export class MatchingConsumers {
  constructor(
    private readonly kafka: Kafka,
    private readonly connection: Connection,
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
    private readonly status?: ConsumerStatusRegistry,
  ) {}

  /** A read model fed by `group`. */
  projection<Row extends Record<string, unknown>>(
    definition: ProjectionDefinition<Row>,
    group: string,
    contracts: ContractRegistry,
  ): FeatureConsumer {
    const named = { ...definition, name: group };
    return { consumer: projectionRunner(this.kafka, this.connection, named, this.consumerOptions(contracts)) };
  }

  /** A reactor; `npm run dlq:replay` finds its handler through the app's managed consumers. */
  reactor(group: string, topics: string[], contracts: ContractRegistry, handler: EnvelopeHandler): FeatureConsumer {
    return {
      consumer: new ConsumerRunner(this.kafka, { ...this.consumerOptions(contracts), group, topics, handler }),
      replayable: { group, handler, contracts },
    };
  }

  private consumerOptions(contracts: ContractRegistry) {
    return {
      contracts,
      fromBeginning: true,
      logger: this.logger,
      ...(this.metrics ? { metrics: this.metrics } : {}),
      ...(this.status ? { status: this.status } : {}),
    };
  }
}
