import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { ProgramStatus } from '../../../gql/graphql';
import { newCommandId } from '../../../lib/command-id';
import { ARCHIVE_PROGRAM, CLOSE_ENROLLMENT, OPEN_ENROLLMENT } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import { StatusBadge } from './status-badge';

/** Enrollment open or closed, and archiving, which cannot be undone and so is confirmed first. */
export function ProgramLifecycle(props: { programId: string; name: string; status: ProgramStatus }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [open, opening] = useMutation(OPEN_ENROLLMENT);
  const [close, closing] = useMutation(CLOSE_ENROLLMENT);
  const [archive, archiving] = useMutation(ARCHIVE_PROGRAM);
  // Each click is one change of its own, so each gets a new id.
  const variables = () => ({ programId: props.programId, commandId: newCommandId() });
  const { failure, run } = useConsoleAction();
  const archived = props.status === 'ARCHIVED';
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.lifecycle.heading')}</Title>
        <Group>
          <Text>{t('console.lifecycle.status')}</Text>
          <StatusBadge status={props.status} />
        </Group>
        <FailureAlert failure={failure} />
        {!archived && (
          <Group>
            {props.status === 'ENROLLMENT_OPEN' ? (
              <Button
                variant="default"
                loading={closing.loading}
                onClick={() => void run(() => close({ variables: variables() }))}
              >
                {t('console.lifecycle.close')}
              </Button>
            ) : (
              <Button loading={opening.loading} onClick={() => void run(() => open({ variables: variables() }))}>
                {t('console.lifecycle.open')}
              </Button>
            )}
            <Button color="red.8" variant="outline" onClick={() => setConfirming(true)}>
              {t('console.lifecycle.archive')}
            </Button>
          </Group>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('console.lifecycle.confirmTitle')}
        closeButtonProps={{ 'aria-label': t('console.cancel') }}
      >
        <Stack>
          <Text>{t('console.lifecycle.confirmBody', { name: props.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('console.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={archiving.loading}
              onClick={() => void run(() => archive({ variables: variables() })).then(() => setConfirming(false))}
            >
              {t('console.lifecycle.confirmArchive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
