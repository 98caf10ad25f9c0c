import { BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';

export interface StoppableConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Owns a service's consumers and relays. On SIGTERM they are stopped in `beforeApplicationShutdown` — stop fetching,
 * finish in-flight handlers, commit, disconnect — before MongoDB closes in `onApplicationShutdown` (PITFALLS).
 */
@Injectable()
export class ManagedConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: StoppableConsumer[] = [];
  private started = false;

  register(consumer: StoppableConsumer): void {
    this.consumers.push(consumer);
    if (this.started) void consumer.start();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await Promise.all(this.consumers.map((c) => c.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
  }
}
