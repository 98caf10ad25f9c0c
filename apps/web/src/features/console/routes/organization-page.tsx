import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { ConsoleRefusal } from '../components/console-refusal';
import { OrganizationPrograms } from '../components/organization-programs';
import { WebhooksPanel } from '../components/webhooks-panel';
import { useConsoleAccess } from '../hooks/use-console-access';

/**
 * The organization admins' page: the organization's programs and their managers, and its webhooks. Anyone else is
 * refused before anything is asked, with the words every console gate uses.
 */
export function OrganizationPage() {
  const { t } = useTranslation();
  const access = useConsoleAccess();
  if (access.state === 'loading') return <LoadingState label={t('console.loading')} />;
  if (access.state === 'failed') return <QueryError error={access.error} onRetry={access.retry} />;
  if (!access.orgAdmin) return <ConsoleRefusal />;
  return (
    <Stack>
      <Anchor component={Link} to="/manage/programs" size="sm">
        {t('console.backToPrograms')}
      </Anchor>
      <PageHeading>{t('console.organization.heading')}</PageHeading>
      <Text>{t('console.organization.intro')}</Text>
      <OrganizationPrograms />
      <WebhooksPanel />
    </Stack>
  );
}
