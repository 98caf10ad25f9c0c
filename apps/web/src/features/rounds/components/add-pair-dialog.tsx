import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { RoundOverrideReason } from '../../../gql/graphql';
import { placeRefusal } from '../../../lib/field-refusals';
import { describeError, type DescribedError } from '../../../lib/graphql-errors';
import { ReasonSelect } from './reason-select';

/**
 * Pairs an unmatched mentee by hand with one of the round's mentors. A mentor whose places are all taken is refused
 * by the API (CONFLICT naming the places), shown above the form.
 */
export function AddPairDialog(props: {
  menteeName: string;
  mentors: ReadonlyArray<{ personId: string; name: string }>;
  onConfirm: (mentorPersonId: string, reason: RoundOverrideReason) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [mentor, setMentor] = useState<string | null>(null);
  const [reason, setReason] = useState<RoundOverrideReason | null>(null);
  const [failure, setFailure] = useState<DescribedError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setFailure(null);
    if (!mentor) {
      setFailure({ kind: 'badUserInput', field: 'mentorPersonId', detail: t('rounds.add.mentorRequired') });
      return;
    }
    if (!reason) {
      setFailure({ kind: 'badUserInput', field: 'reason', detail: t('rounds.override.reasonRequired') });
      return;
    }
    setBusy(true);
    try {
      await props.onConfirm(mentor, reason);
      props.onClose();
    } catch (error) {
      setFailure(describeError(error));
    } finally {
      setBusy(false);
    }
  };
  const refusal = placeRefusal(failure, { mentor: ['mentorPersonId'], reason: ['reason'] });
  return (
    <Modal opened onClose={props.onClose} title={t('rounds.add.title', { name: props.menteeName })} centered>
      <Stack>
        <FailureAlert failure={refusal.unplaced} />
        <Text size="sm">{t('rounds.add.summary')}</Text>
        <Select
          label={t('rounds.pairs.mentor')}
          required
          searchable
          data={props.mentors.map((m) => ({ value: m.personId, label: m.name }))}
          value={mentor}
          onChange={setMentor}
          error={refusal.errorOn('mentor')}
          comboboxProps={{ withinPortal: true }}
        />
        <ReasonSelect value={reason} onChange={setReason} error={refusal.errorOn('reason')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('rounds.cancel')}
          </Button>
          <Button loading={busy} onClick={() => void submit()}>
            {t('rounds.add.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
