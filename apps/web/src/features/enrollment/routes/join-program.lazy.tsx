import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { JoinProgramPage } from './join-program-page';

export const Route = createLazyRoute('/programs/$programId/join')({
  component: function JoinRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <JoinProgramPage programId={programId} />
      </RequireSignIn>
    );
  },
});
