import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { ProposalPage } from './proposal-page';

export const Route = createLazyRoute('/matching/proposals/$proposalId')({
  component: function ProposalRoute() {
    const { proposalId } = Route.useParams();
    return (
      <RequireSignIn>
        <ProposalPage proposalId={proposalId} />
      </RequireSignIn>
    );
  },
});
