// A service process for the graceful-shutdown test: the real platform (Nest shutdown hooks, ManagedConsumers,
// MongoDB closed last) with one ConsumerRunner whose effect is a counter per event id in MongoDB. Spawned with
// `node -r tools/run/register.cjs`; configured by the environment (TRELLIS_* plus DRAIN_TOPIC and DRAIN_GROUP).
import 'reflect-metadata';
import { Inject, Injectable, Module } from '@nestjs/common';
import { ConsumerRunner, ConsumerStatusRegistry, ContractRegistry } from '@trellis/shared/messaging';
import type { Logger, ServiceMetrics } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { z } from 'zod';
import { bootstrapService } from '../bootstrap';
import { ManagedConsumers } from '../managed-consumers';
import { PlatformModule } from '../platform.module';
import { KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_METRICS } from '../tokens';

const drainContracts = new ContractRegistry([
  { type: 'BurstHappened', schemaVersion: 1, data: z.object({ n: z.number().int() }).strict() },
]);

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

@Injectable()
class DrainConsumer {
  constructor(
    managed: ManagedConsumers,
    status: ConsumerStatusRegistry,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MONGO_CONNECTION) connection: Connection,
    @Inject(ROOT_LOGGER) logger: Logger,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    const effects = connection.collection<{ _id: string; count: number }>('drain_effects');
    const runner = new ConsumerRunner(kafka, {
      group: required('DRAIN_GROUP'),
      topics: [required('DRAIN_TOPIC')],
      contracts: drainContracts,
      logger,
      metrics,
      status,
      partitionsConcurrently: 3,
      // The effect is deliberately not idempotent: a message handled twice shows up as count 2.
      handler: async (envelope) => {
        await effects.updateOne({ _id: envelope.id }, { $inc: { count: 1 } }, { upsert: true });
      },
    });
    managed.register(runner);
  }
}

@Module({
  imports: [PlatformModule.forService({ service: 'profiles', mongo: true, kafka: true })],
  providers: [DrainConsumer],
})
class DrainHarnessModule {}

bootstrapService(DrainHarnessModule).then(
  () => process.stdout.write('harness ready\n'),
  (error: unknown) => {
    process.stderr.write(`harness failed: ${String(error)}\n`);
    process.exit(1);
  },
);
