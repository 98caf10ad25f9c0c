import { Box, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLanguage, LANGUAGES } from '../lib/i18n';

/**
 * One toggle button per language, each named in its own language. On a phone the header has no room for the full
 * names next to the inbox and sign-out, so below `sm` the buttons show the short codes; the accessible name carries
 * both, so it contains what is on screen at every width (WCAG 2.5.3) and still says the language in full.
 * Buttons rather than a select: two choices, one tap, and no form-field machinery on the first page (ADR 0009).
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? 'en';
  return (
    <Group role="group" aria-label={t('shell.language')} gap={4} wrap="nowrap">
      {LANGUAGES.map((language) => {
        const code = language.toUpperCase();
        const name = t(`languages.${language}`);
        const chosen = language === current;
        return (
          <Button
            key={language}
            lang={language}
            size="compact-sm"
            variant={chosen ? 'filled' : 'default'}
            aria-pressed={chosen}
            aria-label={t('shell.languageOption', { code, name })}
            onClick={() => void changeLanguage(i18n, language)}
          >
            <Box component="span" visibleFrom="sm">
              {name}
            </Box>
            <Box component="span" hiddenFrom="sm">
              {code}
            </Box>
          </Button>
        );
      })}
    </Group>
  );
}
