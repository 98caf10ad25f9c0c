import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { AppModule, type GatewayAppOptions } from './app.module';
import { loadGatewayConfig } from './gateway.config';

/**
 * Creates the gateway on the HTTP stack chosen by TRELLIS_GATEWAY_HTTP (Fastify by default: it measured faster, see
 * ADR 0003). Body parsing is the gateway's own, so its size limit answers in GraphQL's error format.
 */
export async function createGatewayApp(
  options: GatewayAppOptions & { quiet?: boolean } = {},
): Promise<INestApplication> {
  const http = options.config?.http ?? loadGatewayConfig().http;
  const nestOptions = options.quiet ? { logger: false as const } : { bufferLogs: true };
  const app =
    http === 'fastify'
      ? await NestFactory.create(AppModule.forRoot(options), new FastifyAdapter({ bodyLimit: 1_048_576 }), {
          ...nestOptions,
          bodyParser: false,
        })
      : await NestFactory.create(AppModule.forRoot(options), { ...nestOptions, bodyParser: false });
  if (!options.quiet) app.useLogger(app.get(PinoNestLogger));
  return app;
}
