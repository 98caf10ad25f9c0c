import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { formatNumber } from '../../../lib/format';
import { PUBLISH_ROUND } from '../api/round-mutations';

const DEFAULT_DAYS = 7;

/** Publishing sends every pair's proposal to both sides at once and cannot be undone, so it asks first. */
export function PublishDialog(props: { roundId: string; pairs: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [days, setDays] = useState<number | string>(DEFAULT_DAYS);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [publish, publishing] = useMutation(PUBLISH_ROUND);
  const submit = async () => {
    setFailure(null);
    try {
      await publish({
        variables: { roundId: props.roundId, respondWithinDays: Number(days), commandId: newCommandId() },
      });
      props.onClose();
    } catch (error) {
      setFailure(describeError(error));
    }
  };
  const refusal = placeRefusal(failure, { days: ['respondWithinDays'] });
  // The API names no field when it refuses the window, but a window is the only input here: its refusal belongs on it.
  const daysError =
    refusal.errorOn('days') ?? (failure?.kind === 'badUserInput' && !failure.field ? failure.detail : undefined);
  const unplaced = daysError ? null : refusal.unplaced;
  return (
    <Modal opened onClose={props.onClose} title={t('rounds.publish.title')} centered>
      <Stack>
        <FailureAlert failure={unplaced} />
        <Text size="sm">
          {t('rounds.publish.summary', { count: props.pairs, n: formatNumber(props.pairs, i18n.language) })}
        </Text>
        <NumberInput
          label={t('rounds.publish.days')}
          description={t('rounds.publish.daysHint')}
          min={1}
          max={60}
          allowDecimal={false}
          // Out-of-range days reach the API, whose refusal shows on this field, rather than being changed silently.
          clampBehavior="none"
          value={days}
          onChange={setDays}
          error={daysError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('rounds.cancel')}
          </Button>
          <Button loading={publishing.loading} onClick={() => void submit()}>
            {t('rounds.publish.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
