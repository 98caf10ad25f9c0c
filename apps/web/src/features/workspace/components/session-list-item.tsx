import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { formatZonedDateTime, formatTime } from '../../../lib/format';
import type { OtherSide } from './session-time-fields';

export const SessionListItemSession = graphql(`
  fragment SessionListItem_session on Session {
    id
    title
    status
    startsAt
    endsAt
    mode
    myRsvp
  }
`);

/** A session in the mentorship's list: when it is for the viewer and for the other side, and its state. */
export function SessionListItem(props: {
  session: FragmentType<typeof SessionListItemSession>;
  viewerTimeZone: string;
  otherSide: OtherSide | null;
}) {
  const { t, i18n } = useTranslation();
  const session = getFragmentData(SessionListItemSession, props.session);
  const title = session.title ?? t('sessions.untitled');
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={2}>
          <Anchor
            fw={600}
            renderRoot={(p) => <Link {...p} to="/sessions/$sessionId" params={{ sessionId: session.id }} />}
          >
            {title}
          </Anchor>
          <Text size="sm">
            {formatZonedDateTime(session.startsAt, i18n.language, props.viewerTimeZone)} –{' '}
            {formatTime(session.endsAt, i18n.language, props.viewerTimeZone)}
          </Text>
          {props.otherSide && props.otherSide.timeZone !== props.viewerTimeZone && (
            <Text size="sm" c="dimmed">
              {t('sessions.forOther', {
                name: props.otherSide.name,
                time: formatZonedDateTime(session.startsAt, i18n.language, props.otherSide.timeZone),
              })}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge variant={session.status === 'SCHEDULED' ? 'outline' : 'filled'}>
            {t(`sessions.status.${session.status}`)}
          </Badge>
          <Text size="xs">{t(`sessions.modes.${session.mode}`)}</Text>
          {session.myRsvp && <Text size="xs">{t(`sessions.rsvp.${session.myRsvp}`)}</Text>}
        </Stack>
      </Group>
    </Card>
  );
}
