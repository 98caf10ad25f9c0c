import { useQuery } from '@apollo/client/react';
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatZonedDateTime, formatTime } from '../../../lib/format';
import type { DescribedError } from '../../../lib/graphql-errors';
import { CLASHING_SESSION } from '../api/clashing-session-query';

/**
 * A time refused because it overlaps another booking, naming that session when the person may read it (their own);
 * someone else's calendar stays private, so then only the API's words are shown.
 */
export function ClashAlert({ failure, timeZone }: { failure: DescribedError; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const id = failure.clashingSessionId;
  const { data } = useQuery(CLASHING_SESSION, { variables: { id: id ?? '' }, skip: !id, errorPolicy: 'all' });
  const clash = data?.session;
  return (
    <Alert color="red" role="alert" variant="light" title={t('sessions.clashTitle')}>
      {clash
        ? t('sessions.clashesWith', {
            title: clash.title ?? t('sessions.untitled'),
            start: formatZonedDateTime(clash.startsAt, i18n.language, timeZone),
            end: formatTime(clash.endsAt, i18n.language, timeZone),
          })
        : failure.detail}
    </Alert>
  );
}
