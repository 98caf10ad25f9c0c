import { useQuery } from '@apollo/client/react';
import { Anchor, Card, List, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { CIRCLE_CONVERSATIONS } from '../../conversations/api/circle-conversations-query';
import { useConversationEvents } from '../../conversations/hooks/use-conversation-events';
import { MY_CIRCLES } from '../api/my-circles-query';

/**
 * The circles the person leads or was placed in (by the manager, or a published fill), with who else is in them and
 * a link to the circle's conversation with its unread count, kept current as messages arrive and are read.
 * Nothing shows for someone in no circle: most programs have none.
 */
export function MyCirclesSection({ programId, personId }: { programId: string; personId: string }) {
  const { t, i18n } = useTranslation();
  const { data, error, refetch } = useQuery(MY_CIRCLES, { variables: { programId } });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  const conversations = useQuery(CIRCLE_CONVERSATIONS, { fetchPolicy: 'cache-and-network' });
  const { refetch: refetchConversations } = conversations;
  useConversationEvents(useCallback(() => void refetchConversations().catch(() => undefined), [refetchConversations]));
  if (error && !data) return <QueryError error={error} onRetry={reload} />;
  const circles = (data?.myCircles ?? []).filter((c) => c.status === 'open');
  if (circles.length === 0) return null;
  const unnamed = t('program.circles.unnamed');
  return (
    <section aria-labelledby="my-circles">
      <Title order={2} size="h3" id="my-circles" mb="sm">
        {t('program.circles.heading', { count: circles.length })}
      </Title>
      <Stack gap="sm">
        {circles.map((circle) => {
          const lead = circle.mentorPersonId === personId ? t('program.circles.you') : circle.mentor?.displayName;
          const others = (circle.members ?? []).filter((m) => m.personId !== personId);
          const names = others
            .flatMap((m) => (m.mentee?.displayName ? [m.mentee.displayName] : []))
            .sort((a, b) => a.localeCompare(b, i18n.language));
          // A fellow member whose profile the viewer may not see is counted, not listed as a row of "no name".
          const unnamedCount = others.length - names.length;
          // Until the counts arrive (or if they cannot), the link shows without one.
          const unread = conversations.data?.myConversations.find((c) => c.circleId === circle.id)?.unreadCount ?? 0;
          return (
            <Card
              withBorder
              key={circle.id}
              component="article"
              aria-label={t('program.circles.ledBy', { name: lead ?? unnamed })}
            >
              <Text fw={500}>{t('program.circles.ledBy', { name: lead ?? unnamed })}</Text>
              {others.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('program.circles.noOthers')}
                </Text>
              ) : (
                <List size="sm" aria-label={t('program.circles.membersLabel')}>
                  {names.map((name, index) => (
                    <List.Item key={`${name}-${index}`}>{name}</List.Item>
                  ))}
                  {unnamedCount > 0 && (
                    <List.Item>
                      {t(names.length === 0 ? 'program.circles.menteesCount' : 'program.circles.moreMentees', {
                        count: unnamedCount,
                      })}
                    </List.Item>
                  )}
                </List>
              )}
              <Anchor
                size="sm"
                mt="xs"
                fw={unread > 0 ? 600 : undefined}
                renderRoot={(p) => <Link {...p} to="/circles/$circleId" params={{ circleId: circle.id }} />}
              >
                {unread > 0
                  ? t('program.circles.conversationUnread', { count: unread })
                  : t('program.circles.conversation')}
              </Anchor>
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}
