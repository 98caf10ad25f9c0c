import { useQuery } from '@apollo/client/react';
import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../../../components/loading-state';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { useLiveRefresh } from '../../../hooks/use-live-refresh';
import { PROPOSAL_PAGE } from '../api/proposal-page-query';
import type { DescribedError } from '../../../lib/graphql-errors';
import { AnswerNotice, type AnswerNoticeState } from '../components/answer-notice';
import { DeclineProposalDialog } from '../components/decline-proposal-dialog';
import { type ProposalAnswer, ProposalCard } from '../components/proposal-card';

const listStyle = { listStyle: 'none', padding: 0, margin: 0 };

/** One proposal, where an email's link leads: answered here as on the home page. */
export function ProposalPage({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation();
  const { data, error, refetch } = useQuery(PROPOSAL_PAGE, { fetchPolicy: 'cache-and-network' });
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
  if (error) content = <QueryError error={error} onRetry={reload} />;
  else if (!data) content = <LoadingState label={t('proposals.loading')} />;
  else {
    const proposal = data.myProposals.find((p) => p.id === proposalId);
    const programNames = new Map(data.programs.map((p) => [p.id, p.name]));
    content = proposal ? (
      <ul style={listStyle}>
        <ProposalCard
          proposal={proposal}
          viewerPersonId={data.me.personId}
          programName={programNames.get(proposal.programId)}
          onAnswered={answered}
          onDecline={setDeclining}
          onFailed={failed}
        />
      </ul>
    ) : (
      <Text>{t('proposals.notFound')}</Text>
    );
  }
  return (
    <>
      <PageHeading>{t('proposals.heading')}</PageHeading>
      <Stack gap="md" maw={720}>
        <AnswerNotice notice={notice} onClose={() => setNotice(null)} />
        {content}
        <Anchor renderRoot={(rootProps) => <Link {...rootProps} to="/" />}>{t('proposals.backHome')}</Anchor>
      </Stack>
      <DeclineProposalDialog
        proposal={declining}
        onClose={() => setDeclining(null)}
        onDeclined={() => {
          if (declining) answered('declined', declining.name);
          setDeclining(null);
        }}
      />
    </>
  );
}
