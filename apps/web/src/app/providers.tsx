import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import type { i18n } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { type AuthClient, AuthProvider, useAuth } from '../features/auth';
import { createApolloClient } from '../lib/apollo-client';
import { cssVariablesResolver, theme } from './theme';

function ApiProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const [client] = useState(() => createApolloClient({ getAccessToken: auth.getAccessToken }));
  // Nothing one person saw stays in the cache for the next one on this browser.
  useEffect(() => {
    if (auth.status === 'signedOut') void client.clearStore();
  }, [auth.status, client]);
  return <ApolloProvider client={client}>{children}</ApolloProvider>;
}

export function AppProviders({
  i18n,
  authClient,
  children,
}: {
  i18n: i18n;
  authClient: AuthClient;
  children: ReactNode;
}) {
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
        <AuthProvider client={authClient}>
          <ApiProvider>{children}</ApiProvider>
        </AuthProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
