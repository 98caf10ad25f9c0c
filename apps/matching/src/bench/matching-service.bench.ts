// `npm run bench:matching-service [-- --mentees=50000 --mentors=10000 --edits=5 --publish=1]`: a full round through
// the matching service on the local FerretDB and Kafka: seeded candidate pool (read model) → engine → draft stored →
// edited (lock, remove, swap, re-solve; `--edits` of each, 0 for none) → published (proposal events on Kafka;
// `--publish=0` skips it). Compares with the engine's own time on the same instance. Last line:
// RESULT round50k_s=… edit50k_ms=… .
import { randomUUID } from 'node:crypto';
import {
  participantIdFor,
  participantStreamId,
  programStreamId,
  type MatchingProfile,
} from '@trellis/profiles/contracts';
import { solve, type MenteeProfile, type MentorProfile } from '@trellis/matching/engine';
import {
  createTestDatabase,
  createTestKafka,
  createTestTopics,
  deleteTestTopics,
  uniqueName,
} from '@trellis/shared/testing';
import { CANDIDATE_POOL_COLLECTION } from '../pool/candidate-pool.projection';
import type { RoundState } from '@trellis/matching/domain';
import { toEngineRules, toEngineSolve, toMentee, toMentor } from '../rounds/engine-input';
import type { RoundsService } from '../rounds/rounds.service';
import { matchingHandles } from '../testing/matching-handles';
import { createMatchingContext } from '../testing/matching-pipeline';

const arg = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const menteeCount = arg('mentees', 50_000);
const mentorCount = arg('mentors', Math.round(menteeCount / 5));
const editRounds = arg('edits', 5);
const publishRound = arg('publish', 1) !== 0;
const label = menteeCount >= 1000 ? `${Math.round(menteeCount / 1000)}k` : String(menteeCount);

/** A seeded program of plausible people: skills with a long tail, mostly English, a few time zones. */
function generateProgram(
  mentees: number,
  mentors: number,
  seed: number,
): { mentors: MentorProfile[]; mentees: MenteeProfile[] } {
  let state = seed >>> 0;
  const random = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const skill = () => `skill-${Math.floor(200 * random() ** 2)}`;
  const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Singapore'] as const;
  const languages = () => (random() < 0.8 ? ['en'] : random() < 0.5 ? ['de', 'en'] : ['fr']);
  const availability = () =>
    [{ day: Math.floor(random() * 5), startMinute: 480 + 60 * Math.floor(random() * 8), endMinute: 0 }].map((w) => ({
      ...w,
      endMinute: w.startMinute + 120,
    }));
  const base = (id: string) => ({
    id,
    field: pick(['software', 'finance', 'design', 'research']),
    department: pick(['eng', 'ops', 'sales', 'hr', 'legal']),
    languages: languages(),
    timezone: pick(zones),
    availability: availability(),
    seniorityYears: Math.floor(random() * 20),
  });
  return {
    mentors: Array.from({ length: mentors }, (_, i) => ({
      ...base(`mentor-${i}`),
      offers: [skill(), skill(), skill()].map((s) => ({ skill: s, level: 3 + Math.floor(random() * 3) })),
      capacity: 1 + Math.floor(random() * 5),
    })),
    mentees: Array.from({ length: mentees }, (_, i) => ({
      ...base(`mentee-${i}`),
      seeks: [skill(), skill()].map((s) => ({ skill: s, currentLevel: 1 })),
    })),
  };
}

function toProfile(p: MentorProfile | MenteeProfile): MatchingProfile {
  return {
    department: p.department ?? null,
    orgUnit: null,
    seniority: p.seniorityYears ?? null,
    field: p.field ?? null,
    skillsOffered: 'offers' in p ? p.offers : [],
    skillsSought: 'seeks' in p ? p.seeks.map((s) => s.skill) : [],
    interests: 'goals' in p ? (p.goals ?? []) : 'expertiseTags' in p ? (p.expertiseTags ?? []) : [],
    languages: p.languages,
    timezone: p.timezone,
    availability: p.availability.map((w) => ({ day: w.day + 1, startMinute: w.startMinute, endMinute: w.endMinute })),
    formats: ['virtual'],
    communicationStyle: p.communicationStyle === 'flexible' ? null : (p.communicationStyle ?? null),
    managerPersonId: p.managerIds?.[0] ?? null,
    matchingAnswers: [],
    consentedDemographics: {},
  };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * `editRounds` times each of lock, remove, swap and re-solve on the draft, each a service call as the resolver makes
 * it. edit_ms is the largest of the four medians: every kind of edit answers within it half the time or more.
 */
async function editDraft(
  rounds: RoundsService,
  context: { tenantId: string; actorPersonId: string; correlationId: string },
  draft: RoundState,
): Promise<{ editMs: number; report: string }> {
  const times: Record<'lock' | 'remove' | 'swap' | 're-solve', number[]> = {
    lock: [],
    remove: [],
    swap: [],
    're-solve': [],
  };
  const engine: Record<keyof typeof times, number[]> = { lock: [], remove: [], swap: [], 're-solve': [] };
  let round = draft;
  let k = 0;
  const free = () => Object.values(round.pairs).filter((p) => !p.locked);
  const timed = async (kind: keyof typeof times, edit: () => Promise<RoundState>) => {
    const started = performance.now();
    round = await edit();
    times[kind].push(performance.now() - started);
    engine[kind].push(kind === 're-solve' ? (rounds.lastTimings?.engineMs ?? NaN) : rounds.lastEditSessionMs);
  };
  for (let e = 0; e < editRounds; e++) {
    const ctx = () => ({ ...context, correlationId: randomUUID(), commandId: randomUUID() });
    // Spread over the draft, not always its first pairs; drawn after every edit, which changes the pairs.
    const at = (offset: number) => {
      const pairs = free();
      return pairs[(k++ * 7919 + offset) % pairs.length]!;
    };
    await timed('lock', () =>
      rounds.override(ctx(), round.roundId, {
        type: 'lock',
        menteePersonId: at(0).menteePersonId,
        reason: 'manager-judgement',
      }),
    );
    await timed('remove', () =>
      rounds.override(ctx(), round.roundId, {
        type: 'remove',
        menteePersonId: at(1).menteePersonId,
        reason: 'known-conflict',
      }),
    );
    const a = at(2);
    const b = free().find((p) => p.mentorPersonId !== a.mentorPersonId && p.menteePersonId !== a.menteePersonId)!;
    await timed('swap', () =>
      rounds.override(ctx(), round.roundId, {
        type: 'swap',
        menteeA: a.menteePersonId,
        menteeB: b.menteePersonId,
        reason: 'better-fit',
      }),
    );
    await timed('re-solve', () => rounds.compute(ctx(), round.roundId));
  }
  const kinds = Object.keys(times) as (keyof typeof times)[];
  const editMs = Math.max(...kinds.map((kind) => median(times[kind])));
  const t = rounds.lastTimings;
  const report =
    `  edits on the draft (${editRounds} of each; median ms, of which the warm session): ` +
    kinds.map((kind) => `${kind} ${median(times[kind]).toFixed(0)} (${median(engine[kind]).toFixed(1)})`).join(', ') +
    (t
      ? `\n  last re-solve: load ${t.loadMs.toFixed(0)} ms, input snapshot ${t.snapshotMs.toFixed(0)} ms, ` +
        `${t.warm ? 'warm session' : 'cold engine'} ${t.engineMs.toFixed(0)} ms, store ${t.storeMs.toFixed(0)} ms`
      : '');
  return { editMs, report };
}

async function main(): Promise<void> {
  const db = await createTestDatabase('bench_matching_svc');
  const kafka = createTestKafka();
  const profilesTopic = uniqueName('bench.profiles');
  const matchingTopic = uniqueName('bench.matching');
  // Under heavy load the broker sometimes answers the new topics' metadata with UNKNOWN_TOPIC_OR_PARTITION at first.
  for (let attempt = 1; ; attempt++) {
    try {
      await createTestTopics(kafka, [profilesTopic, matchingTopic], 3);
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
  const app = await createMatchingContext(db.name, {
    profilesTopic,
    matchingTopic,
    groupPrefix: uniqueName('bench.matching'),
  });
  const runtime = matchingHandles(app);
  try {
    const tenantId = 'org-bench';
    const programId = `program-${randomUUID()}`;
    const program = generateProgram(menteeCount, mentorCount, 42);

    // Seed the read model as the profiles projection would have left it (replaying 60k enrolments through Kafka
    // first would measure the projection, not the round).
    let t = performance.now();
    const pool = db.connection.collection(CANDIDATE_POOL_COLLECTION);
    await pool.insertOne({
      _id: programStreamId(programId) as never,
      _revision: 1,
      kind: 'program',
      tenantId,
      programId,
      settings: null,
      rules: null,
      archived: false,
    });
    const rows = [
      ...program.mentors.map((m) => ({ person: m, roles: ['mentor'], capacity: m.capacity })),
      ...program.mentees.map((m) => ({ person: m, roles: ['mentee'], capacity: 0 })),
    ].map(({ person, roles, capacity }) => {
      const participantId = participantIdFor(programId, person.id);
      return {
        _id: participantStreamId(participantId) as never,
        _revision: 1,
        kind: 'participant',
        tenantId,
        programId,
        personId: person.id,
        participantId,
        cohortId: null,
        roles,
        mentorCapacity: capacity,
        status: 'active',
        profile: toProfile(person),
      };
    });
    for (let i = 0; i < rows.length; i += 2000) await pool.insertMany(rows.slice(i, i + 2000));
    const seedS = (performance.now() - t) / 1000;

    // The engine alone on the same instance, as the service will build it.
    const mentors = program.mentors.map((m) => toMentor(m.id, toProfile(m), m.capacity));
    const mentees = program.mentees.map((m) => toMentee(m.id, toProfile(m), [], []));
    t = performance.now();
    solve({ mentors, mentees, rules: toEngineRules(null, []) }, { ...toEngineSolve('best-total'), explain: 'none' });
    const engineAloneS = (performance.now() - t) / 1000;

    await db.connection.collection('memberships').insertOne({
      _id: programStreamId(programId) as never,
      _revision: 1,
      kind: 'program',
      tenantId,
      programId,
      managerPersonIds: ['manager'],
      archived: false,
    });
    const ctx = { tenantId, actorPersonId: 'manager', correlationId: randomUUID(), commandId: randomUUID() };

    t = performance.now();
    const round = await runtime.rounds.startRound(ctx, { programId, cohortId: null, objective: 'best-total' });
    const draftS = (performance.now() - t) / 1000;
    const timings = runtime.rounds.lastTimings;
    const pairs = Object.keys(round.pairs).length;

    const memory = process.memoryUsage();
    const edits = await editDraft(runtime.rounds, ctx, round);

    if (!publishRound) {
      console.log(
        `${label}: ${menteeCount} mentees × ${mentorCount} mentors, ${pairs} pairs; seed ${seedS.toFixed(1)} s; ` +
          `draft ${draftS.toFixed(2)} s (engine ${((timings?.engineMs ?? 0) / 1000).toFixed(2)} s); ` +
          `after the draft rss ${(memory.rss / 2 ** 20).toFixed(0)} MB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB`,
      );
      console.log(edits.report);
      console.log(
        `RESULT draft${label}_s=${draftS.toFixed(2)} edit${label}_ms=${edits.editMs.toFixed(0)} (not published)`,
      );
      return;
    }
    t = performance.now();
    await runtime.rounds.publish(ctx, round.roundId);
    const storedS = (performance.now() - t) / 1000;
    // Published: every proposal's commit relayed to Kafka.
    // One unpublished commit is enough to know; counting them all would compete with the relay on FerretDB.
    while (await runtime.store.commits.findOne({ published: false }, { projection: { _id: 1 } })) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const publishS = (performance.now() - t) / 1000;
    const totalS = draftS + publishS;
    const engineS = (timings?.engineMs ?? 0) / 1000;

    console.log(
      `${label}: ${menteeCount} mentees × ${mentorCount} mentors, ${pairs} pairs; seed ${seedS.toFixed(1)} s\n` +
        `  draft ${draftS.toFixed(2)} s (load ${((timings?.loadMs ?? 0) / 1000).toFixed(2)} s, ` +
        `input snapshot ${((timings?.snapshotMs ?? 0) / 1000).toFixed(2)} s, engine ${engineS.toFixed(2)} s, ` +
        `store ${((timings?.storeMs ?? 0) / 1000).toFixed(2)} s)\n` +
        `  publish ${publishS.toFixed(2)} s (${pairs} proposals written in ${storedS.toFixed(2)} s, ` +
        `relayed ${(publishS - storedS).toFixed(2)} s later)\n` +
        `  engine alone on the same instance ${engineAloneS.toFixed(2)} s`,
    );
    console.log(
      `  after the draft rss ${(memory.rss / 2 ** 20).toFixed(0)} MB, heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
    console.log(edits.report);
    console.log(
      `RESULT round${label}_s=${totalS.toFixed(2)} engine_share=${(engineS / totalS).toFixed(3)} ` +
        `engine_alone_s=${engineAloneS.toFixed(2)} ratio_to_engine=${(totalS / engineAloneS).toFixed(2)}` +
        (editRounds > 0 ? ` edit${label}_ms=${edits.editMs.toFixed(0)}` : ''),
    );
  } finally {
    await app.close();
    await deleteTestTopics(kafka, [profilesTopic, matchingTopic]).catch(() => undefined);
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
