import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import { FALLBACK_REPORTER, fallbackReporter, reportMissingTranslation } from './missing-translations';

export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'trellis.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    // Keys are checked against the English catalogue at compile time; locales.spec.ts keeps German complete.
    resources: { translation: typeof en };
  }
}

const isLanguage = (value: string | null | undefined): value is Language => LANGUAGES.includes(value as Language);

/** The language chosen before, else the first of the browser's preferred languages Trellis speaks, else English. */
export function preferredLanguage(stored: string | null, browserLanguages: readonly string[]): Language {
  if (isLanguage(stored)) return stored;
  for (const tag of browserLanguages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

// English is the fallback, so it is always bundled; every other catalogue is a chunk of its own, fetched only when
// that language is chosen (ADR 0009).
const catalogues: Record<Exclude<Language, 'en'>, () => Promise<{ default: typeof en }>> = {
  de: () => import('../locales/de.json'),
};

async function catalogueOf(language: Language): Promise<typeof en> {
  return language === 'en' ? en : (await catalogues[language]()).default;
}

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance
    .use(initReactI18next)
    .use(fallbackReporter)
    .init({
      resources: { en: { translation: en }, [language]: { translation: await catalogueOf(language) } },
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      // React escapes what it renders.
      interpolation: { escapeValue: false },
      // A key no catalogue has goes to the handler (for the language being read, not the fallback's).
      saveMissing: true,
      saveMissingTo: 'current',
      missingKeyHandler: (languages, _namespace, key) =>
        reportMissingTranslation({ language: languages[0] ?? language, key, kind: 'missing' }),
      postProcess: [FALLBACK_REPORTER],
      postProcessPassResolved: true,
    });
  return instance;
}

export function initialLanguage(): Language {
  return preferredLanguage(window.localStorage.getItem(STORAGE_KEY), window.navigator.languages);
}

/** Switches the language, remembers it, and tells assistive technology via <html lang>. */
export async function changeLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await catalogueOf(language));
  }
  await instance.changeLanguage(language);
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}
