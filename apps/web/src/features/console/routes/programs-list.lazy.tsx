import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProgramsListPage } from './programs-list-page';

export const Route = createLazyRoute('/manage/programs')({
  component: function ProgramsListRoute() {
    return (
      <RequireSignIn>
        <ProgramsListPage />
      </RequireSignIn>
    );
  },
});
