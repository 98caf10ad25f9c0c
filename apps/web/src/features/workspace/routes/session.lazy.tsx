import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { SessionPage } from './session-page';

export const Route = createLazyRoute('/sessions/$sessionId')({
  component: function SessionRoute() {
    const { sessionId } = Route.useParams();
    return (
      <RequireSignIn>
        <SessionPage sessionId={sessionId} />
      </RequireSignIn>
    );
  },
});
