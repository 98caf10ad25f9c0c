import { MantineProvider } from '@mantine/core';
import { render, type RenderResult } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { theme } from '../app/theme';
import { createI18n, type Language } from '../lib/i18n';

/** Renders with the app's theme and translations, as the real providers do. */
export async function renderWithProviders(ui: ReactNode, language: Language = 'en'): Promise<RenderResult> {
  const i18n = await createI18n(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>{ui}</MantineProvider>
    </I18nextProvider>,
  );
}
