import { Kafka, logLevel, type KafkaConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@trellis/shared/observability';
import { kafkaLogLevel } from './kafka-log-level';

export interface KafkaConnectionOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** How long one connection attempt may take; readiness checks rely on failing fast. */
  connectionTimeoutMs?: number;
}

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
        const verdict = kafkaLogLevel(level, message, rest['error']);
        kafkaLogger[verdict.level]({ ...rest, ...verdict.fields }, message);
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
