import { BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { ContractRegistry, EnvelopeHandler } from '@trellis/shared/messaging';
import { ShutdownState } from './shutdown-state';

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
 * finish in-flight handlers, commit, disconnect — before MongoDB closes in `onApplicationShutdown`, so no handler
 * runs against a closed connection (docs/architecture.md §13, Service lifecycle).
 */
@Injectable()
export class ManagedConsumers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: Array<{ consumer: StoppableConsumer; name: string }> = [];
  private readonly groups = new Map<string, ReplayableGroup>();
  private started = false;

  constructor(@Optional() private readonly shutdown?: ShutdownState) {}

  register(consumer: StoppableConsumer, replayable?: ReplayableGroup): void {
    this.consumers.push({ consumer, name: replayable?.group ?? nameOf(consumer, this.consumers.length + 1) });
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
    await Promise.all(this.consumers.map((c) => c.consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled(
      this.consumers.map(({ consumer, name }) =>
        this.shutdown ? this.shutdown.step(`stop ${name}`, () => consumer.stop()) : consumer.stop(),
      ),
    );
  }
}

/** How the drain's log names a consumer: its group when it has one, else its kind (relay, runtime…). */
function nameOf(consumer: StoppableConsumer, position: number): string {
  const group = (consumer as { group?: unknown }).group;
  if (typeof group === 'string') return group;
  const kind = consumer.constructor.name;
  return kind && kind !== 'Object' ? `${kind} #${position}` : `consumer #${position}`;
}
