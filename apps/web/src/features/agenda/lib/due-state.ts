/** How soon a goal is due, from the API's whole days left in the viewer's zone (negative once overdue). */
export type DueState =
  | { key: 'overdue'; count: number }
  | { key: 'today' }
  | { key: 'tomorrow' }
  | { key: 'inDays'; count: number };

export function dueState(daysLeft: number): DueState {
  if (daysLeft < 0) return { key: 'overdue', count: -daysLeft };
  if (daysLeft === 0) return { key: 'today' };
  if (daysLeft === 1) return { key: 'tomorrow' };
  return { key: 'inDays', count: daysLeft };
}
