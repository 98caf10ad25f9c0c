import { describe, expect, it } from 'vitest';
import { mentorshipOfEvent } from './event-mentorship';

describe('the mentorship of a live event', () => {
  it('reads the mentorship id from the event’s data, and nothing from anything else', () => {
    expect(mentorshipOfEvent('{"mentorshipId":"m-1","memberPersonIds":["a","b"]}')).toBe('m-1');
    expect(mentorshipOfEvent('{"mentorshipId":7}')).toBeUndefined();
    expect(mentorshipOfEvent('null')).toBeUndefined();
    expect(mentorshipOfEvent('not json')).toBeUndefined();
  });
});
