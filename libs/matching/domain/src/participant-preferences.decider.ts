import type { Decider } from '@trellis/shared/kernel';
import { badInput } from './errors';

/**
 * One per participant per program: the mentors a mentee would prefer and the mentees a mentor would rather not take.
 * They stay inside matching (private events, never on Kafka): a mentee never learns that a mentor would rather not
 * take them. Rounds read them when they compute: a preferred mentor scores the `favourite` factor, a "rather not"
 * pair is left out like any other excluded pair.
 */
export const participantPreferencesStreamId = (programId: string, personId: string): string =>
  `participant-preferences-${programId}-${personId}`;

/** How many preferred mentors a mentee may mark when the program says nothing else. */
export const DEFAULT_MAX_PREFERRED_MENTORS = 3;
/** A mentor's "rather not" list is for a few known conflicts, not for choosing mentees. */
export const MAX_RATHER_NOT_MENTEES = 20;

export type PreferencesCommand =
  | {
      type: 'SetPreferredMentors';
      programId: string;
      personId: string;
      mentorPersonIds: string[];
      maxPreferredMentors: number;
    }
  | { type: 'SetRatherNotMentees'; programId: string; personId: string; menteePersonIds: string[] };

export type PreferencesEvent =
  | { type: 'PreferredMentorsSet'; programId: string; personId: string; mentorPersonIds: string[] }
  | { type: 'RatherNotMenteesSet'; programId: string; personId: string; menteePersonIds: string[] };

export interface PreferencesState {
  programId: string;
  personId: string;
  /** In the order the mentee gave them; the first is the most preferred. */
  preferredMentorIds: string[];
  ratherNotMenteeIds: string[];
}

function distinct(ids: readonly string[], personId: string, what: string): string[] {
  const seen = new Set<string>();
  for (const id of ids) {
    if (!id.trim()) throw badInput(`A ${what} needs a person id.`);
    if (id === personId) throw badInput(`You cannot name yourself as a ${what}.`);
    seen.add(id);
  }
  return [...seen];
}

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export const participantPreferencesDecider: Decider<PreferencesCommand, PreferencesEvent, PreferencesState> = {
  initialState: () => ({ programId: '', personId: '', preferredMentorIds: [], ratherNotMenteeIds: [] }),

  decide(command, state) {
    switch (command.type) {
      case 'SetPreferredMentors': {
        const ids = distinct(command.mentorPersonIds, command.personId, 'preferred mentor');
        if (ids.length > command.maxPreferredMentors) {
          const max = command.maxPreferredMentors;
          throw badInput(`You can mark at most ${max} preferred ${max === 1 ? 'mentor' : 'mentors'}.`, {
            maxPreferredMentors: command.maxPreferredMentors,
          });
        }
        // Setting the same list again changes nothing, so a retry records nothing twice.
        if (state.personId && same(ids, state.preferredMentorIds)) return [];
        return [
          {
            type: 'PreferredMentorsSet',
            programId: command.programId,
            personId: command.personId,
            mentorPersonIds: ids,
          },
        ];
      }
      case 'SetRatherNotMentees': {
        const ids = distinct(command.menteePersonIds, command.personId, 'mentee to leave out');
        if (ids.length > MAX_RATHER_NOT_MENTEES) {
          throw badInput(`You can name at most ${MAX_RATHER_NOT_MENTEES} mentees you would rather not take.`, {
            max: MAX_RATHER_NOT_MENTEES,
          });
        }
        if (state.personId && same(ids, state.ratherNotMenteeIds)) return [];
        return [
          {
            type: 'RatherNotMenteesSet',
            programId: command.programId,
            personId: command.personId,
            menteePersonIds: ids,
          },
        ];
      }
    }
  },

  evolve(state, event) {
    const base = { ...state, programId: event.programId, personId: event.personId };
    switch (event.type) {
      case 'PreferredMentorsSet':
        return { ...base, preferredMentorIds: event.mentorPersonIds };
      case 'RatherNotMenteesSet':
        return { ...base, ratherNotMenteeIds: event.menteePersonIds };
    }
  },
};
