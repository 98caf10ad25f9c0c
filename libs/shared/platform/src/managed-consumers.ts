import { BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { ContractRegistry, EnvelopeHandler } from '@trellis/shared/messaging';

export interface StoppableConsumer {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What `npm run dlq:replay` needs to apply a group's dead letters with the group's own (fixed) handler. */
export interface ReplayableGroup {
  group: string;
  handler: EnvelopeHandler;
  contracts: ContractRegistry;
}

/**
 * Owns a service's consumers and relays. On SIGTERM they are stopped in `beforeApplicationShutdown` — stop fetching,
 * finish in-flight handlers, commit, disconnect — before MongoDB closes in `onApplicationShutdown` (PITFALLS).
 */
@Injectable()
export class ManagedConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: StoppableConsumer[] = [];
  private readonly groups = new Map<string, ReplayableGroup>();
  private started = false;

  register(consumer: StoppableConsumer, replayable?: ReplayableGroup): void {
    this.consumers.push(consumer);
    if (replayable) this.groups.set(replayable.group, replayable);
    if (this.started) void consumer.start();
  }

  replayable(group: string): ReplayableGroup | undefined {
    return this.groups.get(group);
  }

  replayableGroups(): string[] {
    return [...this.groups.keys()];
  }

  async onApplicationBootstrap(): Promise<void> {
    this.started = true;
    await Promise.all(this.consumers.map((c) => c.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.consumers.map((c) => c.stop()));
  }
}
