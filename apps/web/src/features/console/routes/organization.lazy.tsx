import { createLazyRoute } from '@tanstack/react-router';
import { RequireSignIn } from '../../auth';
import { OrganizationPage } from './organization-page';

export const Route = createLazyRoute('/manage/organization')({
  component: function OrganizationRoute() {
    return (
      <RequireSignIn>
        <OrganizationPage />
      </RequireSignIn>
    );
  },
});
