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
