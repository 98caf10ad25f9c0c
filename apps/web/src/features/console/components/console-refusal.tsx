import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../../components/page-heading';

/** What someone who manages nothing here sees at a console address: the same words whether the program exists or not. */
export function ConsoleRefusal() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start">
      <PageHeading>{t('console.refusal.heading')}</PageHeading>
      <Text>{t('console.refusal.body')}</Text>
      <Anchor component={Link} to="/">
        {t('console.refusal.home')}
      </Anchor>
    </Stack>
  );
}
