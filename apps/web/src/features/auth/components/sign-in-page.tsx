import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/page-heading';
import { useAuth } from './use-auth';

/** What a signed-out visitor sees at /. */
export function SignInPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  return (
    <Stack align="flex-start" maw={560}>
      <PageHeading>{t('signIn.heading')}</PageHeading>
      <Text>{t('signIn.intro')}</Text>
      <Button size="md" onClick={() => void auth.signIn()}>
        {t('signIn.button')}
      </Button>
    </Stack>
  );
}
