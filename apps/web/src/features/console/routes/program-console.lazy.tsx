import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramConsolePage } from './program-console-page';

export const Route = createLazyRoute('/manage/programs/$programId')({
  component: function ProgramConsoleRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProgramConsolePage programId={programId} />
      </RequireSignIn>
    );
  },
});
