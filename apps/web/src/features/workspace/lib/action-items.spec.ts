import { describe, expect, it } from 'vitest';
import { isOverdue, orderActionItems } from './action-items';

const item = (title: string, dueDate: string, completedAt: string | null = null) => ({
  title,
  dueDate,
  done: completedAt !== null,
  completedAt,
});

describe('orderActionItems', () => {
  it('puts open items first, soonest due at the top, and done items after them, latest done first', () => {
    const ordered = orderActionItems([
      item('Done long ago', '2027-01-05', '2027-01-04T10:00:00Z'),
      item('Due later', '2027-03-01'),
      item('Done yesterday', '2027-02-01', '2027-02-10T09:00:00Z'),
      item('Due soon', '2027-02-12'),
    ]);
    expect(ordered.map((i) => i.title)).toEqual(['Due soon', 'Due later', 'Done yesterday', 'Done long ago']);
  });

  it('orders items due the same day by title, so refreshes do not reshuffle them', () => {
    const ordered = orderActionItems([item('Write', '2027-02-12'), item('Call', '2027-02-12')]);
    expect(ordered.map((i) => i.title)).toEqual(['Call', 'Write']);
  });

  it('leaves the list it was given as it was', () => {
    const items = [item('B', '2027-02-13'), item('A', '2027-02-12')];
    orderActionItems(items);
    expect(items.map((i) => i.title)).toEqual(['B', 'A']);
  });
});

describe('isOverdue', () => {
  it('is overdue from the day after the due date, not on the due day', () => {
    expect(isOverdue(item('x', '2027-02-12'), '2027-02-11')).toBe(false);
    expect(isOverdue(item('x', '2027-02-12'), '2027-02-12')).toBe(false);
    expect(isOverdue(item('x', '2027-02-12'), '2027-02-13')).toBe(true);
  });

  it('is never overdue once done', () => {
    expect(isOverdue(item('x', '2027-02-12', '2027-02-20T08:00:00Z'), '2027-03-01')).toBe(false);
  });
});
