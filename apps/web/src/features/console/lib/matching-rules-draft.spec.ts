import { describe, expect, it } from 'vitest';
import { placeRefusal } from '../../../lib/field-refusals';
import {
  RULES_REFUSAL_NAMES,
  rulesDraftOf,
  rulesProblems,
  sameRules,
  type SavedRules,
  toComparisonRules,
  toMatchingRulesInput,
} from './matching-rules-draft';

const saved: SavedRules = {
  objective: 'BEST_TOTAL',
  weights: [
    { factor: 'SKILLS', weight: 4 },
    { factor: 'COMMUNICATION_STYLE', weight: 1 },
  ],
  hardRules: {
    maxTimezoneGapHours: null,
    minSeniorityGap: 2,
    reportingLineExcluded: true,
    sameDepartmentNotAllowed: false,
    sharedLanguageRequired: true,
  },
};

describe('matching rules draft', () => {
  it('reads every factor, an absent weight as 0 and an absent gap rule as empty', () => {
    const draft = rulesDraftOf(saved);
    expect(draft.weights.SKILLS).toBe(4);
    expect(draft.weights.INTERESTS).toBe(0);
    expect(draft.maxTimezoneGapHours).toBe('');
    expect(draft.minSeniorityGap).toBe(2);
  });

  it('sends every weight and an empty gap as no rule', () => {
    const input = toMatchingRulesInput({ ...rulesDraftOf(saved), maxTimezoneGapHours: '', minSeniorityGap: '' });
    expect(input.weights).toHaveLength(8);
    expect(input.weights).toContainEqual({ factor: 'COMMUNICATION_STYLE', weight: 1 });
    expect(input.hardRules).toEqual({
      sameDepartmentNotAllowed: false,
      reportingLineExcluded: true,
      sharedLanguageRequired: true,
      maxTimezoneGapHours: null,
      minSeniorityGap: null,
    });
    expect(input.objective).toBe('BEST_TOTAL');
  });

  it('names factors for the comparison as the profiles service does and leaves out what it cannot compare', () => {
    const rules = toComparisonRules({ ...rulesDraftOf(saved), maxTimezoneGapHours: 3 });
    expect(rules.weights).toContainEqual({ factor: 'communicationStyle', weight: 1 });
    expect(rules.maxTimezoneGapHours).toBe(3);
    expect(rules).not.toHaveProperty('minSeniorityGap');
    expect(rules).not.toHaveProperty('reportingLineExcluded');
  });

  it('tells an edited draft from the saved rules', () => {
    const draft = rulesDraftOf(saved);
    expect(sameRules(draft, rulesDraftOf(saved))).toBe(true);
    expect(sameRules(draft, { ...draft, weights: { ...draft.weights, SKILLS: 3.5 } })).toBe(false);
    expect(sameRules(draft, { ...draft, objective: 'FAIREST' })).toBe(false);
  });

  it('refuses a negative or too wide gap, a fractional seniority gap and all weights at 0', () => {
    const draft = rulesDraftOf(saved);
    expect(rulesProblems(draft)).toEqual({});
    expect(rulesProblems({ ...draft, maxTimezoneGapHours: -1 })).toEqual({ maxTimezoneGapHours: 'timezoneGap' });
    expect(rulesProblems({ ...draft, maxTimezoneGapHours: 25 })).toEqual({ maxTimezoneGapHours: 'timezoneGap' });
    expect(rulesProblems({ ...draft, maxTimezoneGapHours: 0 })).toEqual({});
    expect(rulesProblems({ ...draft, minSeniorityGap: 1.5 })).toEqual({ minSeniorityGap: 'seniorityGap' });
    expect(rulesProblems({ ...draft, minSeniorityGap: -2 })).toEqual({});
    const none = Object.fromEntries(Object.keys(draft.weights).map((f) => [f, 0])) as typeof draft.weights;
    expect(rulesProblems({ ...draft, weights: none })).toEqual({ weights: 'noWeight' });
  });

  it('places a refusal of one weight on that factor, not on all weights', () => {
    const refused = (field: string) =>
      placeRefusal({ kind: 'badUserInput', field, detail: 'refused' }, RULES_REFUSAL_NAMES).field;
    expect(refused('weights.communicationStyle')).toBe('COMMUNICATION_STYLE');
    expect(refused('weights')).toBe('weights');
    expect(refused('hardRules.maxTimezoneGapHours')).toBe('maxTimezoneGapHours');
    expect(refused('hardRules.minSeniorityGap')).toBe('minSeniorityGap');
  });
});
