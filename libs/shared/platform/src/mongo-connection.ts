import mongoose, { type Connection } from 'mongoose';
import type { ServiceConfig } from './service-config';

export async function openMongoConnection(
  config: Pick<ServiceConfig, 'mongoUrl' | 'mongoDatabase'>,
): Promise<Connection> {
  const connection = mongoose.createConnection(config.mongoUrl, {
    dbName: config.mongoDatabase,
    // Fail a command quickly when the server is gone rather than queueing it for 30 s: readiness and
    // command handlers must report the outage, and Kafka redelivers what could not be applied.
    serverSelectionTimeoutMS: 5000,
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    // Command events feed the query-count tests (no N+1) and are cheap when nobody listens.
    monitorCommands: true,
  });
  await connection.asPromise();
  return connection;
}
