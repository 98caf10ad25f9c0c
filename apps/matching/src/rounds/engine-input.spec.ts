import fc from 'fast-check';
import { isExcluded, scorePair, solve, type ExclusionReason } from '@trellis/matching/engine';
import { pairEligibility, type HardRuleName } from '@trellis/matching/domain';
import type { HardRules, MatchingProfile, MatchingRules, QuestionShape } from '@trellis/profiles/contracts';
import { toEngineRules, toEngineSolve, toMentee, toMentor } from './engine-input';

const reasonOf: Record<HardRuleName, ExclusionReason> = {
  reportingLineExcluded: 'reporting-line',
  sameDepartmentNotAllowed: 'same-department',
  sharedLanguageRequired: 'no-shared-language',
  maxTimezoneGapHours: 'timezone-gap',
  minSeniorityGap: 'seniority-gap',
};

const ids = ['ana', 'ben', 'carl', 'dora', 'emil'];
const zones = [
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/St_Johns',
  'Asia/Kolkata',
  'Asia/Tokyo',
  'Australia/Sydney',
];
const arbProfile: fc.Arbitrary<MatchingProfile> = fc.record({
  department: fc.constantFrom(null, '', 'engineering', 'sales'),
  orgUnit: fc.constant(null),
  seniority: fc.option(fc.integer({ min: 0, max: 10 })),
  field: fc.constantFrom(null, 'software'),
  skillsOffered: fc.constant([{ skill: 'system design', level: 4 }]),
  skillsSought: fc.constant(['system design']),
  interests: fc.constant([]),
  languages: fc.subarray(['en', 'de', 'fr']),
  timezone: fc.constantFrom(...zones),
  availability: fc.constant([{ day: 2, startMinute: 540, endMinute: 720 }]),
  formats: fc.constant(['virtual' as const]),
  communicationStyle: fc.constant(null),
  managerPersonId: fc.constantFrom(null, ...ids),
  matchingAnswers: fc.constant([]),
  consentedDemographics: fc.constant({}),
});
const arbHardRules: fc.Arbitrary<HardRules> = fc.record({
  sameDepartmentNotAllowed: fc.boolean(),
  reportingLineExcluded: fc.boolean(),
  sharedLanguageRequired: fc.boolean(),
  maxTimezoneGapHours: fc.option(fc.integer({ min: 0, max: 48 }).map((h) => h / 2)),
  minSeniorityGap: fc.option(fc.integer({ min: -10, max: 10 })),
});
const programRules = (hardRules: HardRules): MatchingRules => ({
  weights: { skills: 4, languages: 1 },
  hardRules,
  objective: 'best-total',
});

describe('toEngineRules', () => {
  it('makes the engine decide every pair exactly as pairEligibility does (property)', () => {
    fc.assert(
      fc.property(
        arbHardRules,
        fc.uniqueArray(fc.constantFrom(...ids), { minLength: 2, maxLength: 2 }),
        arbProfile,
        arbProfile,
        (hardRules, [menteeId, mentorId], menteeProfile, mentorProfile) => {
          const rules = toEngineRules(programRules(hardRules), []);
          const engine = scorePair(
            toMentor(mentorId!, mentorProfile, 1),
            toMentee(menteeId!, menteeProfile, [], []),
            rules,
          );
          const domain = pairEligibility(
            hardRules,
            { personId: menteeId!, profile: menteeProfile },
            { personId: mentorId!, profile: mentorProfile },
          );
          expect(isExcluded(engine) ? engine.excluded : null).toBe(domain.eligible ? null : reasonOf[domain.rule]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never lets a round pair people the program’s hard rules keep apart (property)', () => {
    fc.assert(
      fc.property(
        arbHardRules,
        fc.array(arbProfile, { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
        (hardRules, profiles, isMentor) => {
          const people = ids.map((personId, i) => ({ personId, profile: profiles[i]! }));
          const mentors = people.filter((_, i) => isMentor[i]);
          const mentees = people.filter((_, i) => !isMentor[i]);
          const result = solve(
            {
              mentors: mentors.map((p) => toMentor(p.personId, p.profile, 2)),
              mentees: mentees.map((p) => toMentee(p.personId, p.profile, [], [])),
              rules: toEngineRules(programRules(hardRules), []),
            },
            { objective: 'max-matched', explain: 'none' },
          );
          const byId = new Map(people.map((p) => [p.personId, p]));
          for (const a of result.assignments) {
            expect(pairEligibility(hardRules, byId.get(a.menteeId)!, byId.get(a.mentorId)!)).toEqual({
              eligible: true,
            });
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

const noHardRules: HardRules = {
  sameDepartmentNotAllowed: false,
  reportingLineExcluded: false,
  sharedLanguageRequired: false,
  maxTimezoneGapHours: null,
  minSeniorityGap: null,
};

describe('the program’s questions in the engine rules', () => {
  const base: MatchingProfile = fc.sample(arbProfile, { numRuns: 1, seed: 7 })[0]!;
  const withAnswers = (matchingAnswers: MatchingProfile['matchingAnswers']): MatchingProfile => ({
    ...base,
    languages: ['en'],
    managerPersonId: null,
    department: null,
    matchingAnswers,
  });
  const questions: QuestionShape[] = [
    { questionId: 'pace', kind: 'single-choice', optionIds: ['fast', 'slow'], usedForMatching: true, weight: 3 },
    {
      questionId: 'topics',
      kind: 'multiple-choice',
      optionIds: ['a', 'b', 'c'],
      usedForMatching: true,
      weight: 1,
      matchingMode: 'similar',
    },
    { questionId: 'team', kind: 'single-choice', optionIds: ['x', 'y'], usedForMatching: false, weight: 5 },
  ];

  it('compares the questions used for matching with their own weight and kind', () => {
    const rules = toEngineRules(programRules(noHardRules), questions);
    expect(rules.questions).toEqual([
      { questionId: 'pace', kind: 'single-choice', weight: 3, mode: 'similar' },
      { questionId: 'topics', kind: 'multiple-choice', weight: 1, mode: 'similar' },
    ]);
    const mentor = toMentor(
      'ana',
      withAnswers([
        { questionId: 'pace', optionIds: ['fast'] },
        { questionId: 'topics', optionIds: ['a', 'b'] },
        { questionId: 'team', optionIds: ['x'] },
      ]),
      1,
    );
    const mentee = toMentee(
      'ben',
      withAnswers([
        { questionId: 'pace', optionIds: ['fast'] },
        { questionId: 'topics', optionIds: ['b', 'c'] },
        { questionId: 'team', optionIds: ['y'] },
      ]),
      [],
      [],
    );
    const scored = scorePair(mentor, mentee, rules);
    if (isExcluded(scored)) throw new Error(`excluded: ${scored.excluded}`);
    // pace alike (1 × 3), topics share one of three options (1/3 × 1); team is not used for matching.
    expect(scored.factors.find((f) => f.name === 'questionnaire')!.value).toBeCloseTo((3 + 1 / 3) / 4, 10);
  });

  it('keeps the rules without questions as they were when the program has none for matching', () => {
    expect(toEngineRules(null, [questions[2]!])).toEqual(toEngineRules(null, []));
    expect('questions' in toEngineRules(null, [])).toBe(false);
  });
});

describe('toEngineSolve', () => {
  it('solves each objective with its own solver and objective', () => {
    expect(toEngineSolve('best-total')).toEqual({ solver: 'min-cost-flow', objective: 'max-score' });
    expect(toEngineSolve('most-matched')).toEqual({ solver: 'min-cost-flow', objective: 'max-matched' });
    expect(toEngineSolve('fairest')).toEqual({ solver: 'min-cost-flow', objective: 'fairest' });
    expect(toEngineSolve('stable')).toEqual({ solver: 'deferred-acceptance', objective: 'max-score' });
  });
});
