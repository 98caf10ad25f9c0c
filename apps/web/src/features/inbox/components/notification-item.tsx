import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatDateTime } from '../../../lib/format';
import { inAppPath } from '../lib/in-app-path';

export const NotificationItemNotification = graphql(`
  fragment NotificationItem_notification on Notification {
    id
    title
    lines
    link
    createdAt
    readAt
  }
`);

/**
 * One notification: its title leads to what it is about. Unread ones say so in words (read out with the item) as
 * well as by weight and colour.
 */
export function NotificationItem(props: {
  notification: FragmentType<typeof NotificationItemNotification>;
  timeZone: string;
  /** `path` is null when the browser opens the link itself (a new tab): it is read all the same. */
  onOpen: (id: string, path: string | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const notification = getFragmentData(NotificationItemNotification, props.notification);
  const unread = notification.readAt === null || notification.readAt === undefined;
  const path = inAppPath(notification.link);
  const open = (event: MouseEvent<HTMLAnchorElement>) => {
    // A new tab or window opens the page as a plain link would; only a plain click is the app's to navigate.
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0) {
      props.onOpen(notification.id, null);
      return;
    }
    event.preventDefault();
    props.onOpen(notification.id, path);
  };
  return (
    <Card
      component="li"
      withBorder
      padding="md"
      data-unread={unread || undefined}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-filled)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Anchor href={path} onClick={open} fw={unread ? 700 : 400} size="md">
            {notification.title}
          </Anchor>
          {unread && (
            <Badge color="blue" variant="filled" style={{ flexShrink: 0 }}>
              {t('inbox.unread')}
            </Badge>
          )}
        </Group>
        {notification.lines.map((line, i) => (
          <Text key={i} size="sm">
            {line}
          </Text>
        ))}
        <Text size="sm" c="dimmed">
          <time dateTime={notification.createdAt}>
            {formatDateTime(notification.createdAt, i18n.language, props.timeZone)}
          </time>
        </Text>
      </Stack>
    </Card>
  );
}
