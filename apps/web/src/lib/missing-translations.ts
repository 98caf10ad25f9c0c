import type { PostProcessorModule } from 'i18next';

/** Every report starts so: the browser journeys collect console errors with it and fail on any. */
export const MISSING_TRANSLATION_PREFIX = '[trellis] missing translation';

export interface MissingTranslation {
  /** The language the person reads the page in. */
  language: string;
  key: string;
  /** `fallback`: shown in English instead; `missing`: in no catalogue, so the key itself was shown. */
  kind: 'fallback' | 'missing';
}

declare global {
  interface Window {
    /** What this page showed untranslated, for tests and for anyone looking in the developer tools. */
    __trellisMissingTranslations?: MissingTranslation[];
  }
}

/**
 * Records a text the person could not read in their language. Nothing visible changes (the English text or the key
 * is still shown): a person only sees what they would have seen anyway, a developer sees a console error.
 */
export function reportMissingTranslation(record: MissingTranslation): void {
  (window.__trellisMissingTranslations ??= []).push(record);
  console.error(`${MISSING_TRANSLATION_PREFIX} (${record.kind}) ${record.language}: ${record.key}`);
}

export const FALLBACK_REPORTER = 'trellisReportFallback';

interface ResolvedDetails {
  i18nResolved?: { usedLng?: string; usedKey?: string; res?: unknown };
  lng?: string;
}

/**
 * i18next reports a key only when no language has it; a German text that silently falls back to English is found
 * here instead, from the resolution details i18next passes with `postProcessPassResolved`.
 */
export const fallbackReporter: PostProcessorModule = {
  type: 'postProcessor',
  name: FALLBACK_REPORTER,
  process(value: string, key: string | string[], options: ResolvedDetails) {
    const resolved = options.i18nResolved;
    const wanted = options.lng;
    if (resolved?.usedLng && wanted && resolved.usedLng !== wanted) {
      reportMissingTranslation({
        language: wanted,
        key: resolved.usedKey ?? String(key),
        kind: 'fallback',
      });
    }
    return value;
  },
};
