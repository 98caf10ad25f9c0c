import { describe, expect, it } from 'vitest';
import { joinLinkOf } from './join-link';

describe('the link to join a session', () => {
  it('is the place of an online session when it is an https address', () => {
    expect(joinLinkOf({ mode: 'VIRTUAL', place: 'https://meet.example.org/pair' })).toBe(
      'https://meet.example.org/pair',
    );
  });

  it('is none for a session in person, an unknown place, or an address that is not https', () => {
    expect(joinLinkOf({ mode: 'IN_PERSON', place: 'https://maps.example.org/room-4' })).toBeNull();
    expect(joinLinkOf({ mode: 'VIRTUAL', place: null })).toBeNull();
    expect(joinLinkOf({ mode: 'VIRTUAL', place: 'javascript:alert(1)' })).toBeNull();
    expect(joinLinkOf({ mode: 'VIRTUAL', place: 'http://meet.example.org/pair' })).toBeNull();
  });
});
