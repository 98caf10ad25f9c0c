import i18next, { type BackendModule, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';
import {
  agenda,
  app,
  errors,
  home,
  languages,
  needsYou,
  notFound,
  people,
  programs,
  proposals,
  request,
  requests,
  shell,
  signIn,
} from '../locales/en.json';
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

// The first page's English texts, the only ones in the entry bundle: named imports of the JSON module, so the
// bundler leaves its other groups out (vite.config.mts: json.stringify false). A text the first page shows must be
// in one of these groups; its tests render with these alone and fail on any other (ADR 0009).
const FIRST_PAGE_EN = {
  agenda,
  app,
  errors,
  home,
  languages,
  needsYou,
  notFound,
  people,
  programs,
  proposals,
  request,
  requests,
  shell,
  signIn,
};

/**
 * The namespace with every text, looked up when the default one lacks a key (fallbackNS), so `t('workspace.…')`
 * reads the same wherever the text comes from. Loaded before any other page renders (loadPageTexts).
 */
const PAGE_TEXTS = 'pages';

// Every catalogue other than the first page's English is a chunk of its own, fetched when needed. The whole English
// one is read as text (`?raw`): imported as JSON it would be the same module as the first page's groups, and a module
// is never split between chunks.
const catalogues: Record<Language, () => Promise<typeof en>> = {
  en: () => import('../locales/en.json?raw').then((m) => JSON.parse(m.default) as typeof en),
  de: () => import('../locales/de.json').then((m) => m.default),
};

const pageTextsBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (namespace !== PAGE_TEXTS || !isLanguage(language)) {
      callback(null, {});
      return;
    }
    catalogues[language]().then(
      (texts) => callback(null, texts),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  },
};

/** Every text of every page, in the person's language and English; what routes other than `/` await. */
export async function loadPageTexts(instance: i18n): Promise<void> {
  await instance.loadNamespaces(PAGE_TEXTS);
}

/** The first page's texts; `texts: 'all'` loads every page's too (tests of other pages render with those). */
export async function createI18n(language: Language, { texts = 'firstPage' }: { texts?: 'firstPage' | 'all' } = {}) {
  const instance = i18next.createInstance();
  const resources: Partial<Record<Language, { translation: object }>> = { en: { translation: FIRST_PAGE_EN } };
  if (language !== 'en') resources[language] = { translation: await catalogues[language]() };
  await instance
    .use(initReactI18next)
    .use(fallbackReporter)
    .use(pageTextsBackend)
    .init({
      resources,
      // The bundled texts are not all: the backend brings the rest (namespace PAGE_TEXTS) on request.
      partialBundledLanguages: true,
      ns: ['translation'],
      defaultNS: 'translation',
      fallbackNS: PAGE_TEXTS,
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
  if (texts === 'all') await loadPageTexts(instance);
  return instance;
}

export function initialLanguage(): Language {
  return preferredLanguage(window.localStorage.getItem(STORAGE_KEY), window.navigator.languages);
}

/** Switches the language, remembers it, and tells assistive technology via <html lang>. */
export async function changeLanguage(instance: i18n, language: Language): Promise<void> {
  if (!instance.hasResourceBundle(language, 'translation')) {
    instance.addResourceBundle(language, 'translation', await catalogues[language]());
  }
  // Also loads the page texts in that language once they were loaded in another (i18next loads every namespace in use).
  await instance.changeLanguage(language);
  window.localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}
