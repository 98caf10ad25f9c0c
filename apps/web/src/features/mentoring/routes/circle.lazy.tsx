import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { CirclePage } from './circle-page';

export const Route = createLazyRoute('/circles/$circleId')({
  component: function CircleRoute() {
    const { circleId } = Route.useParams();
    return (
      <RequireSignIn>
        <CirclePage circleId={circleId} />
      </RequireSignIn>
    );
  },
});
