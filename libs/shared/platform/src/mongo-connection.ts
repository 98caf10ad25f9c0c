import mongoose, { type Connection } from 'mongoose';
import type { ServiceConfig } from './service-config';

/**
 * How long a request may wait for MongoDB's answer on its connection, and for a pooled connection. Without them an
 * answer that never comes (a server stalled after a restart, a half-open connection) holds its connection for ever,
 * every later request — readiness's ping too — queues behind it, and the service stays unready (and its callers wait)
 * long after the database is fine again: the MongoDB fault drill's profiles at scale. With them the request fails as
 * a transient error (SERVICE_UNAVAILABLE to clients, a retry for consumers), the connection is dropped and the pool
 * heals. The longest legitimate operation (a relay read of a large backlog on FerretDB) stays well below the first.
 * A value in the connection URL wins.
 */
export const MONGO_SOCKET_TIMEOUT_MS = 30_000;
export const MONGO_WAIT_QUEUE_TIMEOUT_MS = 10_000;

function unlessInUrl(mongoUrl: string, options: Record<string, number>): Record<string, number> {
  const named = new Set<string>();
  try {
    for (const key of new URL(mongoUrl).searchParams.keys()) named.add(key.toLowerCase());
  } catch {
    // The driver reports an unreadable URL itself.
  }
  return Object.fromEntries(Object.entries(options).filter(([key]) => !named.has(key.toLowerCase())));
}

export async function openMongoConnection(
  config: Pick<ServiceConfig, 'mongoUrl' | 'mongoDatabase'>,
): Promise<Connection> {
  const connection = mongoose.createConnection(config.mongoUrl, {
    dbName: config.mongoDatabase,
    // Fail a command quickly when the server is gone rather than queueing it for 30 s: readiness and
    // command handlers must report the outage, and Kafka redelivers what could not be applied.
    serverSelectionTimeoutMS: 5000,
    ...unlessInUrl(config.mongoUrl, {
      socketTimeoutMS: MONGO_SOCKET_TIMEOUT_MS,
      waitQueueTimeoutMS: MONGO_WAIT_QUEUE_TIMEOUT_MS,
    }),
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    // Command events feed the query-count tests (no N+1) and are cheap when nobody listens.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}
