import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { Link, useLocation } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { PersonSummary } from '../../../components/person-summary';
import { QueryError } from '../../../components/query-error';
import { getFragmentData } from '../../../gql';
import { ConversationPane } from '../../conversations/components/conversation-pane';
import { CONVERSATION_TAB } from '../../conversations/lib/conversation-link';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { detectedTimeZone } from '../../../lib/detected-time-zone';
import { WORKSPACE, WorkspacePersonParticipant } from '../api/workspace-query';
import { ActionItemsPanel } from '../components/action-items-panel';
import { AgreementPanel } from '../components/agreement-panel';
import { EndMentorshipDialog } from '../components/end-mentorship-dialog';
import { GoalsPanel } from '../components/goals-panel';
import { ReflectionsPanel } from '../components/reflections-panel';
import { ResourcesPanel } from '../components/resources-panel';
import { SessionsPanel } from '../components/sessions-panel';
import { PAIR_REFRESH } from '../lib/pair-refresh';
import { namesByPersonId } from '../lib/people-names';

type Tab = 'sessions' | 'goals' | 'actionItems' | 'resources' | 'reflections' | 'agreement' | 'conversation';

/**
 * The mentorship as both sides work in it: sessions, goals, action items, resources, each side's private reflections
 * and the agreement, kept current as the other side acts.
 * To anyone but the pair and the program's managers the API answers "not found", and so does this page.
 */
export function WorkspacePage({ mentorshipId }: { mentorshipId: string }) {
  const { t } = useTranslation();
  const viewerTimeZone = useMemo(() => detectedTimeZone(), []);
  const { data, error, refetch } = useQuery(WORKSPACE, {
    variables: { mentorshipId, viewerTimeZone },
    ...PAIR_REFRESH,
  });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  // A link to the pair's conversation (from the home's unread messages) opens its tab.
  const hash = useLocation({ select: (location) => location.hash });
  const [tab, setTab] = useState<Tab>(hash === CONVERSATION_TAB ? 'conversation' : 'sessions');
  const [ending, setEnding] = useState(false);
  if (error && !data) {
    return (
      <>
        <PageHeading>{t('workspace.headingPlain')}</PageHeading>
        <QueryError error={error} onRetry={reload} />
      </>
    );
  }
  // Refetches (polling, live events) keep the page and its open forms; only the first load shows the loader.
  if (!data) return <LoadingState label={t('workspace.loading')} />;
  const { engagement, me } = data;
  const viewerIsMentor = engagement.viewerRole === 'MENTOR';
  const other = viewerIsMentor ? engagement.mentee : engagement.mentor;
  const people = [engagement.mentor, engagement.mentee]
    .map((p) => getFragmentData(WorkspacePersonParticipant, p))
    .filter((p) => p !== null && p !== undefined);
  const nameOf = namesByPersonId(
    [
      ...people.map((p) => ({ personId: p.personId, name: p.displayName })),
      { personId: me.personId, name: t('workspace.you') },
    ],
    t('people.unavailable'),
  );
  const otherPerson = getFragmentData(WorkspacePersonParticipant, other);
  const otherSide = otherPerson ? { name: otherPerson.displayName, timeZone: otherPerson.timezone } : null;
  const heading = otherPerson
    ? t(viewerIsMentor ? 'workspace.headingMentee' : 'workspace.headingMentor', { name: otherPerson.displayName })
    : t('workspace.headingPlain');
  const open = engagement.status === 'OPEN';
  // Managers read the pair's work but have no reflections of their own here (the API returns them none).
  const pair = engagement.viewerRole !== 'MANAGER';
  const otherName = otherPerson?.displayName ?? t('people.unavailable');
  return (
    <Stack gap="lg">
      <div>
        <PageHeading>{heading}</PageHeading>
        <Group justify="space-between" align="flex-start">
          <PersonSummary participant={other} headingLevel={2} />
          <Group>
            <Badge variant="outline">{t(`workspace.status.${engagement.status}`)}</Badge>
            {open && engagement.viewerRole !== 'MANAGER' && (
              <Button variant="default" color="red" onClick={() => setEnding(true)}>
                {t('workspace.end.button')}
              </Button>
            )}
          </Group>
        </Group>
        <Anchor
          size="sm"
          renderRoot={(p) => <Link {...p} to="/programs/$programId" params={{ programId: engagement.programId }} />}
        >
          {t('workspace.backToProgram')}
        </Anchor>
        {!open && <Text mt="sm">{t('workspace.closed')}</Text>}
      </div>
      <Tabs value={tab} onChange={(value) => setTab((value as Tab | null) ?? 'sessions')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="sessions">{t('workspace.tabs.sessions')}</Tabs.Tab>
          <Tabs.Tab value="goals">{t('workspace.tabs.goals')}</Tabs.Tab>
          <Tabs.Tab value="actionItems">{t('workspace.tabs.actionItems')}</Tabs.Tab>
          <Tabs.Tab value="resources">{t('workspace.tabs.resources')}</Tabs.Tab>
          {pair && <Tabs.Tab value="reflections">{t('workspace.tabs.reflections')}</Tabs.Tab>}
          <Tabs.Tab value="agreement">{t('workspace.tabs.agreement')}</Tabs.Tab>
          {pair && <Tabs.Tab value="conversation">{t('workspace.tabs.conversation')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="sessions" pt="md">
          <SessionsPanel
            engagement={engagement}
            viewerTimeZone={viewerTimeZone}
            otherSide={otherSide}
            onChanged={reload}
          />
        </Tabs.Panel>
        <Tabs.Panel value="goals" pt="md">
          <GoalsPanel engagement={engagement} nameOf={nameOf} />
        </Tabs.Panel>
        <Tabs.Panel value="actionItems" pt="md">
          <ActionItemsPanel
            engagement={engagement}
            viewerPersonId={me.personId}
            viewerTimeZone={viewerTimeZone}
            nameOf={nameOf}
          />
        </Tabs.Panel>
        <Tabs.Panel value="resources" pt="md">
          <ResourcesPanel engagement={engagement} mentorName={nameOf(engagement.mentorPersonId)} />
        </Tabs.Panel>
        {pair && (
          <Tabs.Panel value="reflections" pt="md">
            <ReflectionsPanel engagement={engagement} otherName={otherName} viewerTimeZone={viewerTimeZone} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="agreement" pt="md">
          <AgreementPanel engagement={engagement} viewerPersonId={me.personId} nameOf={nameOf} />
        </Tabs.Panel>
        {/* Only the pair reads it: the program's managers have no tab (the API refuses them too). */}
        {pair && (
          <Tabs.Panel value="conversation" pt="md">
            <ConversationPane mentorshipId={mentorshipId} nameOf={nameOf} viewerTimeZone={viewerTimeZone} />
          </Tabs.Panel>
        )}
      </Tabs>
      <EndMentorshipDialog
        opened={ending}
        mentorshipId={mentorshipId}
        canRematch={engagement.viewerRole === 'MENTEE'}
        onClose={() => setEnding(false)}
        onEnded={() => {
          setEnding(false);
          reload();
        }}
      />
    </Stack>
  );
}
