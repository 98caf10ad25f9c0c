import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { RoundPage } from './round-page';

export const Route = createLazyRoute('/manage/programs/$programId/rounds/$roundId')({
  component: function RoundRoute() {
    const { programId, roundId } = Route.useParams();
    return (
      <RequireSignIn>
        <RoundPage programId={programId} roundId={roundId} />
      </RequireSignIn>
    );
  },
});
