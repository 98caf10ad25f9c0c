import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { DescribedError } from '../../../lib/graphql-errors';
import { formatNumber } from '../../../lib/format';

/** Publishing places every proposed mentee in their circle, where they and the lead see it: it asks first. */
export function PublishCircleFillDialog(props: {
  placements: number;
  circles: number;
  publishing: boolean;
  failure: DescribedError | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Modal opened onClose={props.onClose} title={t('console.circles.publish.title')} centered>
      <Stack>
        <FailureAlert failure={props.failure} />
        <Text size="sm">
          {t('console.circles.publish.summary', {
            count: props.placements,
            n: formatNumber(props.placements, i18n.language),
            circles: formatNumber(props.circles, i18n.language),
          })}
        </Text>
        <Text size="sm">{t('console.circles.publish.skipNote')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('console.cancel')}
          </Button>
          <Button loading={props.publishing} onClick={props.onConfirm}>
            {t('console.circles.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
