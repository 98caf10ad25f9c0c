import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import type { DescribedError } from '../../../lib/graphql-errors';
import { NEEDS_YOU } from '../api/needs-you-query';
import { proposalsToAnswer, requestsWaitingFor } from '../lib/needs-you';
import { AnswerNotice, type AnswerNoticeState } from './answer-notice';
import type { ProposalAnswer } from './proposal-card';

// Fetched only when a proposal or request waits (waiting-answers.tsx says why).
const WaitingAnswers = lazy(() => import('./waiting-answers').then((m) => ({ default: m.WaitingAnswers })));

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
  if (error) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('needsYou.loading')} />;
  else {
    const personId = data.me.personId;
    const proposals = proposalsToAnswer(data.myProposals, personId);
    const requests = requestsWaitingFor(data.myMentorshipRequests, personId);
    const unread = data.unreadNotificationCount;
    content = (
      <Stack gap="md">
        {proposals.length === 0 && requests.length === 0 ? (
          <Text>{t('needsYou.nothing')}</Text>
        ) : (
          <Suspense fallback={<LoadingState label={t('needsYou.loading')} />}>
            <WaitingAnswers
              proposals={proposals}
              requests={requests}
              viewerPersonId={personId}
              programNames={new Map(data.programs.map((p) => [p.id, p.name]))}
              onAnswered={answered}
              onFailed={failed}
            />
          </Suspense>
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
      <Stack gap="md">
        <AnswerNotice notice={notice} onClose={() => setNotice(null)} />
        {content}
        {children}
      </Stack>
    </section>
  );
}
