import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { createMemoryHistory, RouterProvider } from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AuthProvider } from '../features/auth';
import { fakeAuthClient } from '../test/fake-auth-client';
import type { i18n } from 'i18next';
import { loadPageTexts } from '../lib/i18n';
import { renderWithProviders } from '../test/render';
import { createAppRouter } from './router';

async function renderApp(path: string, signedIn: boolean) {
  const authClient = fakeAuthClient(signedIn ? { name: 'Ada Lovelace', accessToken: 't' } : null);
  // The first page's texts only, as the app starts: other routes must load theirs (i18n.ts, router.tsx).
  const texts: { of?: i18n } = {};
  const router = createAppRouter({
    history: createMemoryHistory({ initialEntries: [path] }),
    loadPageTexts: () => (texts.of ? loadPageTexts(texts.of) : Promise.reject(new Error('no texts yet'))),
  });
  // Pages that query are covered by their own tests; here every request stays pending.
  const client = new ApolloClient({ cache: new InMemoryCache(), link: new ApolloLink(() => null as never) });
  const rendered = await renderWithProviders(
    <AuthProvider client={authClient}>
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </AuthProvider>,
    'en',
    'firstPage',
  );
  texts.of = rendered.i18n;
  return { authClient, router };
}

describe('app shell', () => {
  it('offers a skip link to the main landmark and signs a visitor in from the landing page', async () => {
    const { authClient } = await renderApp('/', false);
    const heading = await screen.findByRole('heading', { level: 1, name: 'Welcome to Trellis' });
    expect(screen.getByRole('main')).toContainElement(heading);
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main');
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(authClient.signIns).toEqual(['/']);
  });

  it('shows the signed-in person and a sign-out button', async () => {
    await renderApp('/', true);
    expect(await screen.findByRole('heading', { level: 1, name: 'My programs' })).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  it('switches the language of every text and of the document', async () => {
    await renderApp('/', false);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Trellis' });
    const languages = screen.getByRole('group', { name: 'Language' });
    expect(within(languages).getByRole('button', { name: 'EN – English' })).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(within(languages).getByRole('button', { name: 'DE – Deutsch' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Willkommen bei Trellis' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('de');
    expect(screen.getByRole('group', { name: 'Sprache' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'DE – Deutsch' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'EN – English' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('loads the texts of a page other than the first before showing it', async () => {
    const { router } = await renderApp('/', true);
    await screen.findByRole('heading', { level: 1, name: 'My programs' });
    await router.navigate({ to: '/inbox' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Inbox' })).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Unread only' })).toBeInTheDocument();
  });

  it('answers an unknown address with a page that leads home, and moves focus to its heading', async () => {
    const { router } = await renderApp('/', false);
    await screen.findByRole('heading', { level: 1, name: 'Welcome to Trellis' });
    await router.navigate({ to: '/no/such/page' as '/' });
    const heading = await screen.findByRole('heading', { level: 1, name: 'Page not found' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(screen.getByRole('link', { name: 'Go to the start page' })).toHaveAttribute('href', '/');
  });
});
