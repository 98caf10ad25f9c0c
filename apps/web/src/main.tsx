import '@mantine/core/styles.css';
import './app/app.css';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from './app/providers';
import { createAppRouter } from './app/router';
import { createOidcAuthClient } from './features/auth';
import { createI18n, initialLanguage, loadPageTexts } from './lib/i18n';
import { fetchRuntimeConfig } from './lib/runtime-config';

async function start(container: HTMLElement): Promise<void> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  const i18n = await createI18n(language);
  const root = createRoot(container);
  try {
    const config = await fetchRuntimeConfig();
    const authClient = createOidcAuthClient({ ...config, origin: window.location.origin });
    const router = createAppRouter({ loadPageTexts: () => loadPageTexts(i18n) });
    root.render(
      <StrictMode>
        <AppProviders i18n={i18n} authClient={authClient}>
          <RouterProvider router={router} />
        </AppProviders>
      </StrictMode>,
    );
  } catch (error) {
    console.error(error);
    root.render(<p role="alert">{i18n.t('app.configFailed')}</p>);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
