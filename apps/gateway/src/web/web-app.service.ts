import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '@trellis/shared/observability';
import { ROOT_LOGGER } from '@trellis/shared/platform';
import { cacheControlFor, isSpaRoute } from './spa-paths';
import { WEB_APP_CONFIG, type WebAppConfig } from './web-app.config';

interface FastifyLike {
  register(plugin: unknown, options: Record<string, unknown>): unknown;
  route(options: Record<string, unknown>): void;
}
interface FastifyReplyLike {
  sendFile(file: string): unknown;
  callNotFound(): void;
}

/**
 * Serves the web app's production build from the gateway's own origin (ADR 0009): hashed assets with a long cache,
 * index.html for every client-side route. /graphql, /health/*, /metrics and /config.json keep their handlers.
 */
@Injectable()
export class WebAppService implements OnModuleInit {
  private readonly logger: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(WEB_APP_CONFIG) private readonly config: WebAppConfig,
    @Inject(ROOT_LOGGER) root: Logger,
  ) {
    this.logger = root.child({ component: 'web-app' });
  }

  async onModuleInit(): Promise<void> {
    const { root } = this.config;
    if (!fs.existsSync(path.join(root, 'index.html'))) {
      this.logger.info({ root }, 'no web app build found; serving the API only');
      return;
    }
    const adapter = this.adapterHost.httpAdapter;
    const setHeaders = (res: ServerResponse, file: string) =>
      res.setHeader('Cache-Control', cacheControlFor(path.relative(root, file)));
    if (adapter.getType() === 'fastify') {
      const fastify = adapter.getInstance<FastifyLike>();
      // One route per file found at start (the build does not change under a running gateway), so unknown paths
      // reach the catch-all below instead of the plugin's own 404.
      fastify.register(fastifyStatic, {
        root,
        prefix: '/',
        wildcard: false,
        index: false,
        cacheControl: false,
        setHeaders,
      });
      fastify.route({
        method: 'GET',
        url: '/*',
        handler: (request: { url: string }, reply: FastifyReplyLike) =>
          isSpaRoute(request.url) ? reply.sendFile('index.html') : reply.callNotFound(),
      });
    } else {
      const { default: express } = await import('express');
      const app = adapter.getInstance<{ use(handler: unknown): void }>();
      app.use(express.static(root, { index: false, cacheControl: false, setHeaders }));
      const fallback = (req: Request, res: Response, next: NextFunction) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !isSpaRoute(req.originalUrl)) return next();
        res.setHeader('Cache-Control', 'no-cache');
        res.sendFile(path.join(root, 'index.html'), { cacheControl: false });
      };
      app.use(fallback);
    }
  }
}
