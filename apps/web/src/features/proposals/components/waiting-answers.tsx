import { Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedsYouQuery } from '../../../gql/graphql';
import type { DescribedError } from '../../../lib/graphql-errors';
import { DeclineProposalDialog } from './decline-proposal-dialog';
import { type ProposalAnswer, ProposalCard } from './proposal-card';
import { WaitingRequest } from './waiting-request';

const listStyle = { listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 'var(--mantine-spacing-sm)' };

/**
 * Proposals and requests waiting for the person's answer, with the dialog to decline a proposal. The home page
 * fetches this (with the cards' avatars, the dialog's Modal and Select) only when something waits: most visits have
 * nothing, and the home is the first page (ADR 0009).
 */
export function WaitingAnswers(props: {
  proposals: NeedsYouQuery['myProposals'];
  requests: NeedsYouQuery['myMentorshipRequests'];
  viewerPersonId: string;
  programNames: ReadonlyMap<string, string>;
  onAnswered: (answer: ProposalAnswer, name: string) => void;
  onFailed: (error: DescribedError) => void;
}) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState<{ id: string; name: string } | null>(null);
  const { proposals, requests, programNames } = props;
  return (
    <>
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
                viewerPersonId={props.viewerPersonId}
                programName={programNames.get(p.programId)}
                onAnswered={props.onAnswered}
                onDecline={setDeclining}
                onFailed={props.onFailed}
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
      <DeclineProposalDialog
        proposal={declining}
        onClose={() => setDeclining(null)}
        onDeclined={() => {
          if (declining) props.onAnswered('declined', declining.name);
          setDeclining(null);
        }}
      />
    </>
  );
}
