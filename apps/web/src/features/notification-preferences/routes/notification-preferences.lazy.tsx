import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { NotificationPreferencesPage } from './notification-preferences-page';

export const Route = createLazyRoute('/settings/notifications')({
  component: function NotificationPreferencesRoute() {
    return (
      <RequireSignIn>
        <NotificationPreferencesPage />
      </RequireSignIn>
    );
  },
});
