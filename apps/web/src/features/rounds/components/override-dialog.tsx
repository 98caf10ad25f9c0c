import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { RoundOverrideReason } from '../../../gql/graphql';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { ReasonSelect } from './reason-select';

/**
 * Asks for the reason of one override (lock, remove, add, swap) and runs it; a refusal shows on the reason when the
 * API names it, else above the dialog in the API's words (a clash names the pair or the mentor's full places).
 */
export function OverrideDialog(props: {
  title: string;
  summary: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: (reason: RoundOverrideReason) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<RoundOverrideReason | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  // Mounted open, the modal never sees what had focus before it (Mantine notes that only when `opened` changes), so
  // closing it would leave a keyboard user at the top of the page instead of on the row's button that opened it.
  const [opener] = useState(() => document.activeElement);
  useEffect(
    () => () => {
      if (opener instanceof HTMLElement) window.setTimeout(() => opener.isConnected && opener.focus(), 0);
    },
    [opener],
  );
  const submit = async () => {
    setFailure(null);
    if (!reason) {
      setFailure({ kind: 'badUserInput', field: 'reason', detail: t('rounds.override.reasonRequired') });
      return;
    }
    setBusy(true);
    try {
      await props.onConfirm(reason);
      props.onClose();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const refusal = placeRefusal(failure, { reason: ['reason'] });
  return (
    <Modal opened onClose={props.onClose} title={props.title} centered>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        <Text size="sm">{props.summary}</Text>
        <ReasonSelect value={reason} onChange={setReason} error={refusal.errorOn('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('rounds.cancel')}
          </Button>
          <Button color={props.danger ? 'red' : undefined} loading={busy} onClick={() => void submit()}>
            {props.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
