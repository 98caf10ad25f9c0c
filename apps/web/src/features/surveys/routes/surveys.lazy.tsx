import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsoleGate } from '../../console/components/program-console-gate';
import { SurveysPage } from './surveys-page';

export const Route = createLazyRoute('/manage/programs/$programId/surveys')({
  component: function SurveysRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsoleGate programId={programId}>
          <SurveysPage programId={programId} />
        </ProgramConsoleGate>
      </RequireSignIn>
    );
  },
});
