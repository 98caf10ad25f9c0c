import { useApolloClient } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import type { CircleCandidatesQuery, ParticipantRole } from '../../../gql/graphql';
import { CIRCLE_CANDIDATES } from '../api/circles-queries';

export interface Candidate {
  personId: string;
  displayName: string;
}

// Pickers filter by name in the browser (the API has no name search), so they need everyone: page after page, up to
// a program far larger than any today.
const MAX_PAGES = 50;

export type Candidates =
  | { state: 'loading'; people: readonly Candidate[] }
  | { state: 'ready'; people: readonly Candidate[] }
  | { state: 'failed'; people: readonly Candidate[] };

/** Every active participant of the program in a role, for a picker. */
export function useCircleCandidates(programId: string, role: ParticipantRole): Candidates {
  const client = useApolloClient();
  const [result, setResult] = useState<{ key: string; candidates: Candidates }>({
    key: '',
    candidates: { state: 'loading', people: [] },
  });
  const key = `${programId}:${role}`;
  useEffect(() => {
    let cancelled = false;
    type Page = CircleCandidatesQuery['program']['participants'] | undefined;
    const pageAfter = async (after: string | null): Promise<Page> =>
      (await client.query({ query: CIRCLE_CANDIDATES, variables: { programId, role, after } })).data?.program
        .participants;
    const load = async () => {
      const people: Candidate[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const connection = await pageAfter(after);
        if (!connection) break;
        people.push(
          ...connection.edges.map(({ node }) => ({ personId: node.personId, displayName: node.displayName })),
        );
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      return people;
    };
    load().then(
      (people) => {
        if (!cancelled) setResult({ key, candidates: { state: 'ready', people } });
      },
      () => {
        if (!cancelled) setResult({ key, candidates: { state: 'failed', people: [] } });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, programId, role, key]);
  return result.key === key ? result.candidates : { state: 'loading', people: [] };
}
