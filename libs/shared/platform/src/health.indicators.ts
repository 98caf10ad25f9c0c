import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { ConsumerStatusRegistry } from '@trellis/shared/messaging';
import type { Admin, Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { KAFKA, MONGO_CONNECTION } from './tokens';

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

// Terminus's own Mongoose and microservice indicators need @nestjs/mongoose and @nestjs/microservices, which
// Trellis does not use (why: docs/architecture.md §16, Known traps of the stack), so the checks are written against
// our own connections.
@Injectable()
export class InfrastructureHealthIndicators implements OnModuleDestroy {
  private readonly admin: Admin | undefined;
  private adminConnected: Promise<void> | undefined;

  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly consumers: ConsumerStatusRegistry,
    @Optional() @Inject(MONGO_CONNECTION) private readonly mongo?: Connection,
    @Optional() @Inject(KAFKA) kafka?: Kafka,
  ) {
    this.admin = kafka?.admin({ retry: { retries: 0 } });
  }

  get checksMongo(): boolean {
    return this.mongo !== undefined;
  }

  get checksKafka(): boolean {
    return this.admin !== undefined;
  }

  async mongodb(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('mongodb');
    try {
      const db = this.mongo?.db;
      if (!db) return check.down({ message: 'not connected' });
      await withTimeout(db.command({ ping: 1 }), 2000, 'MongoDB');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }

  async kafka(): Promise<HealthIndicatorResult> {
    const check = this.indicators.check('kafka');
    const admin = this.admin;
    if (!admin) return check.up();
    try {
      this.adminConnected ??= admin.connect();
      await withTimeout(this.adminConnected, 3000, 'Kafka');
      const cluster = await withTimeout(admin.describeCluster(), 3000, 'Kafka');
      return check.up({ brokers: cluster.brokers.length });
    } catch (error) {
      // Start a fresh connection on the next probe rather than keep a broken one.
      this.adminConnected = undefined;
      await admin.disconnect().catch(() => undefined);
      return check.down({ message: (error as Error).message });
    }
  }

  consumerGroups(): HealthIndicatorResult {
    const check = this.indicators.check('consumers');
    const crashed = this.consumers.unhealthy();
    if (crashed.length) {
      return check.down({ message: crashed.map((c) => `${c.group}: ${c.lastError ?? c.state}`).join('; ') });
    }
    return check.up({ groups: this.consumers.all().map((c) => `${c.group}:${c.state}`) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
  }
}
