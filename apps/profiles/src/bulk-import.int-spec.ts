import { PROFILES_TOPIC } from '@trellis/profiles/contracts';
import { participantIdFor, participantStreamId } from '@trellis/profiles/domain';
import type { Principal } from '@trellis/shared/auth';
import { EventStore } from '@trellis/shared/event-store';
import type { EventEnvelope } from '@trellis/shared/messaging';
import { createTestKafka, uniqueName, waitUntil } from '@trellis/shared/testing';
import type { Consumer } from 'kafkajs';
import { ParticipantImportService } from './profiles/participant-import.service';
import { type ProfilesHarness, startProfilesHarness } from './testing/profiles-harness';

const HEADER = 'person_id,email,display_name,roles,timezone,languages,skills_offered,mentor_capacity';

function csvOf(prefix: string, count: number): string {
  return [
    HEADER,
    ...Array.from({ length: count }, (_, i) =>
      i % 5 === 0
        ? `${prefix}-${i},${prefix}${i}@example.org,Mentor ${i},mentor,Europe/Oslo,en;de,go:4;sql:3,2`
        : `${prefix}-${i},${prefix}${i}@example.org,Mentee ${i},mentee,Europe/Lisbon,pt;en,,`,
    ),
  ].join('\n');
}

describe('bulk import (real FerretDB and Kafka)', () => {
  let h: ProfilesHarness;
  let admin: Principal;
  let programId: string;
  let consumer: Consumer;
  const enrolledEvents = new Map<string, Set<string>>();

  beforeAll(async () => {
    h = await startProfilesHarness();
    admin = h.person('admin', true);
    const created = await h.gql<{ createProgram: { id: string } }>(
      admin,
      `mutation { createProgram(name: "Bulk", settings: { defaultMentorCapacity: 2 }) { id } }`,
    );
    expect(created.errors).toBeUndefined();
    programId = created.data!.createProgram.id;
    await h.gql(admin, `mutation($p: ID!) { openEnrollment(programId: $p) { id } }`, { p: programId });
    consumer = createTestKafka().consumer({ groupId: uniqueName('bulk-scan'), maxWaitTimeInMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topic: PROFILES_TOPIC, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const envelope = JSON.parse(message.value?.toString() ?? '{}') as EventEnvelope;
        if (envelope.tenantId !== h.tenantId || envelope.type !== 'ParticipantEnrolled') return;
        // Kafka may hand a message over twice; a second event would carry another id.
        const ids = enrolledEvents.get(envelope.streamId) ?? new Set<string>();
        ids.add(envelope.id);
        enrolledEvents.set(envelope.streamId, ids);
      },
    });
  }, 60_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await h?.close();
  });

  async function expectEnrolledOnce(prefix: string, count: number): Promise<void> {
    const ids = Array.from({ length: count }, (_, i) => participantIdFor(programId, `${prefix}-${i}`));
    const participants = h.db.connection.collection('participants');
    expect(await participants.countDocuments({ _id: { $in: ids } } as never)).toBe(count);
    const commits = h.db.connection.collection('commits');
    const streams = ids.map((id) => participantStreamId(id));
    expect(await commits.countDocuments({ streamId: { $in: streams } })).toBe(count);
    await waitUntil(async () => streams.every((s) => enrolledEvents.has(s)), {
      timeoutMs: 120_000,
      what: 'every ParticipantEnrolled on the topic',
    });
    expect(streams.filter((s) => enrolledEvents.get(s)?.size !== 1)).toEqual([]);
  }

  it('imports 2,000 rows: every participant once, one ParticipantEnrolled each, and a re-upload changes nothing', async () => {
    const service = h.app.get(ParticipantImportService);
    const csv = csvOf('big', 2000);
    expect(await service.import(admin, programId, csv, true)).toEqual({
      imported: 2000,
      alreadyEnrolled: 0,
      failed: 0,
      errors: [],
    });
    await expectEnrolledOnce('big', 2000);
    const again = await service.import(admin, programId, csv, true);
    expect(again).toMatchObject({ imported: 0, alreadyEnrolled: 2000, failed: 0 });
    await expectEnrolledOnce('big', 2000);
  }, 300_000);

  it('an importer that crashes after the first chunk’s append and is re-run ends with each person enrolled once', async () => {
    const service = h.app.get(ParticipantImportService);
    const store = h.app.get(EventStore);
    const csv = csvOf('crash', 1200);
    const original = store.appendNewStreams.bind(store);
    const spy = jest.spyOn(store, 'appendNewStreams').mockImplementationOnce(async (requests) => {
      await original(requests);
      throw new Error('importer process died');
    });
    await expect(service.import(admin, programId, csv, true)).rejects.toThrow('importer process died');
    spy.mockRestore();
    const commits = h.db.connection.collection('commits');
    const commitIds = Array.from({ length: 1200 }, (_, i) => `import:${programId}:crash-${i}`);
    // The first chunk's commits are stored, their rows were never written: the re-run must complete them, not redo them.
    expect(await commits.countDocuments({ _id: { $in: commitIds } } as never)).toBe(500);

    const rerun = await service.import(admin, programId, csv, true);
    expect(rerun).toEqual({ imported: 1200, alreadyEnrolled: 0, failed: 0, errors: [] });
    expect(await commits.countDocuments({ _id: { $in: commitIds } } as never)).toBe(1200);
    await expectEnrolledOnce('crash', 1200);
  }, 300_000);
});
