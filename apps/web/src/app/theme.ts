import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Mantine's default shade (6) gives white text on teal, and teal links on white, a contrast of about 2.5:1 (shade
  // 8: 3.9:1); shade 9 passes WCAG AA (4.5:1) for normal text, which the browser tests check with axe.
  primaryShade: { light: 9, dark: 6 },
  // Visible keyboard focus on every control, not only when the browser guesses it is wanted.
  focusRing: 'always',
});

/**
 * Secondary ("dimmed") text one gray darker than Mantine's: gray 6 on white is 3.3:1, below WCAG AA. Light buttons of
 * the primary colour sit one shade lighter than Mantine's: teal 9 on teal 1 is 4.3:1, on teal 0 4.7:1. A field's
 * error (its message and the value typed) in red 8, not red 6: 3.3:1 on white, red 8 5.7:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-error': t.colors.red[8] ?? '#e03131',
    [`--mantine-color-${t.primaryColor}-light`]: `var(--mantine-color-${t.primaryColor}-0)`,
    [`--mantine-color-${t.primaryColor}-light-hover`]: `var(--mantine-color-${t.primaryColor}-1)`,
  },
  dark: {},
});
