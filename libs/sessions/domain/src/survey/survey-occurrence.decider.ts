import type { Decider } from '@trellis/shared/kernel';
import type { SurveyOccurrence } from './survey-occurrences';

/**
 * One occurrence of a published survey (stream `survey-occurrence-<occurrenceId>`), opened once: its id is derived
 * from the survey and the fact that called for it, so a redelivered fact or a restarted service opens nothing twice.
 * Only occurrences still open are recorded; a past-due one is planned the same way every time and invites nobody.
 */

export type SurveyOccurrenceCommand = { type: 'OpenSurveyOccurrence'; occurrence: SurveyOccurrence };

export type SurveyOccurrenceEvent = { type: 'SurveyOccurrenceOpened' } & SurveyOccurrence;

export interface SurveyOccurrenceState {
  status: 'none' | 'opened';
  occurrence: SurveyOccurrence | null;
}

export const initialSurveyOccurrenceState = (): SurveyOccurrenceState => ({ status: 'none', occurrence: null });

export const surveyOccurrenceDecider: Decider<SurveyOccurrenceCommand, SurveyOccurrenceEvent, SurveyOccurrenceState> = {
  initialState: initialSurveyOccurrenceState,
  decide: (command, state) =>
    state.status === 'opened' ? [] : [{ type: 'SurveyOccurrenceOpened', ...command.occurrence }],
  evolve: (_state, event) => {
    const { type: _type, ...occurrence } = event;
    return { status: 'opened', occurrence };
  },
};
