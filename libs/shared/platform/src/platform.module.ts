import {
  type DynamicModule,
  Global,
  Inject,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConsumerStatusRegistry, createKafka } from '@trellis/shared/messaging';
import { createLogger, createServiceMetrics, currentCorrelation, type Logger } from '@trellis/shared/observability';
import type { Connection } from 'mongoose';
import { LoggerModule } from 'nestjs-pino';
import { CorrelationMiddleware } from './correlation.middleware';
import { HealthController } from './health.controller';
import { InfrastructureHealthIndicators } from './health.indicators';
import { ManagedConsumers } from './managed-consumers';
import { MetricsController } from './metrics.controller';
import { openMongoConnection } from './mongo-connection';
import { loadServiceConfig, type ServiceConfig, type ServiceName } from './service-config';
import { ShutdownState } from './shutdown-state';
import { KAFKA, MONGO_CONNECTION, ROOT_LOGGER, SERVICE_CONFIG, SERVICE_METRICS } from './tokens';

export interface PlatformOptions {
  service: ServiceName;
  /** Open the service's own MongoDB database (every service but the gateway). */
  mongo: boolean;
  kafka: boolean;
  /** Overrides on top of the environment; tests use it to point at their own database. */
  config?: Partial<ServiceConfig>;
}

class MongoLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(MONGO_CONNECTION) private readonly connection: Connection,
    private readonly shutdown: ShutdownState,
  ) {}

  // Runs after every beforeApplicationShutdown hook, where consumers drain: MongoDB is closed last, so no handler runs
  // against a closed connection (docs/architecture.md §13, Service lifecycle).
  async onApplicationShutdown(): Promise<void> {
    await this.shutdown.step('close mongodb', () => this.connection.close());
  }
}

@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService(options: PlatformOptions): DynamicModule {
    const config: ServiceConfig = { ...loadServiceConfig(options.service), ...options.config };
    const logger = createLogger(options.service);
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: ROOT_LOGGER, useValue: logger },
      { provide: SERVICE_METRICS, useValue: createServiceMetrics(options.service) },
      ConsumerStatusRegistry,
      ShutdownState,
      InfrastructureHealthIndicators,
      ManagedConsumers,
    ];
    const exported: Array<string | symbol | Provider> = [
      SERVICE_CONFIG,
      ROOT_LOGGER,
      SERVICE_METRICS,
      ConsumerStatusRegistry,
      ShutdownState,
      ManagedConsumers,
    ];
    if (options.mongo) {
      providers.push({ provide: MONGO_CONNECTION, useFactory: () => openMongoConnection(config) }, MongoLifecycle);
      exported.push(MONGO_CONNECTION);
    }
    if (options.kafka) {
      providers.push({
        provide: KAFKA,
        useFactory: (root: Logger) =>
          createKafka({ brokers: config.kafkaBrokers, clientId: `trellis-${options.service}`, logger: root }),
        inject: [ROOT_LOGGER],
      });
      exported.push(KAFKA);
    }
    return {
      module: PlatformModule,
      imports: [
        TerminusModule.forRoot({ logger: false, errorLogStyle: 'json' }),
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            genReqId: (req) => currentCorrelation()?.correlationId ?? (req.id as string | number | undefined) ?? '',
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
          },
        }),
      ],
      controllers: [HealthController, MetricsController],
      providers,
      exports: exported,
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
