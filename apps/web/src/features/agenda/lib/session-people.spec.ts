import { describe, expect, it } from 'vitest';
import { otherPeopleLine } from './session-people';

const person = (personId: string, displayName?: string) => ({
  personId,
  participant: displayName === undefined ? null : { displayName },
});
const texts = { unavailable: 'someone no longer here', more: (count: number) => `${count} more` };

describe('who else is in a session', () => {
  it('names the other person of a one-on-one, never the viewer', () => {
    expect(otherPeopleLine([person('me', 'Me'), person('m', 'Maren Mentor')], 'me', 'en', texts)).toBe('Maren Mentor');
    expect(otherPeopleLine([person('m', 'Maren Mentor'), person('me', 'Me')], 'me', 'en', texts)).toBe('Maren Mentor');
  });

  it('joins a few names the way the viewer’s language does', () => {
    const three = [person('h', 'Hana'), person('me', 'Me'), person('a', 'Ali'), person('b', 'Bo')];
    expect(otherPeopleLine(three, 'me', 'en-GB', texts)).toBe('Hana, Ali and Bo');
    expect(otherPeopleLine(three, 'me', 'de', texts)).toBe('Hana, Ali und Bo');
  });

  it('counts the rest of a large group after the first two', () => {
    const group = ['Hana', 'Ali', 'Bo', 'Cem', 'Dua'].map((name) => person(name.toLowerCase(), name));
    expect(otherPeopleLine([person('me', 'Me'), ...group], 'me', 'en-GB', texts)).toBe('Hana, Ali and 3 more');
  });

  it('says when a person’s profile is gone, and nothing when the viewer is alone', () => {
    expect(otherPeopleLine([person('me', 'Me'), person('x')], 'me', 'en', texts)).toBe('someone no longer here');
    expect(otherPeopleLine([person('me', 'Me'), person('y', '  ')], 'me', 'en', texts)).toBe('someone no longer here');
    expect(otherPeopleLine([person('me', 'Me')], 'me', 'en', texts)).toBeNull();
  });
});
