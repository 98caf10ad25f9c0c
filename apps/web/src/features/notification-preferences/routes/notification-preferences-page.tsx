import { useQuery } from '@apollo/client/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import { NOTIFICATION_PREFERENCES, PreferencesFormPreferences } from '../api/preferences-queries';
import { PreferencesForm } from '../components/preferences-form';

/** How and when the person hears from Trellis: per category and channel, quiet hours, digests, an email budget. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(NOTIFICATION_PREFERENCES);
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  let content;
  if (error) content = <QueryError error={error} onRetry={retry} />;
  else if (!data) content = <LoadingState label={t('preferences.loading')} />;
  else {
    const zones = [...new Set(data.me.participations.map((p) => p.timezone))];
    content = (
      <PreferencesForm
        preferences={getFragmentData(PreferencesFormPreferences, data.notificationPreferences)}
        timeZones={zones}
      />
    );
  }
  return (
    <>
      <PageHeading>{t('preferences.heading')}</PageHeading>
      {content}
    </>
  );
}
