import { useMutation } from '@apollo/client/react';
import { Button, Group, Select, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { CancellationReason } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { CANCEL_SESSION } from '../api/session-mutations';
import { useAction } from '../hooks/use-action';

const REASONS: CancellationReason[] = [
  'SCHEDULE_CONFLICT',
  'ILLNESS',
  'EMERGENCY',
  'HOST_UNAVAILABLE',
  'NO_LONGER_NEEDED',
  'OTHER',
];

/** Calling a session off, with the reason the other side is told. */
export function CancelSessionForm(props: { sessionId: string; viewerTimeZone: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<CancellationReason | null>(null);
  const [cancel, { loading }] = useMutation(CANCEL_SESSION);
  const { failure, run } = useAction();
  return (
    <Stack>
      <FailureAlert failure={failure} />
      <Select
        label={t('sessions.cancelReason')}
        required
        data={REASONS.map((value) => ({ value, label: t(`sessions.cancelReasons.${value}`) }))}
        value={reason}
        onChange={(value) => setReason(value)}
        allowDeselect={false}
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onDone}>
          {t('workspace.cancel')}
        </Button>
        <Button
          color="red"
          disabled={!reason}
          loading={loading}
          onClick={() =>
            reason &&
            void run(() =>
              cancel({
                variables: {
                  id: props.sessionId,
                  reason,
                  viewerTimeZone: props.viewerTimeZone,
                  commandId: newCommandId(),
                },
              }),
            ).then((done) => done && props.onDone())
          }
        >
          {t('sessions.confirmCancel')}
        </Button>
      </Group>
    </Stack>
  );
}
