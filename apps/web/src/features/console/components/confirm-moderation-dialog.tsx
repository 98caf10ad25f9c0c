import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { DescribedError } from '../../../lib/graphql-errors';
import type { ModerationChoice } from '../lib/moderation-actions';

/** Every moderation action is recorded for good and most reach the members, so each one asks first. */
export function ConfirmModerationDialog(props: {
  choice: ModerationChoice;
  authorName: string;
  busy: boolean;
  failure: DescribedError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const key = `console.reports.confirm.${props.choice}` as const;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title={t(`${key}.title`, { name: props.authorName })}
      closeButtonProps={{ 'aria-label': t('console.cancel') }}
      centered
    >
      <Stack>
        <FailureAlert failure={props.failure} />
        <Text size="sm">{t(`${key}.body`, { name: props.authorName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('console.cancel')}
          </Button>
          <Button
            loading={props.busy}
            onClick={props.onConfirm}
            color={props.choice === 'dismiss' ? undefined : 'red.9'}
          >
            {t(`${key}.confirm`, { name: props.authorName })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
