import { randomUUID } from 'node:crypto';
import { isExcluded, scorePair, solve } from '@trellis/matching/engine';
import { participantIdFor, participantStreamId, programStreamId } from '@trellis/profiles/contracts';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  uniqueName,
  type TestDatabase,
} from '@trellis/shared/testing';
import type { INestApplicationContext } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { RoundState } from '@trellis/matching/domain';
import { CANDIDATE_POOL_COLLECTION } from '../pool/candidate-pool.projection';
import { matchingHandles, type MatchingHandles } from '../testing/matching-handles';
import { createMatchingContext, matchingProfile } from '../testing/matching-pipeline';
import { RoundList } from './round-list';
import { RoundSessions } from './round-sessions';
import { RoundSnapshots } from './round-snapshots';
import { RoundsService, type RoundOverride } from './rounds.service';

// Every skill is offered by more mentors than a mentee's candidate pool holds (64), so candidate windows are in play:
// the case where a warm session and a cold solve could part.
const SKILLS = ['data', 'design', 'cloud'];
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/New_York'];

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Editing a draft round through its warm session (real FerretDB and Kafka)', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let topics: string[];
  let app: INestApplicationContext;
  let h: MatchingHandles;
  const tenantId = uniqueName('org');
  const programId = `program-${randomUUID()}`;
  const random = seeded(2027);
  const ctx = () => ({ tenantId, actorPersonId: 'manager', correlationId: randomUUID(), commandId: randomUUID() });

  beforeAll(async () => {
    db = await createTestDatabase('round_sessions');
    kafka = createTestKafka();
    topics = [uniqueName('rs.profiles'), uniqueName('rs.matching')];
    await createTestTopics(kafka, topics, 1);
    app = await createMatchingContext(db.name, {
      profilesTopic: topics[0]!,
      matchingTopic: topics[1]!,
      groupPrefix: uniqueName('rs.matching'),
    });
    h = matchingHandles(app);
    // The read models as the profiles projection leaves them (enrolling 350 people through Kafka would only be slower).
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const profile = (offers: boolean) =>
      matchingProfile({
        department: pick(['eng', 'ops', 'sales']),
        seniority: Math.floor(random() * 12),
        field: pick(['software', 'finance']),
        skillsOffered: offers
          ? [pick(SKILLS), pick(SKILLS)].map((skill) => ({ skill, level: 3 + Math.floor(random() * 3) }))
          : [],
        skillsSought: offers ? [] : [pick(SKILLS)],
        interests: [],
        languages: random() < 0.85 ? ['en'] : ['de'],
        timezone: pick(ZONES),
        availability: [
          { day: 1 + Math.floor(random() * 3), startMinute: 480 + 60 * Math.floor(random() * 4), endMinute: 780 },
        ],
      });
    const people = [
      ...Array.from({ length: 110 }, (_, k) => ({ id: `mentor-${k}`, roles: ['mentor'], capacity: 1 + (k % 2) })),
      ...Array.from({ length: 240 }, (_, k) => ({ id: `mentee-${k}`, roles: ['mentee'], capacity: 0 })),
    ];
    await db.connection.collection(CANDIDATE_POOL_COLLECTION).insertMany([
      {
        _id: programStreamId(programId) as never,
        _revision: 1,
        kind: 'program',
        tenantId,
        programId,
        settings: null,
        rules: null,
        archived: false,
      },
      ...people.map((p) => {
        const participantId = participantIdFor(programId, p.id);
        return {
          _id: participantStreamId(participantId) as never,
          _revision: 1,
          kind: 'participant',
          tenantId,
          programId,
          personId: p.id,
          participantId,
          cohortId: null,
          roles: p.roles,
          mentorCapacity: p.capacity,
          status: 'active',
          profile: profile(p.roles.includes('mentor')),
        };
      }),
    ]);
    await db.connection.collection('memberships').insertOne({
      _id: programStreamId(programId) as never,
      _revision: 1,
      kind: 'program',
      tenantId,
      programId,
      managerPersonIds: ['manager'],
      archived: false,
    });
  });

  afterAll(async () => {
    await app?.close();
    await deleteTestTopics(kafka, topics).catch(() => undefined);
    await db?.drop();
  });

  /** The computation's own pairs (around the locked ones), scored exactly, against a cold solve of its recorded input. */
  async function expectColdOptimum(rounds: RoundsService, round: RoundState): Promise<void> {
    expect(rounds.lastTimings?.warm).toBe(true);
    const snapshot = (await new RoundSnapshots(db.connection).load(tenantId, round.inputSnapshotHash!))!;
    const mentors = new Map(snapshot.problem.mentors.map((m) => [m.id, m]));
    const mentees = new Map(snapshot.problem.mentees.map((m) => [m.id, m]));
    let warmTotal = 0;
    let computed = 0;
    for (const pair of Object.values(round.pairs)) {
      if (pair.locked) continue;
      const scored = scorePair(
        mentors.get(pair.mentorPersonId)!,
        mentees.get(pair.menteePersonId)!,
        snapshot.problem.rules,
      );
      if (isExcluded(scored)) throw new Error(`the session paired an excluded pair (${scored.excluded})`);
      warmTotal += scored.score;
      computed++;
    }
    const cold = solve(snapshot.problem, { explain: 'none' });
    expect(warmTotal).toBeCloseTo(cold.metrics.totalScore, 6);
    expect(computed).toBeGreaterThan(0);
    for (const l of snapshot.locked) expect(round.pairs[l.menteePersonId]?.mentorPersonId).toBe(l.mentorPersonId);
  }

  function nextEdit(round: RoundState, step: number): RoundOverride {
    const pairs = Object.values(round.pairs);
    const free = pairs.filter((p) => !p.locked);
    const any = (xs: typeof pairs) => xs[Math.floor(random() * xs.length)]!;
    switch (step % 5) {
      case 0:
        return { type: 'lock', menteePersonId: any(free).menteePersonId, reason: 'manager-judgement' };
      case 1:
        return { type: 'remove', menteePersonId: any(pairs).menteePersonId, reason: 'known-conflict' };
      case 2: {
        const a = any(free);
        const b = free.find((p) => p.mentorPersonId !== a.mentorPersonId)!;
        return { type: 'swap', menteeA: a.menteePersonId, menteeB: b.menteePersonId, reason: 'better-fit' };
      }
      case 3: {
        const locked = pairs.filter((p) => p.locked);
        return locked.length > 0
          ? { type: 'unlock', menteePersonId: any(locked).menteePersonId, reason: 'other' }
          : { type: 'lock', menteePersonId: any(free).menteePersonId, reason: 'other' };
      }
      default: {
        // A hand-made pair: an unmatched mentee with a mentor who still has a seat in the round.
        const load = new Map<string, number>();
        for (const p of pairs) load.set(p.mentorPersonId, (load.get(p.mentorPersonId) ?? 0) + 1);
        const mentee = Object.keys(round.unmatched)[0];
        const mentor = Array.from({ length: 110 }, (_, k) => `mentor-${k}`).find(
          (id, k) => (load.get(id) ?? 0) < 1 + (k % 2),
        );
        return mentee && mentor
          ? { type: 'add', menteePersonId: mentee, mentorPersonId: mentor, reason: 'participant-preference' }
          : { type: 'lock', menteePersonId: any(free).menteePersonId, reason: 'other' };
      }
    }
  }

  it('re-solves every sequence of lock, remove, swap, unlock, add and capacity change to the cold optimum, also after a restart', async () => {
    let round = await h.rounds.startRound(ctx(), { programId, cohortId: null, objective: 'best-total' });
    expect(round.status).toBe('computed');
    for (let step = 0; step < 15; step++) {
      round = await h.rounds.override(ctx(), round.roundId, nextEdit(round, step));
      if (step % 3 === 2) {
        round = await h.rounds.compute(ctx(), round.roundId);
        await expectColdOptimum(h.rounds, round);
      }
    }
    // A mentor's capacity changes in the candidate pool (profiles' event, as its projection records it).
    await db.connection
      .collection(CANDIDATE_POOL_COLLECTION)
      .updateOne(
        { _id: participantStreamId(participantIdFor(programId, 'mentor-3')) as never },
        { $set: { mentorCapacity: 4 } },
      );
    round = await h.rounds.compute(ctx(), round.roundId);
    await expectColdOptimum(h.rounds, round);

    // Another instance (or this one after a restart) knows no session: the first edit builds it from the recorded input.
    const restarted = new RoundsService(
      h.commands,
      h.pool,
      h.relationships,
      h.managers,
      new RoundSnapshots(db.connection),
      new RoundList(h.store, h.commands),
      h.preferences,
      new RoundSessions(),
    );
    for (let step = 0; step < 6; step++) {
      round = await restarted.override(ctx(), round.roundId, nextEdit(round, step));
    }
    round = await restarted.compute(ctx(), round.roundId);
    await expectColdOptimum(restarted, round);
  }, 180_000);
});
