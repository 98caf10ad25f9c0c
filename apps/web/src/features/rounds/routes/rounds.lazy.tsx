import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsoleGate } from '../../console/components/program-console-gate';
import { RoundsPage } from './rounds-page';

export const Route = createLazyRoute('/manage/programs/$programId/rounds')({
  component: function RoundsRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsoleGate programId={programId}>
          <RoundsPage programId={programId} />
        </ProgramConsoleGate>
      </RequireSignIn>
    );
  },
});
