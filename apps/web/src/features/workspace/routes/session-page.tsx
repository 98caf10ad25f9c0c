import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { PersonSummary } from '../../../components/person-summary';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { useNow } from '../../../hooks/use-now';
import { newCommandId } from '../../../lib/command-id';
import { formatZonedDateTime, formatTime } from '../../../lib/format';
import { joinLinkOf } from '../../../lib/join-link';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { COMPLETE_SESSION } from '../api/session-mutations';
import { SESSION_CALENDAR, SESSION_PAGE, SessionDetailsSession } from '../api/session-page-query';
import { CancelSessionForm } from '../components/cancel-session-form';
import { RescheduleSessionForm } from '../components/reschedule-session-form';
import { SessionFeedbackForm } from '../components/session-feedback-form';
import { SessionNotes } from '../components/session-notes';
import { SessionRsvp } from '../components/session-rsvp';
import { useAction } from '../hooks/use-action';
import { downloadCalendarFile } from '../lib/calendar-file';
import { PAIR_REFRESH } from '../lib/pair-refresh';
import { namesByPersonId } from '../lib/people-names';

type Editing = 'none' | 'reschedule' | 'cancel';

/**
 * One session for its attendees: when it is for each of them, answering, moving or calling it off, the calendar
 * entry, the join link; once held, notes and feedback. Anyone else is told it does not exist.
 */
export function SessionPage({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation();
  const viewerTimeZone = useMemo(() => detectedTimeZone(), []);
  const { data, error, refetch } = useQuery(SESSION_PAGE, {
    variables: { id: sessionId, viewerTimeZone },
    ...PAIR_REFRESH,
  });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  const client = useApolloClient();
  const now = useNow();
  const [editing, setEditing] = useState<Editing>('none');
  const [complete, completing] = useMutation(COMPLETE_SESSION);
  const { failure, run } = useAction();
  if (error && !data) {
    return (
      <>
        <PageHeading>{t('sessions.headingPlain')}</PageHeading>
        <QueryError error={error} onRetry={reload} />
      </>
    );
  }
  // Refetches (polling, live events) keep the page and its open forms; only the first load shows the loader.
  if (!data) return <LoadingState label={t('sessions.loading')} />;
  const session = getFragmentData(SessionDetailsSession, data.session);
  const viewer = data.me.personId;
  const me = session.attendees.find((a) => a.personId === viewer);
  const others = session.attendees.filter((a) => a.personId !== viewer);
  const nameOf = namesByPersonId(
    [
      ...session.attendees.map((a) => ({ personId: a.personId, name: a.participant?.displayName })),
      { personId: viewer, name: t('workspace.you') },
    ],
    t('people.unavailable'),
  );
  const otherPerson = others[0]?.participant;
  const otherSide = otherPerson ? { name: otherPerson.displayName, timeZone: otherPerson.timezone } : null;
  const scheduled = session.status === 'SCHEDULED';
  const started = Date.parse(session.startsAt) <= now;
  const over = Date.parse(session.endsAt) <= now;
  const organizer = session.kind === 'ONE_ON_ONE' ? Boolean(me) : session.hostPersonId === viewer;
  const completed = session.status === 'COMPLETED';
  const gaveFeedback = session.feedback.some((f) => f.personId === viewer);
  const attended = me?.attendance !== 'ABSENT';
  const title = session.title ?? t('sessions.untitled');
  const joinLink = joinLinkOf(session);

  const addToCalendar = () =>
    void run(async () => {
      const result = await client.query({
        query: SESSION_CALENDAR,
        variables: { id: session.id },
        fetchPolicy: 'network-only',
      });
      if (result.data) downloadCalendarFile(result.data.sessionCalendar, `${title}.ics`);
    });

  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{title}</PageHeading>
        <Group gap="xs" mb="xs">
          <Badge variant={scheduled ? 'outline' : 'filled'}>{t(`sessions.status.${session.status}`)}</Badge>
          <Badge variant="outline" color="gray">
            {t(`sessions.modes.${session.mode}`)}
          </Badge>
        </Group>
        <Text size="lg">
          {formatZonedDateTime(session.startsAt, i18n.language, viewerTimeZone)} –{' '}
          {formatTime(session.endsAt, i18n.language, viewerTimeZone)}
        </Text>
        {others
          .filter((a) => a.participant && a.participant.timezone !== viewerTimeZone)
          .map((a) => (
            <Text key={a.personId} size="sm" c="dimmed">
              {t('sessions.forOther', {
                name: a.participant?.displayName,
                time: formatZonedDateTime(session.startsAt, i18n.language, a.participant?.timezone ?? 'UTC'),
              })}
            </Text>
          ))}
        {session.cancellationReason && (
          <Text mt="xs">
            {t('sessions.cancelledBecause', { reason: t(`sessions.cancelReasons.${session.cancellationReason}`) })}
          </Text>
        )}
        {session.mentorshipId && (
          <Anchor
            size="sm"
            renderRoot={(p) => (
              <Link {...p} to="/mentorships/$mentorshipId" params={{ mentorshipId: session.mentorshipId ?? '' }} />
            )}
          >
            {t('sessions.backToMentorship')}
          </Anchor>
        )}
      </div>
      <FailureAlert failure={failure} />
      <Group>
        {joinLink && scheduled && (
          <Button component="a" href={joinLink} target="_blank" rel="noopener noreferrer">
            {t('sessions.join')}
          </Button>
        )}
        {session.mode === 'IN_PERSON' && session.place && <Text>{t('sessions.at', { place: session.place })}</Text>}
        {scheduled && (
          <Button variant="default" onClick={addToCalendar}>
            {t('sessions.addToCalendar')}
          </Button>
        )}
        {scheduled && organizer && editing === 'none' && (
          <>
            <Button variant="default" onClick={() => setEditing('reschedule')}>
              {t('sessions.reschedule')}
            </Button>
            <Button variant="default" color="red" onClick={() => setEditing('cancel')}>
              {t('sessions.cancel')}
            </Button>
          </>
        )}
        {scheduled && organizer && started && (
          <Button
            loading={completing.loading}
            onClick={() =>
              void run(() => complete({ variables: { id: session.id, viewerTimeZone, commandId: newCommandId() } }))
            }
          >
            {t('sessions.markHeld')}
          </Button>
        )}
      </Group>
      {editing === 'reschedule' && (
        <Card withBorder>
          <Title order={2} size="h3" mb="sm">
            {t('sessions.reschedule')}
          </Title>
          <RescheduleSessionForm
            session={session}
            viewerTimeZone={viewerTimeZone}
            otherSide={otherSide}
            onDone={() => setEditing('none')}
          />
        </Card>
      )}
      {editing === 'cancel' && (
        <Card withBorder>
          <CancelSessionForm sessionId={session.id} viewerTimeZone={viewerTimeZone} onDone={() => setEditing('none')} />
        </Card>
      )}
      {scheduled && !over && me && !me.host && (
        <SessionRsvp sessionId={session.id} myRsvp={session.myRsvp} viewerTimeZone={viewerTimeZone} />
      )}
      <section aria-labelledby="attendees-heading">
        <Title order={2} size="h3" id="attendees-heading" mb="sm">
          {t('sessions.attendees')}
        </Title>
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {session.attendees.map((a) => (
            <Group component="li" key={a.personId} justify="space-between">
              <PersonSummary participant={a.participant} />
              <Text size="sm">
                {a.host ? t('sessions.organizer') : a.rsvp ? t(`sessions.rsvp.${a.rsvp}`) : t('sessions.noAnswer')}
              </Text>
            </Group>
          ))}
        </Stack>
      </section>
      {completed && me && attended && (
        <section aria-labelledby="feedback-heading">
          <Title order={2} size="h3" id="feedback-heading" mb="sm">
            {t('sessions.feedback.heading')}
          </Title>
          {gaveFeedback ? (
            <Text>{t('sessions.feedback.thanks')}</Text>
          ) : (
            <SessionFeedbackForm sessionId={session.id} viewerTimeZone={viewerTimeZone} />
          )}
        </section>
      )}
      <Divider />
      {me && (
        <SessionNotes
          sessionId={session.id}
          completed={completed}
          sharedNotes={session.sharedNotes}
          privateNotes={session.myPrivateNotes}
          viewerTimeZone={viewerTimeZone}
          nameOf={nameOf}
        />
      )}
    </Stack>
  );
}
