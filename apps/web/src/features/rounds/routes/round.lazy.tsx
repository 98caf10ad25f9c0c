import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsoleGate } from '../../console/components/program-console-gate';
import { RoundPage } from './round-page';

export const Route = createLazyRoute('/manage/programs/$programId/rounds/$roundId')({
  component: function RoundRoute() {
    const { programId, roundId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsoleGate programId={programId}>
          <RoundPage programId={programId} roundId={roundId} />
        </ProgramConsoleGate>
      </RequireSignIn>
    );
  },
});
