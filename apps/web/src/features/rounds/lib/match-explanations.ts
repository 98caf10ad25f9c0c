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

/** `FIT_BETTER_USED` → `fitBetterUsed`, `no-shared-language` → `noSharedLanguage`: catalogue keys. */
const keyOf = (value: string) =>
  value.toLowerCase().replace(/[-_]([a-z])/g, (_, letter: string) => letter.toUpperCase());

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
  const type = keyOf(reason.type);
  const params = {
    mentor: mentorName,
    count: type === 'matchesLost' ? (reason.matchesLost ?? 0) : reason.bestMentorPlaces,
    points: reason.fitPoints ?? 0,
    rule: reason.rule ? t(`proposals.pairRule.${keyOf(reason.rule)}`) : '',
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
