import { Alert, Button, Stack } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { useAuth } from '../components/use-auth';

/** /auth/callback: where the issuer sends the browser back with the authorization code. */
export function AuthCallbackPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    auth.completeSignIn().then(
      (returnTo) => void navigate({ to: returnTo, replace: true }),
      () => setFailed(true),
    );
  }, [auth, navigate]);

  return (
    <Stack align="flex-start">
      <PageHeading>{t('callback.heading')}</PageHeading>
      {failed ? (
        <Alert color="red" role="alert" variant="light">
          <Stack gap="xs" align="flex-start">
            {t('callback.failed')}
            <Button onClick={() => void auth.signIn('/')}>{t('callback.retry')}</Button>
          </Stack>
        </Alert>
      ) : (
        <LoadingState label={t('app.loading')} />
      )}
    </Stack>
  );
}
