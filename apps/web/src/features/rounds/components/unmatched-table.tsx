import { Button, List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { VirtualTable } from '../../../components/virtual-table';
import { formatNumber } from '../../../lib/format';
import { matchHintSentence, type MatchHintView } from '../lib/match-explanations';
import { unmatchedReason } from '../lib/unmatched-reasons';

export interface ConsoleUnmatched {
  menteePersonId: string;
  menteeName: string;
  reason: string;
  hints: readonly MatchHintView[];
}

const ESTIMATED_ROW_PX = 50;

/** Mentees the round leaves without a mentor, each with why; the manager may pair one by hand. */
export function UnmatchedTable(props: {
  unmatched: readonly ConsoleUnmatched[];
  editable: boolean;
  onAdd: (mentee: ConsoleUnmatched) => void;
}) {
  const { t, i18n } = useTranslation();
  if (props.unmatched.length === 0) return <Text>{t('rounds.unmatched.none')}</Text>;
  // Rendered like the pairs, only the rows in view: a round may leave many mentees unmatched.
  return (
    <VirtualTable
      caption={
        <Text component="span" size="sm" c="dark.6">
          {t('rounds.unmatched.caption', {
            count: props.unmatched.length,
            shown: formatNumber(props.unmatched.length, i18n.language),
          })}
        </Text>
      }
      head={
        <>
          <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
          <Table.Th scope="col">{t('rounds.unmatched.reason')}</Table.Th>
          <Table.Th scope="col">{t('rounds.hint.heading')}</Table.Th>
          {props.editable && <Table.Th scope="col">{t('rounds.pairs.actions')}</Table.Th>}
        </>
      }
      columns={props.editable ? 4 : 3}
      rows={props.unmatched.length}
      rowKey={(index) => props.unmatched[index]?.menteePersonId ?? String(index)}
      renderRow={(index) => {
        const u = props.unmatched[index];
        if (!u) return null;
        return (
          <>
            <Table.Th scope="row">{u.menteeName}</Table.Th>
            <Table.Td>{t(`rounds.unmatchedReason.${unmatchedReason(u.reason)}`)}</Table.Td>
            <Table.Td>
              {u.hints.length > 0 && (
                <List size="sm" spacing={0}>
                  {u.hints.map((hint) => (
                    <List.Item key={hint.type}>{matchHintSentence(t, hint, i18n.language)}</List.Item>
                  ))}
                </List>
              )}
            </Table.Td>
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
          </>
        );
      }}
      estimateRowHeight={ESTIMATED_ROW_PX}
      empty={t('rounds.unmatched.none')}
      minWidth={760}
    />
  );
}
