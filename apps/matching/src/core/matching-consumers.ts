import { projectionRunner, type EventStore, type ProjectionDefinition } from '@trellis/shared/event-store';
import {
  ConsumerRunner,
  type ConsumerStatusRegistry,
  type ContractRegistry,
  type EnvelopeHandler,
} from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { ManagedConsumers, StoppableConsumer } from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import type { MatchingOutbox } from './matching-outbox';

export interface Timer {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Every background part of the matching service, which the feature modules add their projections, reactors and
 * timers to. Started after the indexes and the relay; drained consumers first, then the relay and the publisher.
 * MongoDB is closed elsewhere, after this returns (PlatformModule's onApplicationShutdown), so no handler runs
 * against a closed connection (docs/architecture.md §13, Service lifecycle).
 */
export class MatchingConsumers implements StoppableConsumer {
  private readonly consumers: StoppableConsumer[] = [];
  private readonly timers: Timer[] = [];

  constructor(
    private readonly kafka: Kafka,
    private readonly connection: Connection,
    private readonly store: EventStore,
    private readonly outbox: MatchingOutbox,
    private readonly managed: ManagedConsumers,
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
    private readonly status?: ConsumerStatusRegistry,
  ) {}

  /** A read model fed by `group`. */
  projection<Row extends Record<string, unknown>>(
    definition: ProjectionDefinition<Row>,
    group: string,
    contracts: ContractRegistry,
  ): void {
    const named = { ...definition, name: group };
    this.consumers.push(projectionRunner(this.kafka, this.connection, named, this.consumerOptions(contracts)));
  }

  /** A reactor; `npm run dlq:replay` finds its handler through the app's managed consumers. */
  reactor(group: string, topics: string[], contracts: ContractRegistry, handler: EnvelopeHandler): void {
    this.consumers.push(new ConsumerRunner(this.kafka, { ...this.consumerOptions(contracts), group, topics, handler }));
    // Started and drained here, in order; the managed consumers only need the handler.
    const alreadyManaged = { start: () => Promise.resolve(), stop: () => Promise.resolve() };
    this.managed.register(alreadyManaged, { group, handler, contracts });
  }

  /** A timer, started once the consumers run and stopped before they drain. */
  timer(part: Timer): void {
    this.timers.push(part);
  }

  async start(): Promise<void> {
    await this.store.ensureIndexes();
    await this.outbox.start();
    await Promise.all(this.consumers.map((c) => c.start()));
    for (const timer of this.timers) timer.start();
  }

  async stop(): Promise<void> {
    await Promise.allSettled(this.timers.map((t) => t.stop()));
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
    await this.outbox.stop();
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
