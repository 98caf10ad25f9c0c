import fc from 'fast-check';
import { MatchingSession } from './session';
import { blockingPairsOf, solve } from './solve';
import { defaultRules, type MenteeProfile, type MentorProfile } from './types';

const SKILLS = ['ts', 'go', 'ml', 'ux', 'sql'];
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata'];

const mentorArb = (k: number) =>
  fc
    .record({
      skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 3 }),
      level: fc.integer({ min: 1, max: 5 }),
      zone: fc.constantFrom(...ZONES),
      lang: fc.constantFrom('en', 'fr'),
      dept: fc.constantFrom('a', 'b'),
      capacity: fc.integer({ min: 0, max: 3 }),
    })
    .map(
      (r): MentorProfile => ({
        id: `m${k}`,
        languages: [r.lang],
        timezone: r.zone,
        department: r.dept,
        availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
        offers: r.skills.map((skill) => ({ skill, level: r.level })),
        capacity: r.capacity,
      }),
    );

const menteeArb = (k: number, mentors: number) =>
  fc
    .record({
      skills: fc.uniqueArray(fc.constantFrom(...SKILLS), { minLength: 1, maxLength: 2 }),
      zone: fc.constantFrom(...ZONES),
      lang: fc.constantFrom('en', 'fr'),
      dept: fc.constantFrom('a', 'b'),
      previous: fc.option(fc.integer({ min: 0, max: mentors - 1 }), { nil: undefined }),
    })
    .map(
      (r): MenteeProfile => ({
        id: `e${String(k).padStart(2, '0')}`,
        languages: [r.lang],
        timezone: r.zone,
        department: r.dept,
        availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
        seeks: r.skills.map((skill) => ({ skill, currentLevel: 2 })),
        ...(r.previous !== undefined ? { previousMentorIds: [`m${r.previous}`] } : {}),
      }),
    );

const programArb = fc
  .record({ mentors: fc.integer({ min: 1, max: 6 }), mentees: fc.integer({ min: 1, max: 12 }) })
  .chain(({ mentors, mentees }) =>
    fc.record({
      mentors: fc.tuple(...Array.from({ length: mentors }, (_, k) => mentorArb(k))),
      mentees: fc.tuple(...Array.from({ length: mentees }, (_, k) => menteeArb(k, mentors))),
    }),
  );

const rules = defaultRules({
  topK: 50,
  hardRules: {
    excludeReportingLine: true,
    excludeSameDepartment: true,
    requireSharedLanguage: true,
    maxTimezoneGapHours: 6,
  },
});

const FORBID_LEAVES_ONLY_FULL_MENTORS: { mentors: MentorProfile[]; mentees: MenteeProfile[] } = {
  mentors: [
    {
      id: 'm0',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'b',
      availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
      offers: [{ skill: 'sql', level: 1 }],
      capacity: 1,
    },
    {
      id: 'm1',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'b',
      availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
      offers: [{ skill: 'ts', level: 1 }],
      capacity: 0,
    },
    {
      id: 'm2',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
      offers: [{ skill: 'ts', level: 1 }],
      capacity: 0,
    },
    {
      id: 'm3',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
      offers: [{ skill: 'ts', level: 1 }],
      capacity: 0,
    },
    {
      id: 'm4',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'b',
      availability: [{ day: 1, startMinute: 600, endMinute: 720 }],
      offers: [
        { skill: 'sql', level: 1 },
        { skill: 'ts', level: 1 },
      ],
      capacity: 2,
    },
  ],
  mentees: [
    {
      id: 'e00',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e01',
      languages: ['fr'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e02',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [
        { skill: 'sql', currentLevel: 2 },
        { skill: 'go', currentLevel: 2 },
      ],
    },
    {
      id: 'e03',
      languages: ['fr'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e04',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e05',
      languages: ['fr'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e06',
      languages: ['fr'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e07',
      languages: ['fr'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
    {
      id: 'e08',
      languages: ['en'],
      timezone: 'Europe/Paris',
      department: 'a',
      availability: [{ day: 1, startMinute: 540, endMinute: 660 }],
      seeks: [{ skill: 'ts', currentLevel: 2 }],
    },
  ],
};

describe('solve (profiles end to end)', () => {
  it('never violates a hard rule or a capacity, with any solver', () => {
    fc.assert(
      fc.property(programArb, ({ mentors, mentees }) => {
        for (const solver of ['min-cost-flow', 'deferred-acceptance', 'greedy'] as const) {
          const result = solve({ mentors, mentees, rules }, { solver });
          const load = new Map<string, number>();
          for (const a of result.assignments) {
            const mentor = mentors.find((m) => m.id === a.mentorId)!;
            const mentee = mentees.find((m) => m.id === a.menteeId)!;
            expect(mentor.department).not.toBe(mentee.department);
            expect(mentor.languages.some((l) => mentee.languages.includes(l))).toBe(true);
            expect(mentee.previousMentorIds ?? []).not.toContain(mentor.id);
            load.set(mentor.id, (load.get(mentor.id) ?? 0) + 1);
          }
          for (const [id, l] of load) expect(l).toBeLessThanOrEqual(mentors.find((m) => m.id === id)!.capacity);
          expect(result.assignments.length + result.unmatched.length).toBe(mentees.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('explains every pair and every mentee who missed their best mentor', () => {
    fc.assert(
      fc.property(programArb, ({ mentors, mentees }) => {
        const result = solve({ mentors, mentees, rules });
        expect(result.explanations).toHaveLength(mentees.length);
        for (const a of result.assignments) {
          const ex = result.explanations.find((e) => e.menteeId === a.menteeId)!;
          expect(ex.factors?.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(a.score, 5);
          if (a.rank > 1 && ex.notBest?.type === 'capacity-better-used') {
            expect(ex.notBest.totalFitLoss).toBeGreaterThanOrEqual(0);
          }
        }
        for (const u of result.unmatched) {
          const ex = result.explanations.find((e) => e.menteeId === u.menteeId)!;
          expect(ex.unmatched?.type).toBe(u.reason);
          if (ex.unmatched?.type === 'no-feasible-mentor') {
            const total = Object.values(ex.unmatched.excludedBy).reduce((s, x) => s + x, 0);
            expect(total).toBe(mentors.length);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts the blocking pairs of any assignment as a solve counts them: none for deferred acceptance', () => {
    fc.assert(
      fc.property(programArb, ({ mentors, mentees }) => {
        const problem = { mentors, mentees, rules };
        for (const solver of ['min-cost-flow', 'deferred-acceptance', 'greedy'] as const) {
          const result = solve(problem, { solver, explain: 'none' });
          expect(blockingPairsOf(problem, result.assignments)).toBe(result.metrics.blockingPairs);
          if (solver === 'deferred-acceptance') expect(result.metrics.blockingPairs).toBe(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('counts a pair outside the candidate lists as preferring every candidate, and ignores unknown people', () => {
    const problem = { ...FORBID_LEAVES_ONLY_FULL_MENTORS, rules };
    const stable = solve(problem, { solver: 'deferred-acceptance', explain: 'none' });
    expect(blockingPairsOf(problem, [...stable.assignments, { menteeId: 'nobody', mentorId: 'm0' }])).toBe(0);
    const emptied = blockingPairsOf(problem, []);
    const candidates = stable.assignments.length;
    expect(candidates).toBeGreaterThan(0);
    // Every mentee left without its pair blocks with at least the mentor it had, who now has a free seat.
    expect(emptied).toBeGreaterThanOrEqual(candidates);
  });

  it('keeps a warm session equal to a cold solve after profile-level changes', () => {
    fc.assert(
      fc.property(programArb, fc.array(fc.nat(), { minLength: 4, maxLength: 4 }), ({ mentors, mentees }, picks) => {
        const [first, ...rest] = mentees;
        const session = MatchingSession.create({ mentors, mentees: rest, rules });
        session.apply({ type: 'add-mentee', mentee: first! });
        const target = mentors[picks[0]! % mentors.length]!;
        session.apply({ type: 'set-capacity', mentorId: target.id, capacity: picks[1]! % 4 });
        const newMentor = { ...mentors[picks[2]! % mentors.length]!, id: 'm-new', capacity: 2 };
        session.apply({ type: 'add-mentor', mentor: newMentor });
        const current = session.result({ explain: 'none' });
        if (current.assignments.length > 0) {
          const a = current.assignments[picks[3]! % current.assignments.length]!;
          session.apply({ type: 'forbid', menteeId: a.menteeId, mentorId: a.mentorId });
        }
        const coldMentors = [
          ...mentors.map((m) => (m.id === target.id ? { ...m, capacity: picks[1]! % 4 } : m)),
          newMentor,
        ];
        const warm = session.result({ explain: 'none' });
        const forbidden =
          current.assignments.length > 0 ? current.assignments[picks[3]! % current.assignments.length]! : null;
        const coldMentees = mentees.map((m) =>
          forbidden && m.id === forbidden.menteeId ? { ...m, blockedIds: [forbidden.mentorId] } : m,
        );
        const cold = solve({ mentors: coldMentors, mentees: coldMentees, rules }, { explain: 'none' });
        expect(warm.metrics.totalScore).toBeCloseTo(cold.metrics.totalScore, 6);
      }),
      // Found by this property in CI: forbidding e02's only mentor with room (m0 was at capacity 0) must widen the
      // search as a cold solve does; the warm session kept the full mentor and left e02 unmatched.
      { numRuns: 80, examples: [[FORBID_LEAVES_ONLY_FULL_MENTORS, [0, 0, 6, 0]]] },
    );
  });
});
