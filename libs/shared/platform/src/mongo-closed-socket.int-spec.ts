// A command written on a connection whose socket the server has just closed — destroyed, its 'close' event not yet
// handled — waited for a 'drain' that a destroyed socket never emits. When that command was the driver's heartbeat,
// the monitor waited for ever: after a MongoDB restart the server stayed Unknown, every operation failed server
// selection and the service stayed unready until it was restarted (the MongoDB fault drill at 1,000 commands; the
// live process showed the monitor's connection closed with its check still in progress). The driver patch
// (patches/mongodb+6.20.0.patch) fails such a write as a network error, which the monitor and the pool handle as any
// other; this test waits for ever without it.
import type { Socket } from 'node:net';
import { testInfrastructure } from '@trellis/shared/testing';
import mongoose, { type mongo } from 'mongoose';

const { MongoClient, MongoNetworkError } = mongoose.mongo;

jest.setTimeout(30_000);

/** The driver's connection, as far as this test needs it (internal API of the driver version the patch is for). */
interface DriverConnection {
  socket: Socket;
  command(ns: { db: string; collection: string }, command: mongo.Document, options: object): Promise<mongo.Document>;
}

interface DriverTopology {
  s: { servers: Map<string, { monitor?: { connection?: DriverConnection | null } }> };
}

const admin = { db: 'admin', collection: '$cmd', toString: () => 'admin.$cmd' };

describe('a MongoDB command on a connection the server has just closed', () => {
  let client: mongo.MongoClient;

  beforeEach(async () => {
    client = new MongoClient(testInfrastructure.mongoUrl, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    await client.db('admin').command({ ping: 1 });
  });

  afterEach(async () => {
    await client.close(true);
  });

  it('fails as a network error instead of waiting for ever', async () => {
    const topology = (client as unknown as { topology: DriverTopology }).topology;
    const [server] = [...topology.s.servers.values()];
    const connection = server?.monitor?.connection;
    if (!connection) throw new Error('the driver kept no monitoring connection to try this on');

    connection.socket.destroy();
    const outcome = await Promise.race([
      connection.command(admin, { hello: 1 }, {}).then(
        () => 'answered',
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still waiting after 5 s'), 5000)),
    ]);

    expect(outcome).toBeInstanceOf(MongoNetworkError);
  });

  it('leaves the client working: the next operation gets a fresh connection', async () => {
    const topology = (client as unknown as { topology: DriverTopology }).topology;
    const connection = [...topology.s.servers.values()][0]?.monitor?.connection;
    connection?.socket.destroy();
    await connection?.command(admin, { hello: 1 }, {}).catch(() => undefined);

    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
  });
});
