import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { UNREAD_CONVERSATIONS } from '../api/unread-conversations-query';
import { useConversationEvents } from '../hooks/use-conversation-events';
import { CONVERSATION_TAB } from '../lib/conversation-link';
import { unreadConversations } from '../lib/unread-conversations';

/**
 * On the home page: the person's conversations with unread messages, each a link to its tab in the workspace, kept
 * current as messages arrive and are read. Nothing shows while there is nothing unread (or while it is asked).
 */
export function UnreadMessages() {
  const { t } = useTranslation();
  const { data, refetch } = useQuery(UNREAD_CONVERSATIONS, { fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useConversationEvents(reload);
  if (!data) return null;
  const { withUnread } = unreadConversations(data.myConversations);
  if (withUnread.length === 0) return null;
  const otherName = (mentorshipId: string) => {
    const mentorship = data.myMentorships.find((m) => m.id === mentorshipId);
    if (!mentorship) return undefined;
    const other = mentorship.mentorPersonId === data.me.personId ? mentorship.mentee : mentorship.mentor;
    return other?.displayName;
  };
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {withUnread.map(({ mentorshipId, unreadCount }) => {
        const name = otherName(mentorshipId);
        return (
          <li key={mentorshipId}>
            <Anchor
              fw={600}
              renderRoot={(p) => (
                <Link {...p} to="/mentorships/$mentorshipId" params={{ mentorshipId }} hash={CONVERSATION_TAB} />
              )}
            >
              {name
                ? t('needsYou.unreadMessagesFrom', { count: unreadCount, name })
                : t('needsYou.unreadMessages', { count: unreadCount })}
            </Anchor>
          </li>
        );
      })}
    </Stack>
  );
}
