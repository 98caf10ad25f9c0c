import { describe, expect, it } from 'vitest';
import { isFiltered, NO_FILTER, toParticipantFilter } from './participant-filter';

describe('participant filter', () => {
  it('sends nothing for "any"', () => {
    expect(toParticipantFilter(NO_FILTER)).toEqual({});
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('sends only what is set, text trimmed and the language code in lower case', () => {
    const state = { ...NO_FILTER, role: 'MENTOR' as const, department: '  Sales ', language: ' DE', skill: ' ' };
    expect(toParticipantFilter(state)).toEqual({ role: 'MENTOR', department: 'Sales', language: 'de' });
    expect(isFiltered(state)).toBe(true);
  });

  it('sends the name search trimmed, its words one space apart', () => {
    expect(toParticipantFilter({ ...NO_FILTER, name: '  ana   alves ' })).toEqual({ name: 'ana alves' });
    expect(isFiltered({ ...NO_FILTER, name: '   ' })).toBe(false);
  });
});
