import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { NEEDS_YOU } from '../api/needs-you-query';
import { proposalsToAnswer, requestsWaitingFor } from '../lib/needs-you';
import type { DescribedError } from '../../../lib/graphql-errors';
import { AnswerNotice, type AnswerNoticeState } from './answer-notice';
import { type ProposalAnswer, ProposalCard } from './proposal-card';
import { WaitingRequest } from './waiting-request';

// The dialog (Modal, Select, their popover and scroll-lock machinery) is fetched only for people with a proposal to
// answer: most visits to the home have none, and it is the first page (ADR 0009).
const DeclineProposalDialog = lazy(() =>
  import('./decline-proposal-dialog').then((m) => ({ default: m.DeclineProposalDialog })),
);

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' };

/**
 * The top of the home page: proposals to answer, requests waiting for the person as a mentor, and unread
 * notifications — kept current by the person's live events. `children` come after them in the same section (the
 * home puts the person's next sessions and goals due there).
 */
export function NeedsYouSection({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(NEEDS_YOU, { fetchPolicy: 'cache-and-network' });
  const reload = useCallback(() => void refetch().catch(() => undefined), [refetch]);
  useLiveRefresh(reload);
  const [declining, setDeclining] = useState<{ id: string; name: string } | null>(null);
  const [notice, setNotice] = useState<AnswerNoticeState | null>(null);
  const answered = (answer: ProposalAnswer, name: string) => {
    setNotice({ answer, name });
    reload();
  };
  const failed = (error: DescribedError) => {
    setNotice({ error });
    reload();
  };

  let content;
  let hasProposals = false;
  if (error) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('needsYou.loading')} />;
  else {
    const personId = data.me.personId;
    const programNames = new Map(data.programs.map((p) => [p.id, p.name]));
    const proposals = proposalsToAnswer(data.myProposals, personId);
    const requests = requestsWaitingFor(data.myMentorshipRequests, personId);
    const unread = data.unreadNotificationCount;
    hasProposals = proposals.length > 0;
    content = (
      <Stack gap="md">
        {proposals.length === 0 && requests.length === 0 && <Text>{t('needsYou.nothing')}</Text>}
        {proposals.length > 0 && (
          <section aria-labelledby="proposals-to-answer">
            <Title order={3} size="h4" id="proposals-to-answer" mb="xs">
              {t('needsYou.proposals', { count: proposals.length })}
            </Title>
            <ul style={listStyle}>
              {proposals.map((p) => (
                <ProposalCard
                  key={p.id}
                  proposal={p}
                  viewerPersonId={personId}
                  programName={programNames.get(p.programId)}
                  onAnswered={answered}
                  onDecline={setDeclining}
                  onFailed={failed}
                />
              ))}
            </ul>
          </section>
        )}
        {requests.length > 0 && (
          <section aria-labelledby="requests-waiting">
            <Title order={3} size="h4" id="requests-waiting" mb="xs">
              {t('needsYou.requests', { count: requests.length })}
            </Title>
            <ul style={listStyle}>
              {requests.map((r) => (
                <WaitingRequest key={r.id} request={r} programName={programNames.get(r.programId)} />
              ))}
            </ul>
          </section>
        )}
        <Anchor renderRoot={(rootProps) => <Link {...rootProps} to="/inbox" />}>
          {unread > 0 ? t('needsYou.unread', { count: unread }) : t('needsYou.noUnread')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <section aria-labelledby="needs-you">
      <Title order={2} size="h3" id="needs-you" mb="sm">
        {t('needsYou.heading')}
      </Title>
      <Stack gap="sm">
        <AnswerNotice notice={notice} onClose={() => setNotice(null)} />
        {content}
        {children}
      </Stack>
      {(hasProposals || declining) && (
        <Suspense fallback={null}>
          <DeclineProposalDialog
            proposal={declining}
            onClose={() => setDeclining(null)}
            onDeclined={() => {
              if (declining) answered('declined', declining.name);
              setDeclining(null);
            }}
          />
        </Suspense>
      )}
    </section>
  );
}
