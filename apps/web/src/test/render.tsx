import { MantineProvider } from '@mantine/core';
import {
  createMemoryHistory,
  createRootRoute,
  createRouter,
  type RouterHistory,
  RouterProvider,
} from '@tanstack/react-router';
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

/**
 * As renderWithProviders, inside a router at `path` (links and navigation work); `history` tells where the page
 * navigated to.
 */
export async function renderInRouter(
  ui: ReactNode,
  { path = '/', language = 'en' }: { path?: string; language?: Language } = {},
): Promise<RenderResult & { history: RouterHistory }> {
  const history = createMemoryHistory({ initialEntries: [path] });
  const rootRoute = createRootRoute({ component: () => ui });
  const router = createRouter({ routeTree: rootRoute, history });
  const result = await renderWithProviders(<RouterProvider router={router} />, language);
  return { ...result, history };
}
