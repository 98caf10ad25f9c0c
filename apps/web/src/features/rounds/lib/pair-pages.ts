/** Rows a page of the pairs table shows: enough to scan, few enough that 5,000 pairs render as fast as 25. */
export const PAIRS_PER_PAGE = 25;

export interface NamedPair {
  menteePersonId: string;
  menteeName: string;
  mentorName: string;
}

/** Pairs whose mentee or mentor name contains the search (any case), in mentee name order. */
export function filterPairs<P extends NamedPair>(pairs: readonly P[], search: string, locale: string): P[] {
  const needle = search.trim().toLocaleLowerCase(locale);
  const found = needle
    ? pairs.filter(
        (p) =>
          p.menteeName.toLocaleLowerCase(locale).includes(needle) ||
          p.mentorName.toLocaleLowerCase(locale).includes(needle),
      )
    : [...pairs];
  const collator = new Intl.Collator(locale);
  return found.sort(
    (a, b) => collator.compare(a.menteeName, b.menteeName) || a.menteePersonId.localeCompare(b.menteePersonId),
  );
}

export function pageCount(total: number, perPage = PAIRS_PER_PAGE): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** Page `page` (from 1) of the rows; a page past the end (after a filter shrank them) shows the last one. */
export function pageOf<T>(rows: readonly T[], page: number, perPage = PAIRS_PER_PAGE): { rows: T[]; page: number } {
  const last = pageCount(rows.length, perPage);
  const shown = Math.min(Math.max(1, page), last);
  return { rows: rows.slice((shown - 1) * perPage, shown * perPage), page: shown };
}
