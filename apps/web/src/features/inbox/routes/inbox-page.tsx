import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { INBOX, MARK_ALL_NOTIFICATIONS_READ, MARK_NOTIFICATION_READ } from '../api/inbox-queries';
import { UNREAD_NOTIFICATION_COUNT } from '../api/unread-count-query';
import { NotificationItem } from '../components/notification-item';

export const INBOX_PAGE_SIZE = 20;
// The API's largest page: a live reload asks for everything shown so far in one go, up to this.
const MAX_PAGE = 100;

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' };

/** The person's notifications, newest first: open one to go where it points, or mark them all read. */
export function InboxPage({ timeZone = detectedTimeZone() }: { timeZone?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error, loading, refetch, fetchMore } = useQuery(INBOX, {
    variables: { first: INBOX_PAGE_SIZE, unreadOnly, timeZone },
    fetchPolicy: 'cache-and-network',
  });
  const shown = data?.notifications.edges.length ?? 0;
  const reload = useCallback(
    () =>
      void refetch({ first: Math.min(MAX_PAGE, Math.max(INBOX_PAGE_SIZE, shown)), after: null }).catch(() => undefined),
    [refetch, shown],
  );
  useLiveRefresh(reload);
  const refetchQueries = [UNREAD_NOTIFICATION_COUNT];
  const [markRead] = useMutation(MARK_NOTIFICATION_READ, { refetchQueries });
  const [markAllRead, markingAll] = useMutation(MARK_ALL_NOTIFICATIONS_READ, { refetchQueries });
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);

  const open = (id: string, path: string | null) => {
    setFailure(null);
    const read = markRead({ variables: { id, commandId: newCommandId() } });
    if (path === null) {
      read.catch((e: unknown) => setFailure(describeError(e)));
      return;
    }
    // Going where the notification points matters more than its read mark: a failed mark does not keep the person.
    void read.catch(() => undefined).then(() => navigate({ href: path }));
  };

  const readAll = () => {
    setFailure(null);
    markAllRead({ variables: { commandId: newCommandId() } })
      .then(reload)
      .catch((e: unknown) => setFailure(describeError(e)));
  };

  const loadMore = (after: string) => {
    setFailure(null);
    setLoadingMore(true);
    fetchMore({
      variables: { first: INBOX_PAGE_SIZE, after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        notifications: {
          ...fetchMoreResult.notifications,
          edges: [...previous.notifications.edges, ...fetchMoreResult.notifications.edges],
        },
      }),
    })
      .catch((e: unknown) => setFailure(describeError(e)))
      .finally(() => setLoadingMore(false));
  };

  let content;
  if (error) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('inbox.loading')} />;
  else {
    const { edges, pageInfo } = data.notifications;
    content = (
      <Stack gap="md">
        {edges.length === 0 ? (
          <Text>{unreadOnly ? t('inbox.noneUnread') : t('inbox.none')}</Text>
        ) : (
          <ul style={listStyle} aria-label={t('inbox.listLabel')}>
            {edges.map((edge) => (
              <NotificationItem key={edge.node.id} notification={edge.node} timeZone={timeZone} onOpen={open} />
            ))}
          </ul>
        )}
        {pageInfo.hasNextPage && pageInfo.endCursor && (
          <Button
            variant="default"
            loading={loadingMore}
            onClick={() => pageInfo.endCursor && loadMore(pageInfo.endCursor)}
            style={{ alignSelf: 'center' }}
          >
            {t('inbox.loadMore')}
          </Button>
        )}
      </Stack>
    );
  }

  return (
    <>
      <PageHeading>{t('inbox.heading')}</PageHeading>
      <Group justify="space-between" mb="md">
        <Switch
          label={t('inbox.unreadOnly')}
          checked={unreadOnly}
          onChange={(event) => setUnreadOnly(event.currentTarget.checked)}
        />
        <Group gap="md">
          <Anchor renderRoot={(rootProps) => <Link {...rootProps} to="/settings/notifications" />}>
            {t('inbox.settings')}
          </Anchor>
          <Button variant="default" loading={markingAll.loading} disabled={loading && !data} onClick={readAll}>
            {t('inbox.markAllRead')}
          </Button>
        </Group>
      </Group>
      {failure && (
        <Alert color="red" role="alert" mb="md">
          {failure.detail ?? t(`errors.${failure.kind}`)}
        </Alert>
      )}
      {content}
    </>
  );
}
