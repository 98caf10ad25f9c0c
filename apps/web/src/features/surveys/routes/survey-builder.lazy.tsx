import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsoleGate } from '../../console/components/program-console-gate';
import { SurveyBuilderPage } from './survey-builder-page';

export const Route = createLazyRoute('/manage/programs/$programId/surveys/$surveyId')({
  component: function SurveyBuilderRoute() {
    const { programId, surveyId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsoleGate programId={programId}>
          <SurveyBuilderPage programId={programId} surveyId={surveyId} />
        </ProgramConsoleGate>
      </RequireSignIn>
    );
  },
});
