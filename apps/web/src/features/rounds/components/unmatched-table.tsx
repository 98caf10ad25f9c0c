import { Button, List, Pagination, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { pageCount, pageOf } from '../lib/pair-pages';
import { matchHintSentence, type MatchHintView } from '../lib/match-explanations';
import { unmatchedReason } from '../lib/unmatched-reasons';

export interface ConsoleUnmatched {
  menteePersonId: string;
  menteeName: string;
  reason: string;
  hints: readonly MatchHintView[];
}

/** Mentees the round leaves without a mentor, each with why; the manager may pair one by hand. */
export function UnmatchedTable(props: {
  unmatched: readonly ConsoleUnmatched[];
  editable: boolean;
  onAdd: (mentee: ConsoleUnmatched) => void;
}) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  if (props.unmatched.length === 0) return <Text>{t('rounds.unmatched.none')}</Text>;
  // Paged like the pairs: a round may leave many mentees unmatched.
  const shown = pageOf(props.unmatched, page);
  const pages = pageCount(props.unmatched.length);
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={760}>
        <Table striped withTableBorder captionSide="top">
          <Table.Caption>
            <Text component="span" size="sm" c="dark.6">
              {t('rounds.unmatched.caption', {
                count: props.unmatched.length,
                page: formatNumber(shown.page, i18n.language),
                pages: formatNumber(pages, i18n.language),
              })}
            </Text>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rounds.pairs.mentee')}</Table.Th>
              <Table.Th scope="col">{t('rounds.unmatched.reason')}</Table.Th>
              <Table.Th scope="col">{t('rounds.hint.heading')}</Table.Th>
              {props.editable && <Table.Th scope="col">{t('rounds.pairs.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.rows.map((u) => (
              <Table.Tr key={u.menteePersonId}>
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
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={shown.page}
          onChange={setPage}
          getControlProps={(control) => ({ 'aria-label': t(`rounds.pairs.pageControl.${control}`) })}
          getItemProps={(p) => ({ 'aria-label': t('rounds.pairs.pageNumber', { page: p }) })}
        />
      )}
    </Stack>
  );
}
