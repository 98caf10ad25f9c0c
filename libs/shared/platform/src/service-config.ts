import { z } from 'zod';

export const serviceNames = ['gateway', 'profiles', 'matching', 'sessions', 'notifications'] as const;
export type ServiceName = (typeof serviceNames)[number];

const defaultPorts: Record<ServiceName, number> = {
  gateway: 4000,
  profiles: 4001,
  matching: 4002,
  sessions: 4003,
  notifications: 4004,
};

const envSchema = z.object({
  TRELLIS_MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017'),
  TRELLIS_KAFKA_BROKERS: z.string().min(1).default('127.0.0.1:9092'),
  TRELLIS_KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
  TRELLIS_KAFKA_REPLICATION: z.coerce.number().int().min(1).max(7).default(1),
  TRELLIS_SMTP_URL: z.string().default('smtp://127.0.0.1:1025'),
  TRELLIS_HOST: z.string().default('127.0.0.1'),
  TRELLIS_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(1000).default(25_000),
  TRELLIS_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(60_000).default(0),
});

export interface ServiceConfig {
  service: ServiceName;
  host: string;
  port: number;
  mongoUrl: string;
  mongoDatabase: string;
  kafkaBrokers: string[];
  kafkaPartitions: number;
  kafkaReplication: number;
  smtpUrl: string;
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long readiness answers 503 while the app still serves, before it closes (no preStop). */
  shutdownDelayMs: number;
}

/** Reads the service's configuration from the environment; a bad value stops start-up with a message naming it. */
export function loadServiceConfig(service: ServiceName, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration for ${service}: ${problems}`);
  }
  const upper = service.toUpperCase();
  const port = z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .parse(env[`TRELLIS_${upper}_PORT`] ?? defaultPorts[service]);
  const values = parsed.data;
  return {
    service,
    host: values.TRELLIS_HOST,
    port,
    mongoUrl: env[`TRELLIS_${upper}_MONGO_URL`] ?? values.TRELLIS_MONGO_URL,
    mongoDatabase: env[`TRELLIS_${upper}_MONGO_DB`] ?? `trellis_${service}`,
    kafkaBrokers: values.TRELLIS_KAFKA_BROKERS.split(',').map((b) => b.trim()),
    kafkaPartitions: values.TRELLIS_KAFKA_PARTITIONS,
    kafkaReplication: values.TRELLIS_KAFKA_REPLICATION,
    smtpUrl: values.TRELLIS_SMTP_URL,
    shutdownTimeoutMs: values.TRELLIS_SHUTDOWN_TIMEOUT_MS,
    shutdownDelayMs: values.TRELLIS_SHUTDOWN_DELAY_MS,
  };
}
