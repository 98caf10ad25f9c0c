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
    // A flex row keeps the count beside the word: as a flex item of the header, the link was sized without the
    // badge (an inline grid) and put it on a second line on a phone.
    <Anchor component={Link} to="/inbox" underline="hover" style={{ display: 'inline-flex', alignItems: 'center' }}>
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
