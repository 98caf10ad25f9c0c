import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatTime, formatZonedDateTime } from '../../../lib/format';
import { joinLinkOf } from '../../../lib/join-link';
import { otherPeopleLine } from '../lib/session-people';

export const AgendaSessionItemSession = graphql(`
  fragment AgendaSessionItem_session on Session {
    id
    title
    status
    startsAt
    endsAt
    mode
    place
    attendees {
      personId
      participant {
        id
        displayName
      }
    }
  }
`);

/** A coming session on the home page: what, when where the viewer is, with whom, and the call to join if online. */
export function AgendaSessionItem(props: {
  session: FragmentType<typeof AgendaSessionItemSession>;
  viewerPersonId: string;
  viewerTimeZone: string;
}) {
  const { t, i18n } = useTranslation();
  const session = getFragmentData(AgendaSessionItemSession, props.session);
  const title = session.title ?? t('agenda.untitled');
  const people = otherPeopleLine(session.attendees, props.viewerPersonId, i18n.language, {
    unavailable: t('people.unavailable'),
    more: (count) => t('agenda.morePeople', { count }),
  });
  const joinLink = session.status === 'SCHEDULED' ? joinLinkOf(session) : null;
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="center" gap="xs">
        <Stack gap={2} miw={0}>
          <Anchor
            fw={600}
            renderRoot={(p) => <Link {...p} to="/sessions/$sessionId" params={{ sessionId: session.id }} />}
          >
            {title}
          </Anchor>
          <Text size="sm">
            <time dateTime={session.startsAt}>
              {formatZonedDateTime(session.startsAt, i18n.language, props.viewerTimeZone)}
            </time>{' '}
            – {formatTime(session.endsAt, i18n.language, props.viewerTimeZone)}
          </Text>
          {people && (
            <Text size="sm" c="dimmed">
              {t('agenda.withPeople', { people })}
            </Text>
          )}
          {session.mode === 'IN_PERSON' && session.place && (
            <Text size="sm">{t('agenda.at', { place: session.place })}</Text>
          )}
        </Stack>
        {/* Marked held before its end: still in the list until it is over, so say why it has no join link. */}
        {session.status === 'COMPLETED' && <Badge variant="outline">{t('agenda.held')}</Badge>}
        {joinLink && (
          <Button
            component="a"
            href={joinLink}
            target="_blank"
            rel="noopener noreferrer"
            size="xs"
            variant="default"
            aria-label={t('agenda.joinNamed', { title })}
          >
            {t('agenda.join')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
