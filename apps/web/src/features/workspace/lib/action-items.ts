/** What ordering and the overdue rule need to know of an action item. */
export interface ActionItemTiming {
  title: string;
  /** A calendar day, `YYYY-MM-DD`: the same day for both sides of the pair. */
  dueDate: string;
  done: boolean;
  completedAt: string | null;
}

/**
 * The pair's to-do list as it is read: open items first, the soonest due at the top (same day: alphabetically, so
 * the list does not reshuffle between refreshes); done items after them, the most recently done first.
 */
export function orderActionItems<T extends ActionItemTiming>(items: readonly T[]): T[] {
  const open = items
    .filter((item) => !item.done)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
  const done = items
    .filter((item) => item.done)
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '') || a.title.localeCompare(b.title));
  return [...open, ...done];
}

/**
 * Overdue from the day after the due date in the viewer's calendar (`today`, `YYYY-MM-DD`): on the due day itself
 * there is still time. A done item is never overdue.
 */
export function isOverdue(item: Pick<ActionItemTiming, 'dueDate' | 'done'>, today: string): boolean {
  return !item.done && item.dueDate < today;
}
