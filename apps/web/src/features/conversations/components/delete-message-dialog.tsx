import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { DescribedError } from '../../../lib/graphql-errors';

/** Asks before a message is deleted: every member then reads "message deleted" in its place, for good. */
export function DeleteMessageDialog(props: {
  opened: boolean;
  /** A circle's conversation: "everyone in the circle" rather than "both of you". */
  circle: boolean;
  deleting: boolean;
  failure: DescribedError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('conversation.delete.title')}
      closeButtonProps={{ 'aria-label': t('conversation.cancel') }}
      centered
    >
      <Stack>
        <Text>{t(props.circle ? 'conversation.delete.bodyCircle' : 'conversation.delete.body')}</Text>
        <FailureAlert failure={props.failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('conversation.cancel')}
          </Button>
          <Button color="red" loading={props.deleting} onClick={props.onConfirm}>
            {t('conversation.delete.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
