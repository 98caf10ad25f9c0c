import { describe, expect, it } from 'vitest';
import { isEditable, swapProblem, toggleSwap } from './swap-selection';

describe('toggleSwap', () => {
  it('keeps the last two mentees chosen and unchooses on a second click', () => {
    let chosen = toggleSwap([], 'a');
    chosen = toggleSwap(chosen, 'b');
    expect(chosen).toEqual(['a', 'b']);
    expect(toggleSwap(chosen, 'c')).toEqual(['b', 'c']);
    expect(toggleSwap(chosen, 'a')).toEqual(['b']);
  });
});

describe('swapProblem', () => {
  const mentors: Record<string, string> = { a: 'm1', b: 'm2', c: 'm1' };
  const mentorOf = (id: string) => mentors[id];

  it('needs two mentees with different mentors', () => {
    expect(swapProblem(['a'], mentorOf)).toBe('chooseTwo');
    expect(swapProblem(['a', 'c'], mentorOf)).toBe('sameMentor');
    expect(swapProblem(['a', 'b'], mentorOf)).toBeNull();
  });
});

describe('isEditable', () => {
  it('takes overrides only on a computed draft', () => {
    expect(['DRAFT', 'COMPUTED', 'PUBLISHED', 'DISCARDED'].filter(isEditable)).toEqual(['COMPUTED']);
  });
});
