import { describe, expect, it } from 'vitest';
import { preferredLanguage } from './i18n';

describe('preferredLanguage', () => {
  it('keeps the language the person chose', () => {
    expect(preferredLanguage('de', ['en-US'])).toBe('de');
  });

  it('takes the first browser language Trellis speaks, by its base tag', () => {
    expect(preferredLanguage(null, ['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(preferredLanguage('xx', ['en-GB'])).toBe('en');
  });

  it('falls back to English', () => {
    expect(preferredLanguage(null, ['fr', 'es'])).toBe('en');
  });
});
