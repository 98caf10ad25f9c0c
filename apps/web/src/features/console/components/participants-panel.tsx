import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { NO_FILTER, type ParticipantFilterState, toParticipantFilter } from '../lib/participant-filter';
import { type ConsoleParticipant, ParticipantDrawer } from './participant-drawer';
import { type LoadedPage, ParticipantsPageRows } from './participants-page-rows';

const NAME_SEARCH_DEBOUNCE_MS = 300;

/**
 * The program's participants, page by page: filters and the name search narrow on the server, "load more" fetches the
 * next page by its cursor, and a name opens the person's details.
 */
export function ParticipantsPanel(props: {
  programId: string;
  cohorts: ReadonlyArray<{ cohortId: string; name: string }>;
}) {
  const { t, i18n } = useTranslation();
  const [filterState, setFilterState] = useState<ParticipantFilterState>(NO_FILTER);
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [loaded, setLoaded] = useState<ReadonlyMap<number, LoadedPage | 'failed'>>(new Map());
  const [open, setOpen] = useState<ConsoleParticipant | null>(null);
  const filter = useMemo(() => toParticipantFilter(filterState), [filterState]);
  const cohortNames = useMemo(() => new Map(props.cohorts.map((c) => [c.cohortId, c.name])), [props.cohorts]);
  const onLoaded = useCallback((index: number, page: LoadedPage | 'failed') => {
    setLoaded((previous) => {
      const before = previous.get(index);
      if (JSON.stringify(before) === JSON.stringify(page)) return previous;
      return new Map(previous).set(index, page);
    });
  }, []);
  const setFilter = <K extends keyof ParticipantFilterState>(key: K, value: ParticipantFilterState[K]) => {
    setFilterState((s) => ({ ...s, [key]: value }));
    setCursors([null]);
    setLoaded(new Map());
  };
  // The field shows every keystroke; the server is asked once typing pauses.
  const [nameInput, setNameInput] = useState('');
  const searchName = useDebouncedCallback((value: string) => setFilter('name', value), NAME_SEARCH_DEBOUNCE_MS);
  const last = loaded.get(cursors.length - 1);
  const first = loaded.get(0);
  const failed = [...loaded.values()].includes('failed');
  return (
    <Stack>
      <TextInput
        type="search"
        label={t('console.participants.search')}
        value={nameInput}
        onChange={(e) => {
          setNameInput(e.currentTarget.value);
          searchName(e.currentTarget.value);
        }}
        maw={480}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('console.participants.role')}
          value={filterState.role}
          data={[
            { value: '', label: t('console.participants.any') },
            { value: 'MENTEE', label: t('console.role.MENTEE') },
            { value: 'MENTOR', label: t('console.role.MENTOR') },
          ]}
          onChange={(e) => setFilter('role', e.currentTarget.value as ParticipantFilterState['role'])}
        />
        <NativeSelect
          label={t('console.participants.status')}
          value={filterState.status}
          data={[
            { value: '', label: t('console.participants.any') },
            ...(['ACTIVE', 'PAUSED', 'WITHDRAWN'] as const).map((s) => ({
              value: s,
              label: t(`console.participantStatus.${s}`),
            })),
          ]}
          onChange={(e) => setFilter('status', e.currentTarget.value as ParticipantFilterState['status'])}
        />
        <NativeSelect
          label={t('console.participants.cohort')}
          value={filterState.cohortId}
          data={[
            { value: '', label: t('console.participants.any') },
            ...props.cohorts.map((c) => ({ value: c.cohortId, label: c.name })),
          ]}
          onChange={(e) => setFilter('cohortId', e.currentTarget.value)}
        />
        <TextInput
          label={t('console.participants.department')}
          value={filterState.department}
          onChange={(e) => setFilter('department', e.currentTarget.value)}
        />
        <TextInput
          label={t('console.participants.language')}
          description={t('console.participants.languageHint')}
          value={filterState.language}
          onChange={(e) => setFilter('language', e.currentTarget.value)}
        />
        <TextInput
          label={t('console.participants.skill')}
          value={filterState.skill}
          onChange={(e) => setFilter('skill', e.currentTarget.value)}
        />
      </SimpleGrid>
      {failed && (
        <Alert color="red" variant="outline" role="alert">
          {t('console.participants.failed')}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped withTableBorder captionSide="top">
          <Table.Caption>
            {first && first !== 'failed'
              ? t('console.participants.caption', {
                  count: first.totalCount,
                  total: formatNumber(first.totalCount, i18n.language),
                })
              : t('console.participants.loading')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('console.participants.name')}</Table.Th>
              <Table.Th scope="col">{t('console.participants.roles')}</Table.Th>
              <Table.Th scope="col">{t('console.participants.status')}</Table.Th>
              <Table.Th scope="col">{t('console.participants.cohort')}</Table.Th>
              <Table.Th scope="col">{t('console.participants.department')}</Table.Th>
              <Table.Th scope="col">{t('console.participants.email')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cursors.map((after, index) => (
              <ParticipantsPageRows
                key={`${JSON.stringify(filter)}:${after ?? ''}`}
                index={index}
                programId={props.programId}
                filter={filter}
                after={after}
                cohortNames={cohortNames}
                onOpen={setOpen}
                onLoaded={onLoaded}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {first && first !== 'failed' && first.totalCount === 0 && <Text>{t('console.participants.none')}</Text>}
      {last && last !== 'failed' && last.hasNextPage && last.endCursor && (
        <Group>
          <Button variant="default" onClick={() => setCursors((c) => [...c, last.endCursor])}>
            {t('console.participants.loadMore')}
          </Button>
        </Group>
      )}
      <ParticipantDrawer participant={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
