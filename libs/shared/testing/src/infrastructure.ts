import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import { Kafka, logLevel } from 'kafkajs';

const run = promisify(execFile);
const repoRoot = path.resolve(__dirname, '../../../..');

/** Where the real servers started by `npm run infra -- up` (or an external cluster) are; same variables as the apps. */
export const testInfrastructure = {
  mongoUrl: process.env['TRELLIS_MONGO_URL'] ?? `mongodb://127.0.0.1:${process.env['TRELLIS_MONGO_PORT'] ?? 27017}`,
  kafkaBrokers: (
    process.env['TRELLIS_KAFKA_BROKERS'] ?? `127.0.0.1:${process.env['TRELLIS_KAFKA_PORT'] ?? 9092}`
  ).split(','),
  smtpUrl: process.env['TRELLIS_SMTP_URL'] ?? `smtp://127.0.0.1:${process.env['TRELLIS_SMTP_PORT'] ?? 1025}`,
  mailpitUrl:
    process.env['TRELLIS_MAILPIT_URL'] ?? `http://127.0.0.1:${process.env['TRELLIS_MAILPIT_HTTP_PORT'] ?? 8025}`,
};

/** A name no other test (or earlier run) uses: tests share one broker and one server. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`.replace(/[^A-Za-z0-9_]/g, '_');
}

export interface TestDatabase {
  name: string;
  connection: Connection;
  drop(): Promise<void>;
}

export async function createTestDatabase(prefix = 'test'): Promise<TestDatabase> {
  const name = uniqueName(`t_${prefix}`).slice(0, 60);
  const connection = mongoose.createConnection(testInfrastructure.mongoUrl, {
    dbName: name,
    serverSelectionTimeoutMS: 10_000,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
  });
  await connection.asPromise();
  return {
    name,
    connection,
    async drop() {
      await connection.dropDatabase().catch(() => undefined);
      await connection.close();
    },
  };
}

// Independent of @trellis/shared/messaging on purpose: that library's own tests use this one.
export function createTestKafka(clientId = uniqueName('test'), brokers = testInfrastructure.kafkaBrokers): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, retry: { retries: 8, initialRetryTime: 200 } });
}

export async function createTestTopics(kafka: Kafka, names: string[], partitions = 3): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
}

export async function deleteTestTopics(kafka: Kafka, names: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const topics = names.filter((n) => existing.has(n));
    if (topics.length) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
  }
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port!;
}

/**
 * Ports for several servers started together, all different. Each listener is held until every port is chosen:
 * closing one before asking for the next lets the system hand the same port out twice, and two services then share
 * an address (the gateway composed sessions' schema under the name profiles once).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', resolve);
      });
    }
    return servers.map((server) => (server.address() as net.AddressInfo).port);
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

/**
 * A private instance of one infrastructure component (its own port and data folder), for tests that stop and start
 * a server: they must not disturb the shared one other tests use. Uses the same installer as `npm run infra`.
 */
export class PrivateInfrastructure {
  readonly dataDir = path.join(os.tmpdir(), uniqueName('trellis-private-infra'));

  private constructor(private readonly env: NodeJS.ProcessEnv) {}

  static async ferretDb(): Promise<{ infra: PrivateInfrastructure; mongoUrl: string }> {
    const [port, postgresPort] = await freePorts(2);
    const infra = new PrivateInfrastructure({
      TRELLIS_MONGO_PORT: String(port),
      TRELLIS_POSTGRES_PORT: String(postgresPort),
    });
    return { infra, mongoUrl: `mongodb://127.0.0.1:${port}` };
  }

  static async kafka(): Promise<{ infra: PrivateInfrastructure; brokers: string[] }> {
    const [port, controllerPort] = await freePorts(2);
    const infra = new PrivateInfrastructure({
      TRELLIS_KAFKA_PORT: String(port),
      TRELLIS_KAFKA_CONTROLLER_PORT: String(controllerPort),
      TRELLIS_KAFKA_HEAP: '384m',
    });
    return { infra, brokers: [`127.0.0.1:${port}`] };
  }

  async up(component: 'ferretdb' | 'kafka'): Promise<void> {
    await this.cli('up', component);
  }

  async down(component: 'ferretdb' | 'kafka'): Promise<void> {
    await this.cli('down', component);
  }

  /** Stops everything this instance started (FerretDB's PostgreSQL included) and deletes its data. */
  async destroy(): Promise<void> {
    await this.cli('reset');
  }

  private async cli(command: string, component?: string): Promise<void> {
    try {
      const args = [path.join(repoRoot, 'tools/infra/infra.mjs'), command, ...(component ? [component] : [])];
      await run(process.execPath, args, {
        env: { ...process.env, ...this.env, TRELLIS_INFRA_DIR: this.dataDir },
      });
    } catch (error) {
      const { stderr } = error as { stderr?: string };
      throw new Error(`infra ${command} ${component} failed: ${stderr ?? String(error)}`);
    }
  }
}
