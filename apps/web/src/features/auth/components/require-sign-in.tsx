import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { useAuth } from './use-auth';

/**
 * A page only a signed-in person sees. Anyone else, including someone whose session ended, goes to sign-in and comes
 * back to this very address afterwards (the callback returns to it).
 */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const auth = useAuth();
  const signedOut = auth.status === 'signedOut';
  useEffect(() => {
    if (signedOut) void auth.signIn();
  }, [signedOut, auth]);
  if (auth.status !== 'signedIn') return <LoadingState label={t('app.signingIn')} />;
  return children;
}
