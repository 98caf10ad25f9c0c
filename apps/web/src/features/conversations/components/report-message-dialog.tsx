import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { MessageReportReason } from '../../../gql/graphql';
import type { DescribedError } from '../../../lib/graphql-errors';

/** The reasons the API accepts, in the order the dialog offers them. */
export const REPORT_REASONS: readonly MessageReportReason[] = [
  'HARASSMENT',
  'HATE',
  'SELF_HARM',
  'SPAM',
  'INAPPROPRIATE',
  'OTHER',
];

/** Reports the other person's message to the program's managers, with a reason; the author is not told. */
export function ReportMessageDialog(props: {
  opened: boolean;
  reporting: boolean;
  failure: DescribedError | null;
  onConfirm: (reason: MessageReportReason) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<MessageReportReason | null>(null);
  const [missing, setMissing] = useState(false);
  const close = () => {
    setReason(null);
    setMissing(false);
    props.onClose();
  };
  const confirm = () => {
    if (!reason) {
      setMissing(true);
      return;
    }
    props.onConfirm(reason);
  };
  return (
    <Modal
      opened={props.opened}
      onClose={close}
      title={t('conversation.report.title')}
      closeButtonProps={{ 'aria-label': t('conversation.cancel') }}
      centered
    >
      <Stack>
        <Text size="sm">{t('conversation.report.body')}</Text>
        <Radio.Group
          label={t('conversation.report.reason')}
          required
          value={reason}
          error={missing ? t('conversation.report.reasonRequired') : undefined}
          onChange={(value) => {
            setReason(value as MessageReportReason);
            setMissing(false);
          }}
        >
          <Stack gap="xs" mt="xs">
            {REPORT_REASONS.map((r) => (
              <Radio key={r} value={r} label={t(`conversation.report.reasons.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <FailureAlert failure={props.failure} />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('conversation.cancel')}
          </Button>
          <Button color="red" loading={props.reporting} onClick={confirm}>
            {t('conversation.report.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
