import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@trellis/shared/observability';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** How long one connection attempt may take; readiness checks rely on failing fast. */
  connectionTimeoutMs?: number;
}

const levelNames: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

// kafkajs is unmaintained upstream: producing, consuming and topic administration go through this library, so it can
// be replaced in few places (docs/architecture.md §16, Known traps of the stack).
export function createKafka(options: KafkaConnectionOptions): Kafka {
  const kafkaLogger = options.logger.child({ component: 'kafkajs' });
  const config: KafkaConfig = {
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    requestTimeout: 30_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        // A coordinator that is still loading right after broker start is expected and retried by kafkajs.
        const noisy = /coordinator is (loading|not available)|not the correct coordinator/i.test(String(rest['error']));
        kafkaLogger[noisy ? 'debug' : (levelNames[level] ?? 'info')](rest, message);
      },
  };
  return new Kafka(config);
}

export function parseBrokers(value: string): string[] {
  return value
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
