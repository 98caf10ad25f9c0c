import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from './i18n';
import { MISSING_TRANSLATION_PREFIX } from './missing-translations';

// A key outside the typed catalogue, as a new enum value or a typo produces at run time.
const untyped = (key: string) => key as 'app.name';

describe('missing translations', () => {
  afterEach(() => {
    window.__trellisMissingTranslations = [];
    vi.restoreAllMocks();
  });

  it('records a key no catalogue has, in the language being read, and says so on the console', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = await createI18n('de');
    expect(i18n.t(untyped('programs.status.PAUSED_FOREVER'))).toBe('programs.status.PAUSED_FOREVER');
    expect(window.__trellisMissingTranslations).toEqual([
      { language: 'de', key: 'programs.status.PAUSED_FOREVER', kind: 'missing' },
    ]);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining(MISSING_TRANSLATION_PREFIX));
  });

  it('records a German text that falls back to English, while still showing the English text', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const i18n = await createI18n('de');
    i18n.addResource('en', 'translation', 'shell.onlyInEnglish', 'Only in English');
    expect(i18n.t(untyped('shell.onlyInEnglish'))).toBe('Only in English');
    expect(window.__trellisMissingTranslations).toEqual([
      { language: 'de', key: 'shell.onlyInEnglish', kind: 'fallback' },
    ]);
  });

  it('records nothing for texts both catalogues have, plurals and interpolation included', async () => {
    const i18n = await createI18n('de');
    expect(i18n.t('home.heading')).toBe('Meine Programme');
    i18n.t('home.count', { count: 2 });
    i18n.t('shell.signedInAs', { name: 'Ada' });
    expect(window.__trellisMissingTranslations ?? []).toEqual([]);
  });
});
