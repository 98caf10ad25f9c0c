import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { EDIT_PROGRAM_DETAILS } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';

type Field = 'name' | 'description';
const FIELDS: RefusalFields<Field> = {
  name: ['name', 'details.name', 'programName'],
  description: ['description', 'details.description', 'programDescription'],
};

export function ProgramDetailsForm(props: { programId: string; name: string; description: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState(props.name);
  const [description, setDescription] = useState(props.description);
  const [saved, setSaved] = useState(false);
  const [edit, editing] = useMutation(EDIT_PROGRAM_DETAILS);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const save = async () => {
    setSaved(false);
    setSaved(
      await run(() =>
        edit({ variables: { programId: props.programId, name, description, commandId: newCommandId() } }),
      ),
    );
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <Title order={2}>{t('console.details.heading')}</Title>
        <FailureAlert failure={refusal.unplaced} />
        <TextInput
          label={t('console.details.name')}
          required
          value={name}
          error={refusal.errorOn('name')}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Textarea
          label={t('console.details.description')}
          autosize
          minRows={2}
          value={description}
          error={refusal.errorOn('description')}
          onChange={(e) => setDescription(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          {saved && (
            <Text role="status" size="sm">
              {t('console.saved')}
            </Text>
          )}
          <Button type="submit" loading={editing.loading}>
            {t('console.details.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
