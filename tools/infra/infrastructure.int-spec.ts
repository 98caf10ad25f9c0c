import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  testInfrastructure,
  uniqueName,
} from '@trellis/shared/testing';
import { Partitioners } from 'kafkajs';
import { Schema } from 'mongoose';
import nodemailer from 'nodemailer';

describe('local infrastructure', () => {
  it('Kafka: a consumer group receives what a producer sent and its committed offsets survive a reconnect', async () => {
    const kafka = createTestKafka();
    const topic = uniqueName('infra_probe');
    const groupId = uniqueName('infra_group');
    await createTestTopics(kafka, [topic], 2);
    const producer = kafka.producer({
      idempotent: true,
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const sent = Array.from({ length: 20 }, (_, i) => ({ key: `stream-${i % 4}`, value: `message-${i}` }));
    await producer.send({ topic, acks: -1, messages: sent });

    const consume = async (expected: number): Promise<string[]> => {
      const consumer = kafka.consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received: string[] = [];
      await new Promise<void>((resolve) => {
        void consumer.run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            received.push(message.value?.toString() ?? '');
            await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
            if (received.length === expected) resolve();
          },
        });
        if (expected === 0) setTimeout(resolve, 3000);
      });
      await consumer.disconnect();
      return received;
    };

    expect((await consume(20)).sort()).toEqual(sent.map((m) => m.value).sort());
    // After a restart the group starts from its committed offsets: only what was sent since arrives.
    await producer.send({ topic, acks: -1, messages: [{ key: 'stream-0', value: 'late' }] });
    expect(await consume(1)).toEqual(['late']);

    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId, topics: [topic] });
    await admin.disconnect();
    const committed = offsets[0]!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    expect(committed).toBe(21);
    await producer.disconnect();
    await deleteTestTopics(kafka, [topic]);
  });

  it('MongoDB protocol: documents round-trip and a unique compound index rejects a duplicate with E11000', async () => {
    const db = await createTestDatabase('infra');
    try {
      const Commit = db.connection.model(
        'Commit',
        new Schema({ streamId: String, commitSeq: Number, payload: String }, { collection: 'commits' }),
      );
      await Commit.createCollection();
      await Commit.collection.createIndex({ streamId: 1, commitSeq: 1 }, { unique: true });
      await Commit.create({ streamId: 's-1', commitSeq: 1, payload: 'first' });
      await Commit.create({ streamId: 's-1', commitSeq: 2, payload: 'second' });
      const found = await Commit.find({ streamId: 's-1' }).sort({ commitSeq: 1 }).lean();
      expect(found.map((d) => d.payload)).toEqual(['first', 'second']);

      await expect(Commit.create({ streamId: 's-1', commitSeq: 2, payload: 'duplicate' })).rejects.toMatchObject({
        code: 11000,
      });
      expect(await Commit.countDocuments({ streamId: 's-1' })).toBe(2);
      const indexes = await Commit.collection.indexes();
      expect(indexes.find((i) => i.unique)?.key).toEqual({ streamId: 1, commitSeq: 1 });
    } finally {
      await db.drop();
    }
  });

  it('SMTP: an email sent to the sink can be read back through its HTTP API', async () => {
    const transport = nodemailer.createTransport(testInfrastructure.smtpUrl);
    const subject = `You have a new mentorship request ${uniqueName('probe')}`;
    await transport.sendMail({
      from: 'Trellis <no-reply@trellis.test>',
      to: 'mentor@example.test',
      subject,
      text: 'Open Trellis to read it.',
    });
    const search = `${testInfrastructure.mailpitUrl}/api/v1/search?query=${encodeURIComponent(`subject:"${subject}"`)}`;
    let messages: Array<{ Subject: string; To: Array<{ Address: string }> }> = [];
    for (let attempt = 0; attempt < 20 && messages.length === 0; attempt++) {
      const response = await fetch(search);
      messages = ((await response.json()) as { messages: typeof messages }).messages;
      if (messages.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(messages).toHaveLength(1);
    expect(messages[0]!.To[0]!.Address).toBe('mentor@example.test');
    transport.close();
  });
});
