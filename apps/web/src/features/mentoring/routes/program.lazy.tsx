import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramPage } from './program-page';

export const Route = createLazyRoute('/programs/$programId')({
  component: function ProgramRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramPage programId={programId} />
      </RequireSignIn>
    );
  },
});
