import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal } from '../../../lib/field-refusals';
import { CHANGE_PROGRAM_SETTINGS } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import {
  type ProgramSettingsValues,
  SETTINGS_REFUSAL_NAMES,
  settingsDraftOf,
  toSettingsInput,
} from '../lib/settings-draft';
import { SettingsFields } from './settings-fields';

export function ProgramSettingsForm(props: { programId: string; settings: ProgramSettingsValues }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => settingsDraftOf(props.settings));
  const [saved, setSaved] = useState(false);
  const [change, changing] = useMutation(CHANGE_PROGRAM_SETTINGS);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, SETTINGS_REFUSAL_NAMES);
  const save = async () => {
    setSaved(false);
    setSaved(
      await run(() =>
        change({
          variables: { programId: props.programId, settings: toSettingsInput(draft), commandId: newCommandId() },
        }),
      ),
    );
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <Title order={2}>{t('console.settings.heading')}</Title>
        <FailureAlert failure={refusal.unplaced} />
        <SettingsFields draft={draft} onChange={setDraft} errorOn={refusal.errorOn} optional={false} />
        <Group justify="flex-end">
          {saved && (
            <Text role="status" size="sm">
              {t('console.saved')}
            </Text>
          )}
          <Button type="submit" loading={changing.loading}>
            {t('console.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
