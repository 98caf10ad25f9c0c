import { surveyOccurrenceDecider } from './survey-occurrence.decider';
import type { SurveyOccurrence } from './survey-occurrences';

const occurrence: SurveyOccurrence = {
  occurrenceId: 'sv-1:start:m-1',
  surveyId: 'sv-1',
  programId: 'prog-1',
  mentorshipId: 'm-1',
  askedPersonIds: ['p-mentee', 'p-mentor'],
  opensAt: '2026-03-16T09:00:00Z',
  closesAt: '2026-03-30T09:00:00Z',
};

describe('survey occurrence decider', () => {
  const { decide, evolve, initialState } = surveyOccurrenceDecider;

  it('opens an occurrence with everything the invitation needs', () => {
    expect(decide({ type: 'OpenSurveyOccurrence', occurrence }, initialState())).toEqual([
      { type: 'SurveyOccurrenceOpened', ...occurrence },
    ]);
  });

  it('opens it once: planning it again changes nothing', () => {
    const opened = evolve(initialState(), { type: 'SurveyOccurrenceOpened', ...occurrence });
    expect(opened).toEqual({ status: 'opened', occurrence });
    expect(decide({ type: 'OpenSurveyOccurrence', occurrence }, opened)).toEqual([]);
  });
});
