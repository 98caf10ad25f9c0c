import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { initTracing } from '@trellis/shared/observability';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { drainOnSignals } from './drain-on-signals';
import type { ServiceConfig } from './service-config';
import { SERVICE_CONFIG } from './tokens';

/**
 * The largest JSON body a service reads. The gateway sends a subgraph the entities of a whole answer in one request:
 * the names of a round of 5,000 pairs are 10,000 representations (about 700 kB), far over body-parser's 100 kB
 * default, which failed the round console as INTERNAL. What clients may send is limited at the gateway.
 */
const SERVICE_MAX_BODY = '16mb';

/**
 * Starts one Trellis app: JSON logs, a bounded drain on SIGTERM (consumers before MongoDB), listens on
 * the configured loopback or pod address. Returns the app so tests can close it.
 */
export async function bootstrapService(rootModule: Type<unknown> | DynamicModule): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(rootModule, { bufferLogs: true });
  app.useBodyParser('json', { limit: SERVICE_MAX_BODY });
  app.useLogger(app.get(PinoNestLogger));
  drainOnSignals(app);
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  // Before the first request or message: spans then exist for everything the service does (exporter per OTEL_*).
  initTracing({ service: config.service });
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  app.get(PinoNestLogger).log(`${config.service} listening on ${url}`, 'Bootstrap');
  return app;
}
