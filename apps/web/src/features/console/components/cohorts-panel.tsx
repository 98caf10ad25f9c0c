import { useMutation } from '@apollo/client/react';
import { Button, Card, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import { newCommandId } from '../../../lib/command-id';
import { placeRefusal, type RefusalFields } from '../../../lib/field-refusals';
import { formatCalendarDate } from '../../../lib/format';
import { ADD_COHORT } from '../api/console-mutations';
import { useConsoleAction } from '../hooks/use-console-action';

type Field = 'name' | 'startsOn' | 'endsOn';
const FIELDS: RefusalFields<Field> = {
  name: ['name', 'cohortName', 'cohort.name'],
  startsOn: ['startsOn', 'cohort.startsOn'],
  endsOn: ['endsOn', 'cohort.endsOn'],
};

export interface CohortRow {
  cohortId: string;
  name: string;
  startsOn: string;
  endsOn: string;
}

/** The program's cohorts with their date windows, and a form for one more. */
export function CohortsPanel(props: { programId: string; cohorts: readonly CohortRow[] }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState({ name: '', startsOn: '', endsOn: '' });
  const [add, adding] = useMutation(ADD_COHORT);
  const { failure, run } = useConsoleAction();
  const refusal = placeRefusal(failure, FIELDS);
  const save = async () => {
    if (await run(() => add({ variables: { programId: props.programId, ...draft, commandId: newCommandId() } })))
      setDraft({ name: '', startsOn: '', endsOn: '' });
  };
  return (
    <Card withBorder>
      <Stack>
        <Title order={2}>{t('console.cohorts.heading')}</Title>
        {props.cohorts.length === 0 ? (
          <Text>{t('console.cohorts.none')}</Text>
        ) : (
          <Table withTableBorder captionSide="top">
            <Table.Caption>{t('console.cohorts.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('console.cohorts.name')}</Table.Th>
                <Table.Th scope="col">{t('console.cohorts.startsOn')}</Table.Th>
                <Table.Th scope="col">{t('console.cohorts.endsOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {props.cohorts.map((c) => (
                <Table.Tr key={c.cohortId}>
                  <Table.Th scope="row" fw="normal">
                    {c.name}
                  </Table.Th>
                  <Table.Td>{formatCalendarDate(c.startsOn, i18n.language)}</Table.Td>
                  <Table.Td>{formatCalendarDate(c.endsOn, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form onSubmit={(e) => (e.preventDefault(), void save())} noValidate>
          <Stack gap="sm">
            <Title order={3}>{t('console.cohorts.add')}</Title>
            <FailureAlert failure={refusal.unplaced} />
            <Group grow align="flex-start">
              <TextInput
                label={t('console.cohorts.name')}
                required
                value={draft.name}
                error={refusal.errorOn('name')}
                onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('console.cohorts.startsOn')}
                required
                value={draft.startsOn}
                error={refusal.errorOn('startsOn')}
                onChange={(e) => setDraft({ ...draft, startsOn: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label={t('console.cohorts.endsOn')}
                required
                value={draft.endsOn}
                error={refusal.errorOn('endsOn')}
                onChange={(e) => setDraft({ ...draft, endsOn: e.currentTarget.value })}
              />
            </Group>
            <Group justify="flex-end">
              <Button type="submit" loading={adding.loading}>
                {t('console.cohorts.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
