import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { RoundsPage } from './rounds-page';

export const Route = createLazyRoute('/manage/programs/$programId/rounds')({
  component: function RoundsRoute() {
    const { programId } = Route.useParams();
    return (
      <RequireSignIn>
        <RoundsPage programId={programId} />
      </RequireSignIn>
    );
  },
});
