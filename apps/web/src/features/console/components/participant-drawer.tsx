import { Drawer, Stack, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsoleParticipantsQuery } from '../../../gql/graphql';
import { formatDate, formatNumber } from '../../../lib/format';

export type ConsoleParticipant = NonNullable<
  ConsoleParticipantsQuery['program']
>['participants']['edges'][number]['node'];

/** One participant's enrollment as a manager sees it. */
export function ParticipantDrawer(props: { participant: ConsoleParticipant | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const p = props.participant;
  const rows: Array<[string, string]> = p
    ? [
        [t('console.participants.personId'), p.personId],
        [t('console.participants.email'), p.email ?? '—'],
        [t('console.participants.roles'), p.roles.map((r) => t(`console.role.${r}`)).join(', ')],
        [t('console.participants.status'), t(`console.participantStatus.${p.status}`)],
        [t('console.participants.department'), p.department ?? '—'],
        [t('console.participants.languages'), p.languages.join(', ') || '—'],
        [t('console.participants.timezone'), p.timezone],
        [t('console.participants.capacity'), formatNumber(p.mentorCapacity, i18n.language)],
        [t('console.participants.skillsSought'), p.skillsSought.join(', ') || '—'],
        [t('console.participants.interests'), p.interests.join(', ') || '—'],
        [t('console.participants.enrolledAt'), formatDate(p.enrolledAt, i18n.language)],
      ]
    : [];
  return (
    <Drawer
      opened={p !== null}
      onClose={props.onClose}
      position="right"
      title={p?.displayName ?? ''}
      closeButtonProps={{ 'aria-label': t('console.participants.closeDetails') }}
    >
      <Stack>
        <Table>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row">{label}</Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Drawer>
  );
}
