import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { RequestPage } from './request-page';

export const Route = createLazyRoute('/matching/requests/$requestId')({
  component: function RequestRoute() {
    const { requestId } = Route.useParams();
    return (
      <RequireSignIn>
        <RequestPage requestId={requestId} />
      </RequireSignIn>
    );
  },
});
