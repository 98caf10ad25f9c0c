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
import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { theme } from '../app/theme';
import { createI18n, type Language } from '../lib/i18n';

/**
 * Texts a test renders with: every page's, or only the first page's (what the app has before another page loads),
 * with which a text of another group is reported missing and fails the test.
 */
export type Texts = 'all' | 'firstPage';

/** Renders with the app's theme and translations, as the real providers do. */
export async function renderWithProviders(
  ui: ReactNode,
  language: Language = 'en',
  texts: Texts = 'all',
): Promise<RenderResult & { i18n: i18n }> {
  const i18n = await createI18n(language, { texts });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme}>{ui}</MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n };
}

/**
 * As renderWithProviders, inside a router at `path` (links and navigation work); `history` tells where the page
 * navigated to.
 */
export async function renderInRouter(
  ui: ReactNode,
  { path = '/', language = 'en', texts = 'all' }: { path?: string; language?: Language; texts?: Texts } = {},
): Promise<RenderResult & { history: RouterHistory }> {
  const history = createMemoryHistory({ initialEntries: [path] });
  const rootRoute = createRootRoute({ component: () => ui });
  const router = createRouter({ routeTree: rootRoute, history });
  const result = await renderWithProviders(<RouterProvider router={router} />, language, texts);
  return { ...result, history };
}
