import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { REQUEST_PROGRAM } from '../api/request-program-query';

/**
 * Where an email about a mentorship request leads: requests are answered (or followed) on their program's page, so
 * the person is sent on there, with this address replaced in the history so Back does not bounce them forward again.
 */
export function RequestPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(REQUEST_PROGRAM, { fetchPolicy: 'network-only' });
  const retry = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  const programId = data?.myMentorshipRequests.find((r) => r.id === requestId)?.programId;
  useEffect(() => {
    if (programId) void navigate({ to: '/programs/$programId', params: { programId }, replace: true });
  }, [programId, navigate]);

  if (error) {
    return (
      <>
        <PageHeading>{t('requestLink.heading')}</PageHeading>
        <QueryError error={error} onRetry={retry} />
      </>
    );
  }
  if (!data || programId) return <LoadingState label={t('requestLink.opening')} />;
  return (
    <>
      <PageHeading>{t('requestLink.heading')}</PageHeading>
      <Stack gap="sm" align="flex-start">
        <Text>{t('requestLink.notFound')}</Text>
        <Anchor renderRoot={(rootProps) => <Link {...rootProps} to="/" />}>{t('proposals.backHome')}</Anchor>
      </Stack>
    </>
  );
}
