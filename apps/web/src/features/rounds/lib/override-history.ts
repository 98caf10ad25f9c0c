export type OverrideKind = 'locked' | 'unlocked' | 'removed' | 'added' | 'swapped' | 'other';

const kinds: Record<string, OverrideKind> = {
  PairLocked: 'locked',
  PairUnlocked: 'unlocked',
  PairRemoved: 'removed',
  PairAdded: 'added',
  MentorsSwapped: 'swapped',
};

/** The override's event type as the catalogue names it (`rounds.history.kind.<kind>`). */
export function overrideKind(type: string): OverrideKind {
  return kinds[type] ?? 'other';
}

/** Names by person id, with a stand-in for anyone the viewer may no longer see. */
export function nameLookup(
  people: ReadonlyArray<{ personId: string; name: string | null | undefined }>,
  unknown: string,
): (personId: string | null | undefined) => string {
  const names = new Map<string, string>();
  for (const p of people) if (p.name) names.set(p.personId, p.name);
  return (personId) => (personId ? (names.get(personId) ?? unknown) : unknown);
}
