import { useQuery } from '@apollo/client/react';
import { Anchor, Stack } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { MY_CIRCLES } from '../../mentoring/api/my-circles-query';
import { UNREAD_CONVERSATIONS } from '../api/unread-conversations-query';
import { useConversationEvents } from '../hooks/use-conversation-events';
import { CONVERSATION_TAB } from '../lib/conversation-link';
import { unreadConversations } from '../lib/unread-conversations';

/**
 * On the home page: the person's conversations with unread messages, each a link to its tab in the workspace (or to
 * its circle's page), kept current as messages arrive and are read. Nothing shows while there is nothing unread (or
 * while it is asked).
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
      {withUnread.map(({ mentorshipId, circleId, programId, unreadCount }) => {
        if (circleId) {
          return (
            <li key={mentorshipId}>
              <CircleUnreadLink
                circleId={circleId}
                programId={programId}
                viewerPersonId={data.me.personId}
                count={unreadCount}
              />
            </li>
          );
        }
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

/**
 * A circle's unread messages, named by the circle's mentor: the program's circles are asked for (the same query as the
 * program page's, so often already cached); until they come, or for the mentor themselves, it is "your circle".
 */
function CircleUnreadLink(props: { circleId: string; programId: string; viewerPersonId: string; count: number }) {
  const { t } = useTranslation();
  const { data } = useQuery(MY_CIRCLES, { variables: { programId: props.programId } });
  const circle = data?.myCircles.find((c) => c.id === props.circleId);
  const name = circle?.mentorPersonId === props.viewerPersonId ? undefined : circle?.mentor?.displayName;
  return (
    <Anchor fw={600} renderRoot={(p) => <Link {...p} to="/circles/$circleId" params={{ circleId: props.circleId }} />}>
      {name
        ? t('needsYou.unreadInCircle', { count: props.count, name })
        : t('needsYou.unreadInYourCircle', { count: props.count })}
    </Anchor>
  );
}
