import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../hooks/use-unread-count';

/** The header's way to the inbox, with how many notifications are unread; the count follows events live. */
export function InboxLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount() ?? 0;
  return (
    <Anchor
      component={Link}
      to="/inbox"
      underline="hover"
      aria-label={unread > 0 ? t('shell.inboxUnread', { count: unread }) : t('shell.inbox')}
    >
      <Group gap={6} wrap="nowrap" component="span">
        {t('shell.inbox')}
        {unread > 0 && (
          <Badge color="red" variant="filled" circle={unread < 10} aria-hidden data-testid="unread-badge">
            {unread > 99 ? '99+' : unread}
          </Badge>
        )}
      </Group>
    </Anchor>
  );
}
