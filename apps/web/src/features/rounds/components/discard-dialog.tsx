import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { DISCARD_ROUND } from '../api/round-mutations';

/** Discarding drops the draft and every override made on it; nobody was told of it, so nobody is told now. */
export function DiscardDialog(props: { roundId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [discard, discarding] = useMutation(DISCARD_ROUND);
  const submit = async () => {
    setFailure(null);
    try {
      await discard({ variables: { roundId: props.roundId, commandId: newCommandId() } });
      props.onClose();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  return (
    <Modal opened onClose={props.onClose} title={t('rounds.discard.title')} centered>
      <Stack>
        <FailureAlert failure={failure} />
        <Text size="sm">{t('rounds.discard.summary')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('rounds.cancel')}
          </Button>
          <Button color="red.9" loading={discarding.loading} onClick={() => void submit()}>
            {t('rounds.discard.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
