import fc from 'fast-check';
import type { HardRules } from '@trellis/profiles/contracts';
import {
  DEFAULT_HARD_RULES,
  hardRuleRefusal,
  pairEligibility,
  utcOffsetAt,
  type HardRuleName,
  type PairSide,
} from './pair-eligibility';

const side = (personId: string, over: Partial<PairSide['profile']> = {}): PairSide => ({
  personId,
  profile: {
    department: 'engineering',
    managerPersonId: null,
    languages: ['en'],
    timezone: 'Europe/Berlin',
    seniority: 3,
    ...over,
  },
});
const off: HardRules = {
  sameDepartmentNotAllowed: false,
  reportingLineExcluded: false,
  sharedLanguageRequired: false,
  maxTimezoneGapHours: null,
  minSeniorityGap: null,
};
const ana = side('ana');
const ben = side('ben');

describe('pairEligibility', () => {
  it('allows any pair when every rule is off', () => {
    const boss = side('boss', { languages: ['fr'], timezone: 'Asia/Tokyo', seniority: 0 });
    expect(pairEligibility(off, side('ana', { managerPersonId: 'boss' }), boss)).toEqual({ eligible: true });
  });

  describe('reportingLineExcluded', () => {
    const rules = { ...off, reportingLineExcluded: true };
    it('given the rule, refuses a mentor who is the mentee’s manager, or the other way round', () => {
      expect(pairEligibility(rules, side('ana', { managerPersonId: 'ben' }), ben)).toMatchObject({
        eligible: false,
        rule: 'reportingLineExcluded',
      });
      expect(pairEligibility(rules, ana, side('ben', { managerPersonId: 'ana' }))).toMatchObject({
        eligible: false,
        rule: 'reportingLineExcluded',
      });
      expect(pairEligibility(rules, side('ana', { managerPersonId: 'carl' }), ben)).toEqual({ eligible: true });
    });
    it('without the rule, allows a manager to mentor their own report', () => {
      expect(pairEligibility(off, side('ana', { managerPersonId: 'ben' }), ben)).toEqual({ eligible: true });
    });
  });

  describe('sameDepartmentNotAllowed', () => {
    const rules = { ...off, sameDepartmentNotAllowed: true };
    it('given the rule, refuses two people of one department; an unknown department is no conflict', () => {
      expect(pairEligibility(rules, ana, ben)).toEqual({
        eligible: false,
        rule: 'sameDepartmentNotAllowed',
        detail: 'Both are in the department engineering.',
      });
      expect(pairEligibility(rules, ana, side('ben', { department: 'sales' }))).toEqual({ eligible: true });
      const nowhere = { department: null };
      expect(pairEligibility(rules, side('ana', nowhere), side('ben', nowhere))).toEqual({ eligible: true });
    });
  });

  describe('sharedLanguageRequired', () => {
    const rules = { ...off, sharedLanguageRequired: true };
    it('given the rule, needs one language both speak', () => {
      expect(pairEligibility(rules, ana, side('ben', { languages: ['fr'] }))).toMatchObject({
        rule: 'sharedLanguageRequired',
      });
      expect(
        pairEligibility(rules, side('ana', { languages: ['de', 'fr'] }), side('ben', { languages: ['fr'] })),
      ).toEqual({ eligible: true });
    });
  });

  describe('maxTimezoneGapHours', () => {
    it('given a gap, compares the UTC offsets in mid January and allows exactly the gap', () => {
      // Berlin +1, New York −5 in January: 6 hours apart.
      const newYork = side('ben', { timezone: 'America/New_York' });
      expect(pairEligibility({ ...off, maxTimezoneGapHours: 5 }, ana, newYork)).toEqual({
        eligible: false,
        rule: 'maxTimezoneGapHours',
        detail: 'Their time zones are 6 hours apart.',
      });
      expect(pairEligibility({ ...off, maxTimezoneGapHours: 6 }, ana, newYork)).toEqual({ eligible: true });
      expect(utcOffsetAt('Asia/Kolkata')).toBe(330);
    });
  });

  describe('minSeniorityGap', () => {
    it('given a gap, needs the mentor that many levels above the mentee; a negative gap allows a junior mentor', () => {
      const senior = (n: number) => side('ben', { seniority: n });
      expect(pairEligibility({ ...off, minSeniorityGap: 2 }, ana, senior(4))).toEqual({
        eligible: false,
        rule: 'minSeniorityGap',
        detail: 'The mentor is 1 level above the mentee.',
      });
      expect(pairEligibility({ ...off, minSeniorityGap: 2 }, ana, senior(5))).toEqual({ eligible: true });
      expect(pairEligibility({ ...off, minSeniorityGap: 0 }, ana, senior(3))).toEqual({ eligible: true });
      expect(pairEligibility({ ...off, minSeniorityGap: -1 }, ana, senior(2))).toEqual({ eligible: true });
      expect(pairEligibility({ ...off, minSeniorityGap: -1 }, ana, senior(1))).toMatchObject({
        detail: 'The mentor is 2 levels below the mentee.',
      });
      expect(pairEligibility({ ...off, minSeniorityGap: 2 }, ana, side('ben', { seniority: null }))).toEqual({
        eligible: true,
      });
    });
  });

  it('reports the first rule broken, in a fixed order', () => {
    const all: HardRules = {
      sameDepartmentNotAllowed: true,
      reportingLineExcluded: true,
      sharedLanguageRequired: true,
      maxTimezoneGapHours: 0,
      minSeniorityGap: 5,
    };
    const worst = side('ben', { managerPersonId: 'ana', languages: ['fr'], timezone: 'Asia/Tokyo' });
    expect(pairEligibility(all, ana, worst)).toMatchObject({ rule: 'reportingLineExcluded' });
    expect(pairEligibility(all, ana, { ...worst, profile: { ...worst.profile, managerPersonId: null } })).toMatchObject(
      { rule: 'sameDepartmentNotAllowed' },
    );
  });

  it('is the profiles service’s defaults when the program changed nothing', () => {
    expect(DEFAULT_HARD_RULES).toEqual({ ...off, reportingLineExcluded: true, sharedLanguageRequired: true });
  });
});

describe('hardRuleRefusal', () => {
  it('says in words what the program requires and what this mentor is', () => {
    const rules: HardRules = { ...DEFAULT_HARD_RULES, maxTimezoneGapHours: 3, minSeniorityGap: 2 };
    expect(hardRuleRefusal(rules, ana, side('ben', { languages: ['fr'] }), 'sharedLanguageRequired')).toBe(
      'Your program requires a shared language; you and this mentor share none.',
    );
    expect(hardRuleRefusal(rules, side('ana', { managerPersonId: 'ben' }), ben, 'reportingLineExcluded')).toBe(
      'Your program does not pair people in the same reporting line; this mentor is your manager.',
    );
    expect(hardRuleRefusal(rules, ana, ben, 'sameDepartmentNotAllowed')).toBe(
      'Your program pairs people from different departments only; you and this mentor are both in engineering.',
    );
    expect(hardRuleRefusal(rules, ana, side('ben', { timezone: 'Asia/Tokyo' }), 'maxTimezoneGapHours')).toBe(
      'Your program allows at most 3 hours between time zones; you and this mentor are 8 hours apart.',
    );
    expect(hardRuleRefusal(rules, ana, side('ben', { seniority: 4 }), 'minSeniorityGap')).toBe(
      'Your program requires a mentor at least 2 levels more senior than you; this mentor is 1 level more senior.',
    );
  });
});

// Property tests: what each rule setting does to the outcome, over arbitrary people and rule sets.
const ids = ['ana', 'ben', 'carl'] as const;
const zones = ['Europe/Berlin', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Tokyo', 'Pacific/Auckland'];
const arbProfile = fc.record({
  department: fc.constantFrom(null, '', 'engineering', 'sales'),
  managerPersonId: fc.constantFrom(null, ...ids),
  languages: fc.subarray(['en', 'de', 'fr']),
  timezone: fc.constantFrom(...zones),
  seniority: fc.option(fc.integer({ min: 0, max: 10 })),
});
const arbPair = fc
  .tuple(fc.constantFrom(...ids), fc.constantFrom(...ids), arbProfile, arbProfile)
  .filter(([a, b]) => a !== b)
  .map(([a, b, p, q]): [PairSide, PairSide] => [
    { personId: a, profile: p },
    { personId: b, profile: q },
  ]);
const arbRules: fc.Arbitrary<HardRules> = fc.record({
  sameDepartmentNotAllowed: fc.boolean(),
  reportingLineExcluded: fc.boolean(),
  sharedLanguageRequired: fc.boolean(),
  maxTimezoneGapHours: fc.option(fc.integer({ min: 0, max: 48 }).map((h) => h / 2)),
  minSeniorityGap: fc.option(fc.integer({ min: -10, max: 10 })),
});

const ORDER: HardRuleName[] = [
  'reportingLineExcluded',
  'sameDepartmentNotAllowed',
  'sharedLanguageRequired',
  'maxTimezoneGapHours',
  'minSeniorityGap',
];

/** Each rule said independently of pairEligibility: whether a pair breaks it, and the rule's "off" value. */
const rulesUnderTest: Array<{
  rule: HardRuleName;
  on: fc.Arbitrary<HardRules[HardRuleName]>;
  off: HardRules[HardRuleName];
  breaks: (rules: HardRules, mentee: PairSide, mentor: PairSide) => boolean;
}> = [
  {
    rule: 'reportingLineExcluded',
    on: fc.constant(true),
    off: false,
    breaks: (_r, e, m) => e.profile.managerPersonId === m.personId || m.profile.managerPersonId === e.personId,
  },
  {
    rule: 'sameDepartmentNotAllowed',
    on: fc.constant(true),
    off: false,
    breaks: (_r, e, m) => !!m.profile.department && m.profile.department === e.profile.department,
  },
  {
    rule: 'sharedLanguageRequired',
    on: fc.constant(true),
    off: false,
    breaks: (_r, e, m) => e.profile.languages.every((l) => !m.profile.languages.includes(l)),
  },
  {
    rule: 'maxTimezoneGapHours',
    on: fc.integer({ min: 0, max: 48 }).map((h) => h / 2),
    off: null,
    breaks: (r, e, m) =>
      Math.abs(utcOffsetAt(e.profile.timezone) - utcOffsetAt(m.profile.timezone)) > (r.maxTimezoneGapHours ?? 0) * 60,
  },
  {
    rule: 'minSeniorityGap',
    on: fc.integer({ min: -10, max: 10 }),
    off: null,
    breaks: (r, e, m) =>
      e.profile.seniority !== null &&
      m.profile.seniority !== null &&
      m.profile.seniority - e.profile.seniority < (r.minSeniorityGap ?? 0),
  },
];

describe.each(rulesUnderTest)('$rule (property)', ({ rule, on, off: offValue, breaks }) => {
  it('turned on, never allows a pair that breaks it, and refuses exactly those by name when no other rule applies', () => {
    fc.assert(
      fc.property(arbRules, on, arbPair, (base, value, [mentee, mentor]) => {
        const rules = { ...base, [rule]: value } as HardRules;
        const result = pairEligibility(rules, mentee, mentor);
        if (breaks(rules, mentee, mentor)) expect(result.eligible).toBe(false);
        const alone = { ...off, [rule]: value } as HardRules;
        const aloneResult = pairEligibility(alone, mentee, mentor);
        expect(aloneResult).toMatchObject(
          breaks(rules, mentee, mentor) ? { eligible: false, rule } : { eligible: true },
        );
      }),
    );
  });

  it('turned off, allows the pairs it excluded unless another rule excludes them, and only removes pairs when on', () => {
    fc.assert(
      fc.property(arbRules, on, arbPair, (base, value, [mentee, mentor]) => {
        const withRule = pairEligibility({ ...base, [rule]: value } as HardRules, mentee, mentor);
        const without = pairEligibility({ ...base, [rule]: offValue } as HardRules, mentee, mentor);
        if (without.eligible === false) expect(without.rule).not.toBe(rule);
        if (withRule.eligible) expect(without).toEqual({ eligible: true });
        // A pair this rule refused passed every earlier rule, so without it only a later rule can refuse it.
        if (withRule.eligible === false && withRule.rule === rule && without.eligible === false) {
          expect(ORDER.indexOf(without.rule)).toBeGreaterThan(ORDER.indexOf(rule));
        }
      }),
    );
  });
});
