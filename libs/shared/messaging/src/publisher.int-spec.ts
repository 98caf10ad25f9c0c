// A send whose answer never arrives may still have been appended by the broker. The publisher must be able to send
// again afterwards — a different batch, as the outbox relay's next read is — instead of being refused for ever.
import net from 'node:net';
import { Kafka, logLevel, type ISocketFactory } from 'kafkajs';
import { z } from 'zod';
import { createTestTopics, deleteTestTopics, testInfrastructure, uniqueName } from '@trellis/shared/testing';
import { ContractRegistry, type EventEnvelope } from './envelope';
import { EventPublisher } from './publisher';

jest.setTimeout(90_000);

const contracts = new ContractRegistry([{ type: 'Pinged', schemaVersion: 1, data: z.object({}).strict() }]);
const PRODUCE_API_KEY = 0;

/**
 * Real connections to the real broker, except that while `losing` is set the answer to every produce request is
 * thrown away and the connection cut, as when a broker or the network fails after the broker has appended.
 */
function answerLosingSockets(): {
  factory: ISocketFactory;
  setLosing(on: boolean): void;
  setRefusing(port: number | null): void;
  lost(): number;
} {
  let losing = false;
  let refusingPort: number | null = null;
  let lost = 0;
  const factory: ISocketFactory = ({ host, port, onConnect }) => {
    // While refusing, every connection goes to a port nobody listens on: the broker is down.
    const socket = net.connect({ host, port: refusingPort ?? port }, onConnect);
    const produceRequests = new Set<number>();
    const write = socket.write.bind(socket) as (chunk: Buffer, ...rest: unknown[]) => boolean;
    // kafkajs writes each request as one buffer: size, api key, api version, correlation id.
    socket.write = ((chunk: Buffer, ...rest: unknown[]) => {
      if (Buffer.isBuffer(chunk) && chunk.length >= 12 && chunk.readInt16BE(4) === PRODUCE_API_KEY) {
        produceRequests.add(chunk.readInt32BE(8));
      }
      return write(chunk, ...rest);
    }) as typeof socket.write;
    const on = socket.on.bind(socket);
    socket.on = ((event: string, listener: (...args: unknown[]) => void) => {
      if (event !== 'data') return on(event, listener);
      let pending = Buffer.alloc(0);
      return on('data', (data: Buffer) => {
        pending = Buffer.concat([pending, data]);
        while (pending.length >= 8 && pending.length >= 4 + pending.readInt32BE(0)) {
          const frame = pending.subarray(0, 4 + pending.readInt32BE(0));
          pending = pending.subarray(frame.length);
          const correlationId = frame.readInt32BE(4);
          if (losing && produceRequests.has(correlationId)) {
            lost += 1;
            // An error, not a plain close: kafkajs notices errors at once, a close only at its request timeout.
            socket.destroy(new Error('connection lost before the answer arrived'));
            return;
          }
          produceRequests.delete(correlationId);
          listener(frame);
        }
      });
    }) as typeof socket.on;
    socket.setKeepAlive(true, 60_000);
    return socket;
  };
  return {
    factory,
    setLosing: (on) => (losing = on),
    setRefusing: (closedPort) => (refusingPort = closedPort),
    lost: () => lost,
  };
}

function pings(prefix: string, count: number): EventEnvelope[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    type: 'Pinged',
    schemaVersion: 1,
    streamId: 'pinger',
    streamType: 'ping',
    revision: i + 1,
    occurredAt: new Date().toISOString(),
    tenantId: 'org-1',
    correlationId: `${prefix}-c`,
    data: {},
  }));
}

async function eventIdsOn(kafka: Kafka, topic: string, atLeast: number): Promise<string[]> {
  const consumer = kafka.consumer({ groupId: uniqueName('publisher-reader') });
  const ids: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        ids.push(String(message.headers?.['event-id']));
      },
    });
    const deadline = Date.now() + 30_000;
    while (ids.length < atLeast && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    return ids;
  } finally {
    await consumer.disconnect();
  }
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('EventPublisher when the broker fails', () => {
  const topic = uniqueName('publisher.events');
  const sockets = answerLosingSockets();
  const kafka = new Kafka({
    clientId: uniqueName('publisher'),
    brokers: testInfrastructure.kafkaBrokers,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100 },
    socketFactory: sockets.factory,
  });
  const publisher = new EventPublisher(kafka, contracts);

  beforeAll(() => createTestTopics(kafka, [topic], 1));
  afterAll(async () => {
    await publisher.disconnect();
    await deleteTestTopics(kafka, [topic]).catch(() => undefined);
  });

  it('sends the next, different batch, and nothing the broker took is missing', async () => {
    await publisher.publish([{ topic, envelopes: pings('warm-up', 1) }]);

    sockets.setLosing(true);
    await expect(publisher.publish([{ topic, envelopes: pings('unanswered', 3) }])).rejects.toThrow();
    expect(sockets.lost()).toBeGreaterThan(0);

    sockets.setLosing(false);
    // The relay reads again after a failure and finds more commits: the same events and newer ones.
    await publisher.publish([{ topic, envelopes: [...pings('unanswered', 3), ...pings('later', 2)] }]);
    await publisher.publish([{ topic, envelopes: pings('after', 1) }]);

    const ids = await eventIdsOn(kafka, topic, 7);
    expect(new Set(ids)).toEqual(
      new Set(['warm-up-0', 'unanswered-0', 'unanswered-1', 'unanswered-2', 'later-0', 'later-1', 'after-0']),
    );
  });

  it('connects again once the broker is back, after failing to connect while it was down', async () => {
    const refusedTopic = uniqueName('publisher.refused');
    await createTestTopics(kafka, [refusedTopic], 1);
    try {
      const fresh = new EventPublisher(kafka, contracts);
      sockets.setRefusing(await closedPort());
      await expect(fresh.publish([{ topic: refusedTopic, envelopes: pings('down', 1) }])).rejects.toThrow(
        /ECONNREFUSED/,
      );
      sockets.setRefusing(null);
      await fresh.publish([{ topic: refusedTopic, envelopes: pings('back', 1) }]);
      await fresh.disconnect();
      expect(await eventIdsOn(kafka, refusedTopic, 1)).toEqual(['back-0']);
    } finally {
      sockets.setRefusing(null);
      await deleteTestTopics(kafka, [refusedTopic]).catch(() => undefined);
    }
  });
});
