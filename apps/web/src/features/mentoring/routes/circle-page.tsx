import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { CIRCLE_CONVERSATIONS } from '../../conversations/api/circle-conversations-query';
import { ConversationPane } from '../../conversations/components/conversation-pane';
import { circleConversationId } from '../../conversations/lib/conversation-link';
import { namesByPersonId } from '../../workspace/lib/people-names';
import { MY_CIRCLES } from '../api/my-circles-query';

/**
 * A circle as its mentor and mentees see it: who is in it and the circle's conversation (where its unread-message
 * emails lead). Someone who left reads the conversation up to their leaving; the names come only to members, so they
 * see none. To anyone else the API refuses the conversation, and the page says so.
 */
export function CirclePage({ circleId }: { circleId: string }) {
  const { t, i18n } = useTranslation();
  const viewerTimeZone = useMemo(() => detectedTimeZone(), []);
  const home = useQuery(CIRCLE_CONVERSATIONS, { fetchPolicy: 'cache-and-network' });
  const programId = home.data?.myConversations.find((c) => c.circleId === circleId)?.programId;
  const circles = useQuery(MY_CIRCLES, { variables: { programId: programId ?? '' }, skip: !programId });
  const retry = useCallback(() => void home.refetch().catch(() => undefined), [home]);
  if (home.error && !home.data) {
    return (
      <>
        <PageHeading>{t('circle.headingPlain')}</PageHeading>
        <QueryError error={home.error} onRetry={retry} />
      </>
    );
  }
  if (!home.data || (programId && !circles.data && !circles.error)) return <LoadingState label={t('circle.loading')} />;
  const viewerPersonId = home.data.me.personId;
  const circle = circles.data?.myCircles.find((c) => c.id === circleId);
  const mentorName = circle?.mentor?.displayName;
  const heading =
    circle?.mentorPersonId === viewerPersonId
      ? t('circle.headingMine')
      : mentorName
        ? t('circle.heading', { name: mentorName })
        : t('circle.headingPlain');
  const mentees = (circle?.members ?? []).filter((m) => m.personId !== viewerPersonId);
  const nameOf = namesByPersonId(
    [
      ...(circle ? [{ personId: circle.mentorPersonId, name: mentorName }] : []),
      ...mentees.map((m) => ({ personId: m.personId, name: m.mentee?.displayName })),
      { personId: viewerPersonId, name: t('workspace.you') },
    ],
    t('people.unavailable'),
  );
  const others = [
    ...(circle && circle.mentorPersonId !== viewerPersonId && mentorName ? [mentorName] : []),
    ...mentees
      .flatMap((m) => (m.mentee?.displayName ? [m.mentee.displayName] : []))
      .sort((a, b) => a.localeCompare(b, i18n.language)),
  ];
  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{heading}</PageHeading>
        {others.length > 0 && <Text>{t('circle.members', { names: others.join(', ') })}</Text>}
        {programId && (
          <Anchor size="sm" renderRoot={(p) => <Link {...p} to="/programs/$programId" params={{ programId }} />}>
            {t('circle.backToProgram')}
          </Anchor>
        )}
      </div>
      <ConversationPane mentorshipId={circleConversationId(circleId)} nameOf={nameOf} viewerTimeZone={viewerTimeZone} />
    </Stack>
  );
}
