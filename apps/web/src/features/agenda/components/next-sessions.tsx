import { useQuery } from '@apollo/client/react';
import { Button, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { NEXT_SESSIONS } from '../api/next-sessions-query';
import { AgendaSessionItem } from './agenda-session-item';

/** The home page shows the next few; the rest a page at a time on request. */
export const NEXT_SESSIONS_PAGE = 3;
const MAX_PAGE = 100;
const HEADING_ID = 'next-sessions';
const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-xs)' };

/** The person's next sessions in every mentorship and group, kept current by their live events. */
export function NextSessions({ viewerTimeZone }: { viewerTimeZone: string }) {
  const { t } = useTranslation();
  const { data, error, refetch, fetchMore } = useQuery(NEXT_SESSIONS, {
    variables: { first: NEXT_SESSIONS_PAGE, viewerTimeZone },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data?.mySessions.edges.length ?? 0;
  // A session booked, moved or called off by the other side: reload as many as are shown, from the start.
  const reload = useCallback(
    () =>
      void refetch({ first: Math.min(MAX_PAGE, Math.max(NEXT_SESSIONS_PAGE, shown)), after: null }).catch(
        () => undefined,
      ),
    [refetch, shown],
  );
  useLiveRefresh(reload);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);

  const showMore = (after: string) => {
    setFailure(null);
    setLoadingMore(true);
    fetchMore({
      variables: { first: NEXT_SESSIONS_PAGE, after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        ...fetchMoreResult,
        mySessions: {
          ...fetchMoreResult.mySessions,
          edges: [...previous.mySessions.edges, ...fetchMoreResult.mySessions.edges],
        },
      }),
    })
      .catch((e: unknown) => setFailure(describeError(e)))
      .finally(() => setLoadingMore(false));
  };

  let content;
  if (error && !data) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('agenda.sessionsLoading')} />;
  else {
    const { edges, pageInfo } = data.mySessions;
    const endCursor = pageInfo.hasNextPage ? pageInfo.endCursor : null;
    content = (
      <Stack gap="xs" align="stretch">
        {edges.length === 0 ? (
          <Text>{t('agenda.noSessions')}</Text>
        ) : (
          <ul style={listStyle} aria-labelledby={HEADING_ID}>
            {edges.map(({ node }) => (
              <AgendaSessionItem
                key={node.id}
                session={node}
                viewerPersonId={data.me.personId}
                viewerTimeZone={viewerTimeZone}
              />
            ))}
          </ul>
        )}
        <FailureAlert failure={failure} />
        {endCursor && (
          <Button
            variant="default"
            loading={loadingMore}
            onClick={() => showMore(endCursor)}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('agenda.moreSessions')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <section aria-labelledby={HEADING_ID}>
      <Title order={3} size="h4" id={HEADING_ID} mb="xs">
        {t('agenda.sessionsHeading')}
      </Title>
      {content}
    </section>
  );
}
