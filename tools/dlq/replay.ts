// `npm run dlq:replay -- <service> <group>`: applies what `<group>.dlq` holds with that group's current handler, once.
// Boots the service's own module (same configuration as the running service) without serving HTTP.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { replayDeadLetters } from '@trellis/shared/messaging';
import { KAFKA, ManagedConsumers, ROOT_LOGGER, serviceNames, type ServiceName } from '@trellis/shared/platform';
import type { Logger } from '@trellis/shared/observability';
import type { Kafka } from 'kafkajs';

async function main(): Promise<number> {
  const [service, group] = process.argv.slice(2);
  if (!service || !group || !serviceNames.includes(service as ServiceName) || service === 'gateway') {
    console.error('usage: npm run dlq:replay -- <profiles|matching|sessions|notifications> <consumer group>');
    return 2;
  }
  // Each app module is loaded by path so this tool needs no import of any service at build time.
  const { AppModule } = (await import(`../../apps/${service}/src/app.module`)) as { AppModule: new () => unknown };
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const consumers = app.get(ManagedConsumers);
    const target = consumers.replayable(group);
    if (!target) {
      console.error(
        `${service} has no consumer group "${group}". Known: ${consumers.replayableGroups().join(', ') || 'none'}`,
      );
      return 2;
    }
    const report = await replayDeadLetters(app.get<Kafka>(KAFKA), { ...target, logger: app.get<Logger>(ROOT_LOGGER) });
    console.log(`replayed ${report.replayed} message(s) from ${group}.dlq`);
    for (const failure of report.failed) console.log(`still failing at offset ${failure.offset}: ${failure.error}`);
    return report.failed.length ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
