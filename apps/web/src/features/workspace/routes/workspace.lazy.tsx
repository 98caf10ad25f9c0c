import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { WorkspacePage } from './workspace-page';

export const Route = createLazyRoute('/mentorships/$mentorshipId')({
  component: function WorkspaceRoute() {
    const { mentorshipId } = Route.useParams();
    return (
      <RequireSignIn>
        <WorkspacePage mentorshipId={mentorshipId} />
      </RequireSignIn>
    );
  },
});
