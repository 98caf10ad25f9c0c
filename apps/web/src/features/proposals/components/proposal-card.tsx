import { useMutation } from '@apollo/client/react';
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FragmentType, getFragmentData, graphql } from '../../../gql';
import { newCommandId } from '../../../lib/command-id';
import { formatDateTime } from '../../../lib/format';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { PersonSummary, PersonSummaryParticipant } from '../../../components/person-summary';
import { ACCEPT_PROPOSAL } from '../api/accept-proposal-mutation';
import { NotFirstChoiceNote } from '../../rounds/components/not-first-choice-note';
import { awaitsAnswerFrom, sideOf } from '../lib/needs-you';

export const ProposalCardProposal = graphql(`
  fragment ProposalCard_proposal on Proposal {
    id
    status
    programId
    respondBy
    mentorPersonId
    mentorAccepted
    menteeAccepted
    notFirstChoice {
      ...NotFirstChoiceNote_reason
    }
    mentor {
      ...PersonSummary_participant
    }
    mentee {
      ...PersonSummary_participant
    }
  }
`);

export type ProposalAnswer = 'accepted' | 'started' | 'declined';

/**
 * A published round's proposal as one side sees it: who the other person is, in which program, by when to answer,
 * and accepting or declining while it waits for this person.
 */
export function ProposalCard(props: {
  proposal: FragmentType<typeof ProposalCardProposal>;
  viewerPersonId: string;
  programName: string | undefined;
  onAnswered: (answer: ProposalAnswer, name: string) => void;
  onDecline: (proposal: { id: string; name: string }) => void;
  /** Refusals are told by the list: a lapsed proposal leaves it on the next reload, its card with it. */
  onFailed: (error: DescribedError) => void;
}) {
  const { t, i18n } = useTranslation();
  const proposal = getFragmentData(ProposalCardProposal, props.proposal);
  const [accept, { loading }] = useMutation(ACCEPT_PROPOSAL);
  const side = sideOf(proposal, props.viewerPersonId);
  const other = side === 'mentee' ? proposal.mentor : proposal.mentee;
  const otherName = getFragmentData(PersonSummaryParticipant, other)?.displayName ?? t('people.unavailable');
  const waitsForMe = awaitsAnswerFrom(proposal, props.viewerPersonId);
  const program = props.programName ?? t('proposals.aProgram');
  const acceptNow = () => {
    accept({ variables: { proposalId: proposal.id, commandId: newCommandId() } }).then(
      (result) => props.onAnswered(result.data?.acceptProposal.mentorshipId ? 'started' : 'accepted', otherName),
      (error: unknown) => props.onFailed(describeError(error)),
    );
  };
  let state: string | null = null;
  if (proposal.status !== 'PROPOSED') state = t(`proposals.status.${proposal.status}`);
  else if (!waitsForMe) state = t('proposals.waitingForOther');
  return (
    <Card component="li" withBorder padding="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <PersonSummary participant={other} />
          {state && <Badge variant="outline">{state}</Badge>}
        </Group>
        <Text size="sm">
          {side === 'mentee' ? t('proposals.asYourMentor', { program }) : t('proposals.asYourMentee', { program })}
        </Text>
        {side === 'mentee' && proposal.notFirstChoice && (
          <NotFirstChoiceNote reason={proposal.notFirstChoice} reader="mentee" />
        )}
        {proposal.status === 'PROPOSED' && (
          <Text size="sm">{t('proposals.respondBy', { date: formatDateTime(proposal.respondBy, i18n.language) })}</Text>
        )}
        {waitsForMe && (
          <Group>
            <Button loading={loading} onClick={acceptNow} aria-label={t('proposals.acceptNamed', { name: otherName })}>
              {t('requests.accept')}
            </Button>
            <Button
              variant="default"
              onClick={() => props.onDecline({ id: proposal.id, name: otherName })}
              aria-label={t('proposals.declineNamed', { name: otherName })}
            >
              {t('requests.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
