import { Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { unmatchedReason } from '../lib/unmatched-reasons';

export interface ConsoleUnmatched {
  menteePersonId: string;
  menteeName: string;
  reason: string;
}

/** Mentees the round leaves without a mentor, each with why; the manager may pair one by hand. */
export function UnmatchedTable(props: {
  unmatched: readonly ConsoleUnmatched[];
  editable: boolean;
  onAdd: (mentee: ConsoleUnmatched) => void;
}) {
  const { t } = useTranslation();
  if (props.unmatched.length === 0) return <Text>{t('rounds.unmatched.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped withTableBorder captionSide="top">
        <Table.Caption>
          <Text component="span" size="sm" c="dark.6">
            {t('rounds.unmatched.caption', { count: props.unmatched.length })}
          </Text>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
            <Table.Th scope="col">{t('rounds.unmatched.reason')}</Table.Th>
            {props.editable && <Table.Th scope="col">{t('rounds.pairs.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.unmatched.map((u) => (
            <Table.Tr key={u.menteePersonId}>
              <Table.Th scope="row">{u.menteeName}</Table.Th>
              <Table.Td>{t(`rounds.unmatchedReason.${unmatchedReason(u.reason)}`)}</Table.Td>
              {props.editable && (
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => props.onAdd(u)}
                    aria-label={t('rounds.unmatched.addNamed', { name: u.menteeName })}
                  >
                    {t('rounds.unmatched.add')}
                  </Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
