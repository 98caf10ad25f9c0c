import type { HardRules, MatchingProfile } from '@trellis/profiles/contracts';
import { offsetMinutes } from '@trellis/shared/kernel';

/** A program's hard rules by their names in the profiles contract. */
export type HardRuleName = keyof HardRules;

/** What the hard rules look at of one side of a pair. */
export interface PairSide {
  personId: string;
  profile: Pick<MatchingProfile, 'department' | 'managerPersonId' | 'languages' | 'timezone' | 'seniority'>;
}

export type PairEligibility = { eligible: true } | { eligible: false; rule: HardRuleName; detail: string };

/**
 * Time-zone gaps are measured at this instant, so a daylight-saving switch never changes who may be paired: mid
 * January, standard time north of the equator and summer time south of it. The engine compiles the same instant.
 */
export const HARD_RULE_REFERENCE_DATE = '2026-01-15T12:00:00Z';

/** The rules a program has before its manager changes any (the profiles service's defaults). */
export const DEFAULT_HARD_RULES: HardRules = {
  sameDepartmentNotAllowed: false,
  reportingLineExcluded: true,
  sharedLanguageRequired: true,
  maxTimezoneGapHours: null,
  minSeniorityGap: null,
};

/** UTC offset in minutes at the reference instant; an unknown zone counts as UTC, as in the engine. */
export function utcOffsetAt(timezone: string, referenceDate: string = HARD_RULE_REFERENCE_DATE): number {
  try {
    return offsetMinutes(Date.parse(referenceDate), timezone);
  } catch {
    return 0;
  }
}

const hours = (n: number): string => `${n} hour${n === 1 ? '' : 's'}`;
const levels = (n: number): string => `${n} level${n === 1 ? '' : 's'}`;

/**
 * Whether a program's hard rules allow this mentee–mentor pair, and if not, the first rule it breaks (in the order
 * below, the order the engine reports them). Missing data never breaks a rule: a side without a department, a
 * manager or a seniority (null or empty) is in no department, reporting line or seniority conflict.
 */
export function pairEligibility(
  rules: HardRules,
  mentee: PairSide,
  mentor: PairSide,
  referenceDate: string = HARD_RULE_REFERENCE_DATE,
): PairEligibility {
  const e = mentee.profile;
  const m = mentor.profile;
  if (rules.reportingLineExcluded) {
    if (e.managerPersonId && e.managerPersonId === mentor.personId) {
      return { eligible: false, rule: 'reportingLineExcluded', detail: "The mentor is the mentee's manager." };
    }
    if (m.managerPersonId && m.managerPersonId === mentee.personId) {
      return { eligible: false, rule: 'reportingLineExcluded', detail: "The mentee is the mentor's manager." };
    }
  }
  if (rules.sameDepartmentNotAllowed && m.department && m.department === e.department) {
    return {
      eligible: false,
      rule: 'sameDepartmentNotAllowed',
      detail: `Both are in the department ${m.department}.`,
    };
  }
  if (rules.sharedLanguageRequired && !e.languages.some((language) => m.languages.includes(language))) {
    return { eligible: false, rule: 'sharedLanguageRequired', detail: 'They share no language.' };
  }
  const maxGap = rules.maxTimezoneGapHours;
  if (maxGap !== null) {
    const gapMinutes = Math.abs(utcOffsetAt(m.timezone, referenceDate) - utcOffsetAt(e.timezone, referenceDate));
    if (gapMinutes > maxGap * 60) {
      return {
        eligible: false,
        rule: 'maxTimezoneGapHours',
        detail: `Their time zones are ${hours(gapMinutes / 60)} apart.`,
      };
    }
  }
  const minGap = rules.minSeniorityGap;
  if (minGap !== null && m.seniority !== null && e.seniority !== null && m.seniority - e.seniority < minGap) {
    const gap = m.seniority - e.seniority;
    const relation =
      gap > 0 ? `${levels(gap)} above` : gap < 0 ? `${levels(-gap)} below` : 'at the same seniority level as';
    return { eligible: false, rule: 'minSeniorityGap', detail: `The mentor is ${relation} the mentee.` };
  }
  return { eligible: true };
}

/**
 * The refusal a mentee reads when their own request breaks a rule: what the program requires, and why this mentor
 * does not meet it, in words.
 */
export function hardRuleRefusal(rules: HardRules, mentee: PairSide, mentor: PairSide, rule: HardRuleName): string {
  const e = mentee.profile;
  const m = mentor.profile;
  switch (rule) {
    case 'reportingLineExcluded':
      return e.managerPersonId === mentor.personId
        ? 'Your program does not pair people in the same reporting line; this mentor is your manager.'
        : 'Your program does not pair people in the same reporting line; you are this mentor’s manager.';
    case 'sameDepartmentNotAllowed':
      return `Your program pairs people from different departments only; you and this mentor are both in ${m.department ?? ''}.`;
    case 'sharedLanguageRequired':
      return 'Your program requires a shared language; you and this mentor share none.';
    case 'maxTimezoneGapHours': {
      const gap = Math.abs(utcOffsetAt(m.timezone) - utcOffsetAt(e.timezone)) / 60;
      return `Your program allows at most ${hours(rules.maxTimezoneGapHours ?? 0)} between time zones; you and this mentor are ${hours(gap)} apart.`;
    }
    case 'minSeniorityGap': {
      const gap = (m.seniority ?? 0) - (e.seniority ?? 0);
      const minGap = rules.minSeniorityGap ?? 0;
      const required =
        minGap > 0
          ? `a mentor at least ${levels(minGap)} more senior than you`
          : minGap === 0
            ? 'a mentor at least as senior as you'
            : `a mentor at most ${levels(-minGap)} less senior than you`;
      const actual =
        gap > 0
          ? `this mentor is ${levels(gap)} more senior`
          : gap === 0
            ? 'this mentor is at your level'
            : `this mentor is ${levels(-gap)} less senior`;
      return `Your program requires ${required}; ${actual}.`;
    }
  }
}
