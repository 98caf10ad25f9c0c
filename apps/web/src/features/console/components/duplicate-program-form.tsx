import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { DUPLICATE_PROGRAM } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';

type Field = 'source' | 'name';
const FIELDS: RefusalFields<Field> = { source: ['programId'], name: ['name', 'programName'] };

/** A new program with another's settings, questionnaire and matching rules (org admins only). */
export function DuplicateProgramForm(props: {
  programs: ReadonlyArray<{ id: string; name: string }>;
  onCreated: (programId: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [source, setSource] = useState(props.programs[0]?.id ?? '');
  const [name, setName] = useState('');
  const [duplicate, duplicating] = useMutation(DUPLICATE_PROGRAM, {
    refetchQueries: ['ConsoleAllPrograms', 'ConsoleAccess'],
  });
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const save = async () => {
    let createdId: string | undefined;
    const ok = await run(async () => {
      const result = await duplicate({ variables: { programId: source, name, commandId: newCommandId() } });
      createdId = result.data?.duplicateProgram.id;
    });
    if (ok && createdId) props.onCreated(createdId);
  };
  return (
    <Card withBorder component="form" onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
      <Stack>
        <Title order={2}>{t('console.duplicate.heading')}</Title>
        <FailureAlert failure={refusal.unplaced} />
        <NativeSelect
          label={t('console.duplicate.source')}
          required
          value={source}
          error={refusal.errorOn('source')}
          data={props.programs.map((p) => ({ value: p.id, label: p.name }))}
          onChange={(e) => setSource(e.currentTarget.value)}
        />
        <TextInput
          label={t('console.duplicate.name')}
          required
          value={name}
          error={refusal.errorOn('name')}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('console.cancel')}
          </Button>
          <Button type="submit" loading={duplicating.loading}>
            {t('console.duplicate.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
