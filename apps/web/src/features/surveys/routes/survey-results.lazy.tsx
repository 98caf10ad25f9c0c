import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsoleGate } from '../../console/components/program-console-gate';
import { SurveyResultsPage } from './survey-results-page';

export const Route = createLazyRoute('/manage/programs/$programId/surveys/$surveyId/results')({
  component: function SurveyResultsRoute() {
    const { programId, surveyId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsoleGate programId={programId}>
          <SurveyResultsPage programId={programId} surveyId={surveyId} />
        </ProgramConsoleGate>
      </RequireSignIn>
    );
  },
});
