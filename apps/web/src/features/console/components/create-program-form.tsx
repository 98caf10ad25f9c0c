import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { CREATE_PROGRAM } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';
import {
  EMPTY_SETTINGS,
  SETTINGS_REFUSAL_NAMES,
  type SettingsDraft,
  type SettingsField,
  toSettingsInput,
} from '../lib/settings-draft';
import { SettingsFields } from './settings-fields';

type Field = 'name' | 'description' | SettingsField;

const FIELDS: RefusalFields<Field> = {
  name: ['name', 'programName'],
  description: ['description', 'programDescription'],
  ...SETTINGS_REFUSAL_NAMES,
};

/** A new program (org admins only): name, description and whichever settings should differ from the defaults. */
export function CreateProgramForm(props: { onCreated: (programId: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [settings, setSettings] = useState<SettingsDraft>(EMPTY_SETTINGS);
  const [create, creating] = useMutation(CREATE_PROGRAM, { refetchQueries: ['ConsoleAllPrograms', 'ConsoleAccess'] });
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const save = async () => {
    let createdId: string | undefined;
    const ok = await run(async () => {
      const result = await create({
        variables: {
          name,
          description: description || null,
          settings: toSettingsInput(settings),
          commandId: newCommandId(),
        },
      });
      createdId = result.data?.createProgram.id;
    });
    if (ok && createdId) props.onCreated(createdId);
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <Title order={2}>{t('console.create.heading')}</Title>
        <FailureAlert failure={refusal.unplaced} />
        <TextInput
          label={t('console.details.name')}
          required
          value={name}
          error={refusal.errorOn('name')}
          onChange={(e) => setName(e.currentTarget.value)}
          data-autofocus
        />
        <Textarea
          label={t('console.details.description')}
          autosize
          minRows={2}
          value={description}
          error={refusal.errorOn('description')}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Title order={3}>{t('console.settings.heading')}</Title>
        <SettingsFields draft={settings} onChange={setSettings} errorOn={refusal.errorOn} optional />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('console.cancel')}
          </Button>
          <Button type="submit" loading={creating.loading}>
            {t('console.create.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
