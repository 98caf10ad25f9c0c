import type { DescribedError } from './graphql-errors';

/**
 * For each field of a form, the names under which the API may report a refusal of it. The API names a field by the
 * mutation's argument (`dueDate`), by a path into an input (`agreement.cadence`) or, for free text, by the service's
 * text rule (`actionItemTitle`), so a form lists what its fields may be called.
 */
export type RefusalFields<F extends string> = Readonly<Record<F, readonly string[]>>;

export interface PlacedRefusal<F extends string> {
  /** The form field the refusal concerns, when it concerns one of this form's fields. */
  field: F | undefined;
  /** The API's explanation on the field it concerns, undefined on every other field. */
  errorOn: (field: F) => string | undefined;
  /** What an alert above the form shows: the failure, unless it already shows on a field. */
  unplaced: DescribedError | null;
}

// The whole name or the start of a path (`milestones.0.title` is about milestones) before the end of a path alone
// (`agreement.cadence` is about cadence), so `title` does not claim a milestone's title.
const matchers: Array<(reported: string, name: string) => boolean> = [
  (reported, name) => reported === name || reported.startsWith(`${name}.`),
  (reported, name) => reported.split('.').pop() === name,
];

function fieldNamed<F extends string>(reported: string, fields: RefusalFields<F>): F | undefined {
  const candidates = Object.keys(fields) as F[];
  for (const matches of matchers) {
    const found = candidates.find((f) => fields[f].some((name) => matches(reported, name)));
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Where a refusal shows in a form: on the field it names, or above the form when it names none of them. */
export function placeRefusal<F extends string>(
  failure: DescribedError | null,
  fields: RefusalFields<F>,
): PlacedRefusal<F> {
  const reported = failure?.kind === 'badUserInput' ? failure.field : undefined;
  const field = reported === undefined ? undefined : fieldNamed(reported, fields);
  return {
    field,
    errorOn: (f) => (field !== undefined && f === field ? failure?.detail : undefined),
    unplaced: field === undefined ? failure : null,
  };
}
