import { describe, expect, it } from 'vitest';
import { dueState } from './due-state';

describe('how soon a goal is due', () => {
  it('counts the days overdue, says today and tomorrow, and counts the days left', () => {
    expect(dueState(-3)).toEqual({ key: 'overdue', count: 3 });
    expect(dueState(-1)).toEqual({ key: 'overdue', count: 1 });
    expect(dueState(0)).toEqual({ key: 'today' });
    expect(dueState(1)).toEqual({ key: 'tomorrow' });
    expect(dueState(12)).toEqual({ key: 'inDays', count: 12 });
  });
});
