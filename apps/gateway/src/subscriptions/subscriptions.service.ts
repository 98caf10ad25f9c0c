import { type BeforeApplicationShutdown, Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TokenVerifier } from '@trellis/shared/auth';
import type { Logger } from '@trellis/shared/observability';
import { KAFKA, ROOT_LOGGER, ShutdownState } from '@trellis/shared/platform';
import type { Kafka } from 'kafkajs';
import type { Server } from 'node:http';
import type { GatewayConfig } from '../gateway.config';
import { GRAPHQL_PATH } from '../graphql/gateway-graphql.service';
import { GATEWAY_CONFIG } from '../tokens';
import { EventFeed } from './event-feed';
import { attachSubscriptionServer } from './subscription-server';

/** Starts the Kafka-fed event feed and the graphql-ws transport on the gateway's HTTP server. */
@Injectable()
export class SubscriptionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly feed: EventFeed;
  private server: { close(): Promise<void> } | undefined;
  private readonly logger: Logger;

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly verifier: TokenVerifier,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(ROOT_LOGGER) root: Logger,
    private readonly shutdown: ShutdownState,
  ) {
    this.logger = root.child({ component: 'subscriptions' });
    this.feed = new EventFeed(kafka, config.eventTopics, this.logger);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.server = attachSubscriptionServer({
      httpServer: this.adapterHost.httpAdapter.getHttpServer() as Server,
      path: GRAPHQL_PATH,
      feed: this.feed,
      verifier: this.verifier,
      limits: this.config.limits,
      logger: this.logger,
    });
    await this.feed.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.shutdown.step('close subscription sockets', async () => this.server?.close());
    await this.shutdown.step('stop subscription feed', () => this.feed.stop());
  }
}
