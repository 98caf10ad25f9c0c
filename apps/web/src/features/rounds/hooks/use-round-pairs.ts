import { useApolloClient, useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useMemo, useRef, useState } from 'react';
import { getFragmentData } from '../../../gql';
import { RoundConsolePair } from '../api/round-fields';
import { PEOPLE_BY_NAME, ROUND_PAIRS } from '../api/round-queries';
import type { ConsolePair } from '../components/pairs-table';

// A page is a few screens of the table; the next is asked once the view comes within half a page of its end.
const PAIRS_PER_PAGE = 100;
// The pairs of the people a search finds: most often all of them in one page, within the gateway's cost limit.
const PAIRS_PER_SEARCH = 200;
// The people a name search narrows the pairs to (the profiles API gives at most 100 a page).
export const PEOPLE_PER_SEARCH = 100;
const SEARCH_DEBOUNCE_MS = 300;

/**
 * A round's pairs as the console's table reads them: the first page at once, the next ones as the table scrolls
 * towards them, and for a search by name the pairs of the people of that name. Edits update the loaded pairs through
 * Apollo's cache (a pair has an id); `reload` reads the pages again after an edit that adds or takes pairs away.
 */
export function useRoundPairs(programId: string, roundId: string, unavailable: string, skip: boolean) {
  const [search, setSearch] = useState('');
  const [settled] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const people = useQuery(PEOPLE_BY_NAME, {
    variables: { programId, name: settled, first: PEOPLE_PER_SEARCH },
    skip: skip || settled === '',
  });
  const found = settled === '' ? null : people.data?.program.participants;
  const personIds = found ? found.edges.map((e) => e.node.personId) : null;
  const { data, previousData, error, refetch, fetchMore } = useQuery(ROUND_PAIRS, {
    variables: {
      roundId,
      first: personIds ? PAIRS_PER_SEARCH : PAIRS_PER_PAGE,
      filter: personIds ? { personIds } : null,
    },
    skip: skip || (settled !== '' && !personIds),
  });
  const page = (data ?? previousData)?.matchingRound.pairPage;
  const pairs: ConsolePair[] = useMemo(
    () =>
      (page?.nodes ?? []).map((node) => {
        const p = getFragmentData(RoundConsolePair, node);
        return {
          ...p,
          menteeName: p.mentee?.displayName ?? unavailable,
          mentorName: p.mentor?.displayName ?? unavailable,
        };
      }),
    [page?.nodes, unavailable],
  );

  const fetching = useRef(false);
  const endCursor = page?.hasNextPage ? page.endCursor : null;
  const loaded = pairs.length;
  const onRowsRendered = useCallback(
    (lastIndex: number) => {
      if (!endCursor || fetching.current || lastIndex < loaded - PAIRS_PER_PAGE / 2) return;
      fetching.current = true;
      void fetchMore({
        variables: { after: endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({
          ...fetchMoreResult,
          matchingRound: {
            ...fetchMoreResult.matchingRound,
            pairPage: {
              ...fetchMoreResult.matchingRound.pairPage,
              nodes: [...previous.matchingRound.pairPage.nodes, ...fetchMoreResult.matchingRound.pairPage.nodes],
            },
          },
        }),
      })
        .catch(() => undefined)
        .finally(() => {
          fetching.current = false;
        });
    },
    [endCursor, loaded, fetchMore],
  );
  const client = useApolloClient();
  // Every page read of the round goes, the searches' too, so none shows a pair removed or misses one added; the pages
  // in view are read again.
  const reload = useCallback(() => {
    client.cache.evict({
      id: client.cache.identify({ __typename: 'MatchingRound', id: roundId }),
      fieldName: 'pairPage',
    });
    client.cache.gc();
    void refetch().catch(() => undefined);
  }, [client, roundId, refetch]);

  return {
    pairs,
    /** All pairs (or the search's) in the round; the loaded ones are the first of them. */
    total: page?.totalCount ?? 0,
    loaded: page !== undefined,
    error,
    onSearch: setSearch,
    /** Looking up the people of the name typed, or their pairs. */
    searching: search.trim() !== settled || (settled !== '' && (people.loading || !data)),
    /** The search found more people than it narrows the pairs to. */
    searchTruncated: found?.pageInfo.hasNextPage ?? false,
    onRowsRendered,
    reload,
  };
}
