import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { InboxPage } from './inbox-page';

export const Route = createLazyRoute('/inbox')({
  component: function InboxRoute() {
    return (
      <RequireSignIn>
        <InboxPage />
      </RequireSignIn>
    );
  },
});
