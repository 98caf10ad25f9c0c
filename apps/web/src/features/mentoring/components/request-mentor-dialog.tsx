import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { REQUEST_MENTOR } from '../api/request-mutations';

const MESSAGE_LIMIT = 1000;
const REQUEST_FIELDS: RefusalFields<'message'> = { message: ['message'] };

export interface RequestMentorDialogProps {
  programId: string;
  mentor: { personId: string; name: string } | null;
  onClose: () => void;
  onSent: () => void;
}

/** Asking a mentor, with a message of one's own; refusals (limits, a request already open) shown in the dialog. */
export function RequestMentorDialog({ programId, mentor, onClose, onSent }: RequestMentorDialogProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [requestMentor, { loading }] = useMutation(REQUEST_MENTOR);
  const close = () => {
    setMessage('');
    setFailure(null);
    onClose();
  };
  const send = async () => {
    if (!mentor) return;
    setFailure(null);
    try {
      await requestMentor({
        variables: {
          programId,
          mentorPersonId: mentor.personId,
          message: message.trim() || null,
          commandId: newCommandId(),
        },
      });
      setMessage('');
      onSent();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, REQUEST_FIELDS);
  return (
    <Modal
      opened={mentor !== null}
      onClose={close}
      title={mentor ? t('request.title', { name: mentor.name }) : ''}
      closeButtonProps={{ 'aria-label': t('request.close') }}
      centered
    >
      <Stack>
        {refusal.unplaced && (
          <Alert color="red" role="alert" title={t(`errors.${refusal.unplaced.kind}`)}>
            {refusal.unplaced.detail}
          </Alert>
        )}
        <Textarea
          label={t('request.message')}
          description={t('request.messageHint')}
          autosize
          minRows={4}
          maxLength={MESSAGE_LIMIT}
          value={message}
          error={refusal.errorOn('message')}
          onChange={(event) => setMessage(event.currentTarget.value)}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('request.cancel')}
          </Button>
          <Button loading={loading} onClick={() => void send()}>
            {t('request.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
