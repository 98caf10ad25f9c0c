import { useQuery } from '@apollo/client/react';
import { Button, Table } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantFilter } from '../../../gql/graphql';
import { CONSOLE_PARTICIPANTS } from '../api/console-queries';
import type { ConsoleParticipant } from './participant-drawer';

export const PAGE_SIZE = 20;

/**
 * One page of the table's rows. Each page is its own query keyed by its cursor, so loading the next one neither
 * refetches nor merges the earlier ones.
 */
export interface LoadedPage {
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export function ParticipantsPageRows(props: {
  index: number;
  programId: string;
  filter: ParticipantFilter;
  after: string | null;
  cohortNames: ReadonlyMap<string, string>;
  onOpen: (participant: ConsoleParticipant) => void;
  onLoaded: (index: number, page: LoadedPage | 'failed') => void;
}) {
  const { t } = useTranslation();
  const { data, error } = useQuery(CONSOLE_PARTICIPANTS, {
    variables: { programId: props.programId, first: PAGE_SIZE, after: props.after, filter: props.filter },
    fetchPolicy: 'cache-and-network',
  });
  const connection = data?.program.participants;
  const totalCount = connection?.totalCount;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  const hasNextPage = connection?.pageInfo.hasNextPage;
  const { index, onLoaded } = props;
  const failed = error !== undefined;
  useEffect(() => {
    if (failed) onLoaded(index, 'failed');
    else if (totalCount !== undefined && hasNextPage !== undefined)
      onLoaded(index, { totalCount, endCursor, hasNextPage });
  }, [failed, index, onLoaded, totalCount, endCursor, hasNextPage]);
  if (failed) return null;
  return (
    <>
      {connection?.edges.map(({ node }) => (
        <Table.Tr key={node.id}>
          <Table.Th scope="row" fw="normal">
            <Button variant="subtle" size="compact-sm" onClick={() => props.onOpen(node)}>
              {node.displayName}
            </Button>
          </Table.Th>
          <Table.Td>{node.roles.map((r) => t(`console.role.${r}`)).join(', ')}</Table.Td>
          <Table.Td>{t(`console.participantStatus.${node.status}`)}</Table.Td>
          <Table.Td>{node.cohortId ? (props.cohortNames.get(node.cohortId) ?? node.cohortId) : '—'}</Table.Td>
          <Table.Td>{node.department ?? '—'}</Table.Td>
          <Table.Td>{node.email ?? '—'}</Table.Td>
        </Table.Tr>
      ))}
    </>
  );
}
