import 'reflect-metadata';
import { initTracing } from '@trellis/shared/observability';
import { drainOnSignals, type ServiceConfig, SERVICE_CONFIG } from '@trellis/shared/platform';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { createGatewayApp } from './gateway.app';

async function main(): Promise<void> {
  const app = await createGatewayApp();
  drainOnSignals(app);
  const config = app.get<ServiceConfig>(SERVICE_CONFIG);
  initTracing({ service: config.service });
  await app.listen(config.port, config.host);
  app.get(PinoNestLogger).log(`gateway listening on ${await app.getUrl()}/graphql`, 'Bootstrap');
}

main().catch((error: unknown) => {
  console.error(JSON.stringify({ level: 'fatal', service: 'gateway', msg: 'start-up failed', err: String(error) }));
  process.exit(1);
});
