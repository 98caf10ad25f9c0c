export interface FillPlacementLike {
  circleId: string;
  menteePersonId: string;
  score: number;
  mentee?: { displayName: string } | null;
}

export interface FillGroup<P extends FillPlacementLike> {
  circleId: string;
  placements: P[];
}

/**
 * A draft's placements by circle, in the order the circles are listed, each circle's mentees by name, so the manager
 * reviews one circle at a time. A placement in a circle the list does not (yet) show goes last rather than nowhere.
 */
export function groupFillByCircle<P extends FillPlacementLike>(
  placements: readonly P[],
  circleOrder: readonly string[],
  locale: string,
): Array<FillGroup<P>> {
  const collator = new Intl.Collator(locale);
  const byCircle = new Map<string, P[]>();
  for (const p of placements) byCircle.set(p.circleId, [...(byCircle.get(p.circleId) ?? []), p]);
  const rank = (circleId: string) => {
    const index = circleOrder.indexOf(circleId);
    return index === -1 ? circleOrder.length : index;
  };
  return [...byCircle.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([circleId, list]) => ({
      circleId,
      placements: [...list].sort((x, y) =>
        collator.compare(x.mentee?.displayName ?? x.menteePersonId, y.mentee?.displayName ?? y.menteePersonId),
      ),
    }));
}
