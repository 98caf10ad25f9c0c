import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeclineReason } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { DECLINE_REASONS } from '../../../lib/decline-reasons';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { DECLINE_PROPOSAL } from '../api/decline-proposal-mutation';

const COMMENT_LIMIT = 1000;
const DECLINE_FIELDS: RefusalFields<'reason' | 'comment'> = { reason: ['reason'], comment: ['comment'] };

/** Declining a proposal needs a reason (the program learns from them); a comment is optional and stays private. */
export function DeclineProposalDialog(props: {
  proposal: { id: string; name: string } | null;
  onClose: () => void;
  onDeclined: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DeclineReason | null>(null);
  const [comment, setComment] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [decline, { loading }] = useMutation(DECLINE_PROPOSAL);
  const reset = () => {
    setReason(null);
    setComment('');
    setMissingReason(false);
    setFailure(null);
  };
  const close = () => {
    reset();
    props.onClose();
  };
  const send = async () => {
    if (!props.proposal) return;
    if (!reason) {
      setMissingReason(true);
      return;
    }
    setFailure(null);
    try {
      await decline({
        variables: {
          proposalId: props.proposal.id,
          reason,
          comment: comment.trim() || null,
          commandId: newCommandId(),
        },
      });
      reset();
      props.onDeclined();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, DECLINE_FIELDS);
  const reasonError = refusal.errorOn('reason') ?? (missingReason ? t('proposals.reasonRequired') : undefined);
  const commentError = refusal.errorOn('comment');
  return (
    <Modal
      opened={props.proposal !== null}
      onClose={close}
      title={props.proposal ? t('proposals.declineTitle', { name: props.proposal.name }) : ''}
      centered
    >
      <Stack>
        {refusal.unplaced && (
          <Alert color="red" role="alert" title={t(`errors.${refusal.unplaced.kind}`)}>
            {refusal.unplaced.detail}
          </Alert>
        )}
        <Select
          label={t('requests.declineReason')}
          required
          data={DECLINE_REASONS.map((value) => ({ value, label: t(`requests.declineReasons.${value}`) }))}
          value={reason}
          onChange={(value) => {
            setReason(value);
            setMissingReason(false);
          }}
          allowDeselect={false}
          error={reasonError}
          data-autofocus
        />
        <Textarea
          label={t('proposals.comment')}
          description={t('proposals.commentHint')}
          autosize
          minRows={3}
          maxLength={COMMENT_LIMIT}
          value={comment}
          error={commentError}
          onChange={(event) => setComment(event.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('request.cancel')}
          </Button>
          <Button color="red" loading={loading} onClick={() => void send()}>
            {t('proposals.confirmDecline')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
