import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AuthConfig } from '@trellis/shared/auth';

// Entry point of one probe subgraph process (see probe-subgraphs.ts); only the requested kind's types are loaded.
async function main(): Promise<void> {
  const auth = JSON.parse(process.env['PROBE_AUTH'] ?? '{}') as AuthConfig;
  const kind = process.env['PROBE_KIND'];
  const module =
    kind === 'programs'
      ? (await import('./probe-programs.subgraph')).probeProgramsModule(auth)
      : (await import('./probe-stats.subgraph')).probeStatsModule(auth);
  const app =
    process.env['PROBE_HTTP'] === 'express'
      ? await NestFactory.create(module, { logger: false })
      : await NestFactory.create(module, new FastifyAdapter(), { logger: false });
  app.enableShutdownHooks(['SIGTERM']);
  await app.listen(Number(process.env['PROBE_PORT']), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
