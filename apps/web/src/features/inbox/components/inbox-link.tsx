import { Anchor, Badge, VisuallyHidden } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../hooks/use-unread-count';

/**
 * The header's way to the inbox, with how many notifications are unread; the count follows events live. The badge
 * shows the number, a hidden text says it in words: the link's name stays its visible text plus those words.
 */
export function InboxLink() {
  const { t } = useTranslation();
  const unread = useUnreadCount() ?? 0;
  return (
    <Anchor component={Link} to="/inbox" underline="hover">
      {t('shell.inbox')}
      {unread > 0 && (
        <>
          <Badge component="span" color="red" variant="filled" circle={unread < 10} ml={6} aria-hidden>
            {unread > 99 ? '99+' : unread}
          </Badge>
          <VisuallyHidden>{t('shell.inboxUnread', { count: unread })}</VisuallyHidden>
        </>
      )}
    </Anchor>
  );
}
