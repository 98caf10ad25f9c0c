import { useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../../components/query-error';
import { formatDateTime, formatNumber, formatPercent } from '../../../lib/format';
import { ROUNDS_HISTORY } from '../api/round-queries';
import { roundStatusColor } from '../lib/round-status-color';

/** The program's rounds, newest first, each linking to its page; more are fetched a page at a time. */
export function RoundsHistory({ programId }: { programId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const { data, error, refetch, fetchMore } = useQuery(ROUNDS_HISTORY, { variables: { programId } });
  const [loadingMore, setLoadingMore] = useState(false);
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch().catch(() => undefined)} />;
  if (!data) return <Text>{t('rounds.earlier.loading')}</Text>;
  const { nodes, endCursor, hasNextPage } = data.matchingRounds;
  if (nodes.length === 0) return <Text>{t('rounds.earlier.empty')}</Text>;

  const more = async () => {
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          matchingRounds: {
            ...fetchMoreResult.matchingRounds,
            nodes: [...previous.matchingRounds.nodes, ...fetchMoreResult.matchingRounds.nodes],
          },
        }),
      });
    } catch {
      // The list stays as it is; the button offers the same page again.
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rounds.earlier.started')}</Table.Th>
              <Table.Th>{t('rounds.earlier.status')}</Table.Th>
              <Table.Th>{t('rounds.earlier.objective')}</Table.Th>
              <Table.Th>{t('rounds.earlier.pairs')}</Table.Th>
              <Table.Th>{t('rounds.earlier.coverage')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {nodes.map((round) => (
              <Table.Tr key={round.id}>
                <Table.Td>
                  <Anchor
                    renderRoot={(rootProps) => (
                      <Link
                        {...rootProps}
                        to="/manage/programs/$programId/rounds/$roundId"
                        params={{ programId, roundId: round.id }}
                      />
                    )}
                  >
                    {formatDateTime(round.createdAt, locale)}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge variant="filled" color={roundStatusColor(round.status)}>
                    {t(`rounds.status.${round.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(`rounds.objective.${round.objective}`)}</Table.Td>
                <Table.Td>
                  {t('rounds.earlier.pairsValue', {
                    pairs: formatNumber(round.pairCount, locale),
                    unmatched: formatNumber(round.unmatchedCount, locale),
                  })}
                </Table.Td>
                <Table.Td>
                  {round.coverage === null ? t('rounds.metrics.none') : formatPercent(round.coverage, locale)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {hasNextPage && (
        <Button variant="default" onClick={() => void more()} loading={loadingMore} style={{ alignSelf: 'flex-start' }}>
          {t('rounds.earlier.more')}
        </Button>
      )}
    </Stack>
  );
}
