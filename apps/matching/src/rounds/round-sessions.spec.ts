import fc from 'fast-check';
import { defaultRules, solve, type MenteeProfile, type MentorProfile } from '@trellis/matching/engine';
import type { RoundPair, RoundState } from '@trellis/matching/domain';
import { RoundSessions } from './round-sessions';

// Each skill's posting list is longer than a mentee's pool (64 at topK 10): candidate windows are in play.
const SKILLS = ['data', 'design', 'cloud'];
const rules = defaultRules({ topK: 10 });

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function program(random: () => number) {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const person = (id: string) => ({
    id,
    languages: [random() < 0.85 ? 'en' : 'de'],
    timezone: pick(['Europe/Berlin', 'America/New_York']),
    department: pick(['eng', 'ops']),
    availability: [{ day: Math.floor(random() * 3), startMinute: 540 + 60 * Math.floor(random() * 3), endMinute: 780 }],
    seniorityYears: Math.floor(random() * 10),
  });
  const mentors: MentorProfile[] = Array.from({ length: 120 }, (_, k) => ({
    ...person(`mentor-${String(k).padStart(3, '0')}`),
    offers: [pick(SKILLS), pick(SKILLS)].map((skill) => ({ skill, level: 3 + Math.floor(random() * 3) })),
    capacity: 1 + Math.floor(random() * 2),
  }));
  const mentees: MenteeProfile[] = Array.from({ length: 240 }, (_, k) => ({
    ...person(`mentee-${String(k).padStart(3, '0')}`),
    seeks: [{ skill: pick(SKILLS), currentLevel: 1 }],
    previousMentorIds: [],
    blockedIds: [],
  }));
  return { mentors, mentees };
}

/** What a computation gives the engine under the round's locks and removals (as `RoundsService.compute` builds it). */
function inputOf(base: ReturnType<typeof program>, round: RoundState) {
  const locked = Object.values(round.pairs).filter((p) => p.locked);
  const load = new Map<string, number>();
  for (const l of locked) load.set(l.mentorPersonId, (load.get(l.mentorPersonId) ?? 0) + 1);
  const blocked = new Map<string, string[]>();
  for (const x of round.excluded)
    blocked.set(x.menteePersonId, [...(blocked.get(x.menteePersonId) ?? []), x.mentorPersonId]);
  const settled = new Set(locked.map((l) => l.menteePersonId));
  return {
    mentors: base.mentors
      .map((m) => ({ ...m, capacity: m.capacity - (load.get(m.id) ?? 0) }))
      .filter((m) => m.capacity > 0),
    mentees: base.mentees.filter((m) => !settled.has(m.id)).map((m) => ({ ...m, blockedIds: blocked.get(m.id) ?? [] })),
    rules,
  };
}

const pair = (menteePersonId: string, mentorPersonId: string, locked: boolean): RoundPair => ({
  menteePersonId,
  mentorPersonId,
  menteeParticipantId: menteePersonId,
  mentorParticipantId: mentorPersonId,
  score: 0,
  locked,
  manual: locked,
});

describe('RoundSessions', () => {
  it('re-solves a draft after any edits to the optimum of a cold solve of the same input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.array(fc.constantFrom('lock', 'unlock', 'remove', 'add', 'swap', 'resolve'), {
          minLength: 3,
          maxLength: 14,
        }),
        async (seed, edits) => {
          const random = seeded(seed);
          const base = program(random);
          const sessions = new RoundSessions();
          const noRecord = () => Promise.resolve(null);
          let round: RoundState = {
            status: 'computed',
            roundId: `round-${seed}`,
            programId: 'program',
            cohortId: null,
            objective: 'best-total',
            settings: null,
            iteration: 1,
            inputSnapshotHash: null,
            engineVersion: null,
            metrics: null,
            pairs: {},
            unmatched: {},
            excluded: [],
            overrides: [],
          };
          const compute = async () => {
            const input = inputOf(base, round);
            const constraints = {
              locked: new Map(
                Object.values(round.pairs)
                  .filter((p) => p.locked)
                  .map((p) => [p.menteePersonId, p.mentorPersonId]),
              ),
              excluded: new Map<string, string[]>(),
            };
            for (const x of round.excluded) {
              constraints.excluded.set(x.menteePersonId, [
                ...(constraints.excluded.get(x.menteePersonId) ?? []),
                x.mentorPersonId,
              ]);
            }
            const warm = (await sessions.solve(round, input, constraints, noRecord))!;
            const cold = solve(input, { explain: 'none' });
            expect(warm.metrics.totalScore).toBeCloseTo(cold.metrics.totalScore, 6);
            const pairs: Record<string, RoundPair> = {};
            for (const p of Object.values(round.pairs)) if (p.locked) pairs[p.menteePersonId] = p;
            for (const a of warm.assignments) pairs[a.menteeId] = pair(a.menteeId, a.mentorId, false);
            const unmatched = Object.fromEntries(warm.unmatched.map((u) => [u.menteeId, u.reason]));
            round = { ...round, pairs, unmatched };
          };
          await compute();
          for (const edit of edits) {
            const all = Object.values(round.pairs);
            const free = all.filter((p) => !p.locked);
            const locked = all.filter((p) => p.locked);
            const any = <T>(xs: T[]): T | undefined => xs[Math.floor(random() * xs.length)];
            const pairs = { ...round.pairs };
            switch (edit) {
              case 'resolve':
                await compute();
                continue;
              case 'lock': {
                const p = any(free);
                if (!p) continue;
                pairs[p.menteePersonId] = { ...p, locked: true };
                break;
              }
              case 'unlock': {
                const p = any(locked);
                if (!p) continue;
                pairs[p.menteePersonId] = { ...p, locked: false };
                break;
              }
              case 'remove': {
                const p = any(all);
                if (!p) continue;
                delete pairs[p.menteePersonId];
                round = {
                  ...round,
                  excluded: [...round.excluded, { menteePersonId: p.menteePersonId, mentorPersonId: p.mentorPersonId }],
                };
                break;
              }
              case 'add': {
                const mentee = any(Object.keys(round.unmatched).filter((id) => !pairs[id]));
                const load = new Map<string, number>();
                for (const p of all) load.set(p.mentorPersonId, (load.get(p.mentorPersonId) ?? 0) + 1);
                const mentor = any(base.mentors.filter((m) => (load.get(m.id) ?? 0) < m.capacity));
                if (!mentee || !mentor) continue;
                pairs[mentee] = pair(mentee, mentor.id, true);
                round = {
                  ...round,
                  excluded: round.excluded.filter((x) => x.menteePersonId !== mentee || x.mentorPersonId !== mentor.id),
                };
                break;
              }
              case 'swap': {
                const a = any(all);
                const b = a && any(all.filter((p) => p.mentorPersonId !== a.mentorPersonId));
                if (!a || !b) continue;
                pairs[a.menteePersonId] = { ...a, mentorPersonId: b.mentorPersonId, locked: true };
                pairs[b.menteePersonId] = { ...b, mentorPersonId: a.mentorPersonId, locked: true };
                break;
              }
            }
            round = { ...round, pairs };
            await sessions.follow(round, noRecord);
          }
          await compute();
        },
      ),
      { numRuns: 25 },
    );
  });
});
