import type { TFunction } from 'i18next';
import type { MatchHintType, NotFirstChoiceType } from '../../../gql/graphql';

export interface NotFirstChoiceView {
  type: NotFirstChoiceType;
  bestMentorPlaces: number;
  fitPoints?: number | null;
  matchesLost?: number | null;
  rule?: string | null;
}

export interface MatchHintView {
  type: MatchHintType;
  mentorCount?: number | null;
  gapHours?: number | null;
  gapYears?: number | null;
  language?: string | null;
}

const NOT_FIRST_CHOICE_KEYS = {
  FIT_BETTER_USED: 'fitBetterUsed',
  MATCHES_LOST: 'matchesLost',
  HARD_RULE: 'hardRule',
  MENTOR_PREFERRED_OTHERS: 'mentorPreferredOthers',
  CAPACITY: 'capacity',
  NOT_A_CANDIDATE: 'notACandidate',
} as const satisfies Record<NotFirstChoiceType, string>;

/** The engine's hard rules (`no-shared-language`) by their catalogue keys (`noSharedLanguage`). */
const RULE_KEYS = {
  'same-person': 'samePerson',
  'no-capacity': 'noCapacity',
  'reporting-line': 'reportingLine',
  'same-department': 'sameDepartment',
  'previous-pair': 'previousPair',
  blocked: 'blocked',
  'no-shared-language': 'noSharedLanguage',
  'timezone-gap': 'timezoneGap',
  'seniority-gap': 'seniorityGap',
} as const;

const ruleKey = (rule: string) => (rule in RULE_KEYS ? RULE_KEYS[rule as keyof typeof RULE_KEYS] : null);

/** A language code in the reader's language ("pt" → "Portuguese" / "Portugiesisch"); the code if unknown. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Why a mentee did not get the mentor that fits them best, in a sentence with the numbers. The manager reads it
 * about "this mentee", the mentee about themselves; neither names the mentees who got the places.
 */
export function notFirstChoiceSentence(
  t: TFunction,
  reason: NotFirstChoiceView,
  mentorName: string,
  reader: 'manager' | 'mentee',
): string {
  const type = NOT_FIRST_CHOICE_KEYS[reason.type];
  const rule = reason.rule ? ruleKey(reason.rule) : null;
  const params = {
    mentor: mentorName,
    count: type === 'matchesLost' ? (reason.matchesLost ?? 0) : reason.bestMentorPlaces,
    points: reason.fitPoints ?? 0,
    rule: rule ? t(`proposals.pairRule.${rule}`) : (reason.rule ?? ''),
  };
  // The mentee reads it on the first page (proposals), the manager in the round console.
  return t(reader === 'mentee' ? `proposals.notFirstChoice.${type}` : `rounds.notFirstChoice.${type}`, params);
}

/** What would match an unmatched mentee, as a sentence for the round console. */
export function matchHintSentence(t: TFunction, hint: MatchHintView, locale: string): string {
  const count = hint.mentorCount ?? 0;
  const language = hint.language ? languageName(hint.language, locale) : null;
  switch (hint.type) {
    case 'EXTRA_PLACE':
      return language
        ? t('rounds.hint.extraPlaceLanguage', { count, language })
        : t('rounds.hint.extraPlace', { count });
    case 'WIDER_TIMEZONE_GAP':
      return t('rounds.hint.widerTimezoneGap', { count, hours: hint.gapHours ?? 0 });
    case 'NO_SHARED_LANGUAGE':
      return language
        ? t('rounds.hint.noSharedLanguageNamed', { count, language })
        : t('rounds.hint.noSharedLanguage', { count });
    case 'SAME_DEPARTMENT':
      return t('rounds.hint.sameDepartment', { count });
    case 'SMALLER_SENIORITY_GAP':
      return t('rounds.hint.smallerSeniorityGap', { count, years: hint.gapYears ?? 0 });
    case 'MORE_MENTORS':
      return t('rounds.hint.moreMentors');
  }
}
