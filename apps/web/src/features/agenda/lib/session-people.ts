interface Attendee {
  personId: string;
  participant?: { displayName: string } | null;
}

/** Names shown before the rest are counted: a group session's line stays one line on a phone. */
const NAMED = 2;

/**
 * Who else is in a session, as the viewer reads "with …": the other attendees in the API's order (host first),
 * the first two by name and the rest as a count. `unavailable` names someone whose profile is gone or hidden.
 */
export function otherPeopleLine(
  attendees: readonly Attendee[],
  viewerPersonId: string,
  locale: string,
  texts: { unavailable: string; more: (count: number) => string },
): string | null {
  const others = attendees
    .filter((a) => a.personId !== viewerPersonId)
    .map((a) => a.participant?.displayName.trim() || texts.unavailable);
  if (others.length === 0) return null;
  // One more name reads better than "and 1 more".
  const named = others.length <= NAMED + 1 ? others : [...others.slice(0, NAMED), texts.more(others.length - NAMED)];
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(named);
}
