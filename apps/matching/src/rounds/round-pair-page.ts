import { DomainError } from '@trellis/shared/event-store';

/** Which pairs of a round a page holds: any one given applies, all together narrow. */
export interface PairCriteria {
  /** Pairs whose mentee or mentor is one of these people (a name search resolved to people by profiles). */
  personIds?: readonly string[] | null;
  locked?: boolean | null;
  manual?: boolean | null;
  notFirstChoice?: boolean | null;
}

export interface PageablePair {
  menteePersonId: string;
  mentorPersonId: string;
  locked: boolean;
  manual: boolean;
}

export interface PairPage<P> {
  nodes: P[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

export const MAX_PAIRS_PER_PAGE = 500;

const encode = (menteePersonId: string) => Buffer.from(menteePersonId, 'utf8').toString('base64url');
const decode = (cursor: string) => Buffer.from(cursor, 'base64url').toString('utf8');

/**
 * A page of a round's pairs in mentee id order. The cursor is the last mentee of the page, so a page asked after a
 * manager's lock, swap or removal neither repeats nor skips a pair that was there before.
 */
export async function pairPage<P extends PageablePair>(
  pairs: readonly P[],
  criteria: PairCriteria,
  first: number,
  after: string | null,
  notFirstChoice: (pair: P) => Promise<boolean>,
): Promise<PairPage<P>> {
  if (first < 0 || first > MAX_PAIRS_PER_PAGE) {
    throw new DomainError('BAD_USER_INPUT', `\`first\` must be from 0 to ${MAX_PAIRS_PER_PAGE}.`);
  }
  const people = criteria.personIds ? new Set(criteria.personIds) : null;
  let chosen = pairs.filter(
    (p) =>
      (!people || people.has(p.menteePersonId) || people.has(p.mentorPersonId)) &&
      (criteria.locked == null || p.locked === criteria.locked) &&
      (criteria.manual == null || p.manual === criteria.manual),
  );
  if (criteria.notFirstChoice != null) {
    const wanted = criteria.notFirstChoice;
    const flags = await Promise.all(chosen.map(notFirstChoice));
    chosen = chosen.filter((_, index) => flags[index] === wanted);
  }
  chosen.sort((a, b) => (a.menteePersonId < b.menteePersonId ? -1 : a.menteePersonId > b.menteePersonId ? 1 : 0));
  const from = after === null ? 0 : chosen.findIndex((p) => p.menteePersonId > decode(after));
  const rest = from < 0 ? [] : chosen.slice(from);
  const nodes = rest.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes,
    totalCount: chosen.length,
    endCursor: last ? encode(last.menteePersonId) : after,
    hasNextPage: rest.length > nodes.length,
  };
}
