import { useQuery } from '@apollo/client/react';
import { Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_PEOPLE } from '../api/organization-queries';
import { shortId } from './person-label';

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Org admins pick the new manager by name among the organization's people (those with a participant profile); the
 * names are searched on the server, where they are opened.
 */
export function ManagerPicker(props: {
  managerPersonIds: readonly string[];
  busy: boolean;
  onPick: (personId: string) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const { data, loading } = useQuery(ORGANIZATION_PEOPLE, {
    variables: { search: settled },
    skip: settled.length < 2,
  });
  const people = settled.length < 2 ? [] : (data?.organizationPeople ?? []);
  return (
    <Stack gap="xs">
      <TextInput
        type="search"
        label={t('console.managers.search')}
        description={t('console.managers.searchHint')}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
      />
      {settled.length >= 2 && !loading && people.length === 0 && (
        <Text size="sm">{t('console.managers.nobodyFound')}</Text>
      )}
      {people.length > 0 && (
        <List spacing="xs" listStyleType="none" aria-label={t('console.managers.found')}>
          {people.map((person) => {
            const name = person.displayName ?? shortId(person.personId);
            const already = props.managerPersonIds.includes(person.personId);
            return (
              <List.Item key={person.personId}>
                <Group gap="sm">
                  <Text size="sm">{name}</Text>
                  <Text component="abbr" size="xs" ff="monospace" c="dimmed" title={person.personId}>
                    {shortId(person.personId)}
                  </Text>
                  <Button
                    size="xs"
                    variant="default"
                    disabled={already || props.busy}
                    aria-label={
                      already
                        ? t('console.managers.alreadyManagerPerson', { name })
                        : t('console.managers.assignPerson', { name })
                    }
                    onClick={() => props.onPick(person.personId)}
                  >
                    {already ? t('console.managers.alreadyManager') : t('console.managers.assignShort')}
                  </Button>
                </Group>
              </List.Item>
            );
          })}
        </List>
      )}
    </Stack>
  );
}
