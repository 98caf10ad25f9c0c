import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useNow } from '../../../hooks/use-now';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { ScheduleSessionDialog } from './schedule-session-dialog';
import { SessionListItem } from './session-list-item';
import type { OtherSide } from './session-time-fields';

export const SessionsPanelEngagement = graphql(`
  fragment SessionsPanel_engagement on Engagement {
    mentorshipId
    status
    viewerRole
    agreements {
      status
      sessionMinutes
    }
    sessions {
      id
      status
      startsAt
      ...SessionListItem_session
    }
  }
`);

const DEFAULT_MINUTES = 60;

/** The pair's sessions, coming ones first, and booking the next one (as long as the agreement says, if there is one). */
export function SessionsPanel(props: {
  engagement: FragmentType<typeof SessionsPanelEngagement>;
  viewerTimeZone: string;
  otherSide: OtherSide | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const engagement = getFragmentData(SessionsPanelEngagement, props.engagement);
  const [scheduling, setScheduling] = useState(false);
  const now = useNow();
  const upcoming = engagement.sessions
    .filter((s) => s.status === 'SCHEDULED' && Date.parse(s.startsAt) >= now - 3_600_000)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const upcomingIds = new Set(upcoming.map((s) => s.id));
  const past = engagement.sessions
    .filter((s) => !upcomingIds.has(s.id))
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  const agreed = engagement.agreements.find((a) => a.status === 'IN_EFFECT')?.sessionMinutes;
  const party = engagement.viewerRole !== 'MANAGER' && engagement.status === 'OPEN';
  const list = (sessions: typeof upcoming) => (
    <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sessions.map((s) => (
        <SessionListItem key={s.id} session={s} viewerTimeZone={props.viewerTimeZone} otherSide={props.otherSide} />
      ))}
    </Stack>
  );
  return (
    <Stack>
      {party && (
        <Group>
          <Button onClick={() => setScheduling(true)}>{t('sessions.scheduleButton')}</Button>
        </Group>
      )}
      <Title order={3} size="h4">
        {t('sessions.upcoming')}
      </Title>
      {upcoming.length === 0 ? <Text c="dimmed">{t('sessions.noneUpcoming')}</Text> : list(upcoming)}
      {past.length > 0 && (
        <>
          <Title order={3} size="h4">
            {t('sessions.past')}
          </Title>
          {list(past)}
        </>
      )}
      <ScheduleSessionDialog
        opened={scheduling}
        mentorshipId={engagement.mentorshipId}
        defaultMinutes={agreed ?? DEFAULT_MINUTES}
        otherSide={props.otherSide}
        onClose={() => setScheduling(false)}
        onScheduled={(sessionId) => {
          setScheduling(false);
          props.onChanged();
          void navigate({ to: '/sessions/$sessionId', params: { sessionId } });
        }}
      />
    </Stack>
  );
}
