import { fold, given } from '@trellis/shared/kernel/testing';
import {
  MAX_RATHER_NOT_MENTEES,
  participantPreferencesDecider as decider,
  participantPreferencesStreamId,
  type PreferencesEvent,
} from './participant-preferences.decider';

const prefer = (mentorPersonIds: string[], maxPreferredMentors = 3) =>
  ({ type: 'SetPreferredMentors', programId: 'p1', personId: 'ana', mentorPersonIds, maxPreferredMentors }) as const;
const ratherNot = (menteePersonIds: string[]) =>
  ({ type: 'SetRatherNotMentees', programId: 'p1', personId: 'mia', menteePersonIds }) as const;
const preferred = (mentorPersonIds: string[]): PreferencesEvent => ({
  type: 'PreferredMentorsSet',
  programId: 'p1',
  personId: 'ana',
  mentorPersonIds,
});

describe('ParticipantPreferences', () => {
  it('is one stream per participant and program', () => {
    expect(participantPreferencesStreamId('p1', 'ana')).toBe('participant-preferences-p1-ana');
  });

  it('records a mentee’s preferred mentors in their order, each once', () => {
    expect(given(decider).when(prefer(['m2', 'm1', 'm2']))).toEqual({ events: [preferred(['m2', 'm1'])] });
    expect(fold(decider, [preferred(['m2', 'm1'])])).toMatchObject({
      personId: 'ana',
      preferredMentorIds: ['m2', 'm1'],
    });
  });

  it('refuses more than the program allows, and the mentee themself', () => {
    expect(given(decider).when(prefer(['m1', 'm2', 'm3', 'm4']))).toMatchObject({
      error: { code: 'BAD_USER_INPUT', message: 'You can mark at most 3 preferred mentors.' },
    });
    expect(given(decider).when(prefer(['m1', 'm2'], 1))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect(given(decider).when(prefer(['ana']))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect(given(decider).when(prefer(['  ']))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });

  it('records nothing when the same list is set again, and clears with an empty one', () => {
    expect(given(decider, [preferred(['m1'])]).when(prefer(['m1']))).toEqual({ events: [] });
    expect(given(decider, [preferred(['m1'])]).when(prefer([]))).toEqual({ events: [preferred([])] });
    // A first empty list is still recorded: the participant said it.
    expect(given(decider).when(prefer([]))).toEqual({ events: [preferred([])] });
  });

  it('records a mentor’s "rather not" mentees apart from their preferred mentors', () => {
    const set: PreferencesEvent = {
      type: 'RatherNotMenteesSet',
      programId: 'p1',
      personId: 'mia',
      menteePersonIds: ['e1'],
    };
    expect(given(decider).when(ratherNot(['e1', 'e1']))).toEqual({ events: [set] });
    expect(fold(decider, [set])).toMatchObject({ ratherNotMenteeIds: ['e1'], preferredMentorIds: [] });
    const many = Array.from({ length: MAX_RATHER_NOT_MENTEES + 1 }, (_, i) => `e${i}`);
    expect(given(decider).when(ratherNot(many))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
    expect(given(decider).when(ratherNot(['mia']))).toMatchObject({ error: { code: 'BAD_USER_INPUT' } });
  });
});
