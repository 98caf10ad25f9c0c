import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FailureAlert } from '../../../components/failure-alert';
import type { RatherNotMentees } from '../hooks/use-rather-not-mentees';

/**
 * The mentees a mentor asked not to be proposed, each with a way back. Only the mentor sees this list; the mentees
 * are never told.
 */
export function RatherNotList({ list }: { list: RatherNotMentees }) {
  const { t } = useTranslation();
  const mentees = list.mentees ?? [];
  return (
    <Stack gap="xs">
      <Text size="sm" c="dark.6">
        {t('program.ratherNotHint')}
      </Text>
      <FailureAlert failure={list.failure} />
      {mentees.length === 0 ? (
        <Text c="dimmed">{t('program.ratherNotNone')}</Text>
      ) : (
        <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {mentees.map((m) => {
            const name = m.name ?? t('people.unavailable');
            return (
              <Group component="li" key={m.personId} justify="space-between" wrap="nowrap" maw={560}>
                <Text>{name}</Text>
                <Button
                  variant="default"
                  size="xs"
                  loading={list.pending}
                  onClick={() => void list.remove(m.personId)}
                  aria-label={t('program.ratherNotAllowNamed', { name })}
                >
                  {t('program.ratherNotAllow')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
