import { createRootRoute, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { AuthCallbackPage, RequireSignIn, SignInPage, useAuth } from '../features/auth';
import { JoinProgramPage } from '../features/enrollment/routes/join-program-page';
import { InboxPage } from '../features/inbox/routes/inbox-page';
import { ProgramPage } from '../features/mentoring/routes/program-page';
import { NotificationPreferencesPage } from '../features/notification-preferences/routes/notification-preferences-page';
import { HomePage } from '../features/programs/routes/home-page';
import { ProposalPage } from '../features/proposals/routes/proposal-page';
import { RequestPage } from '../features/proposals/routes/request-page';
import { AppShellLayout } from './app-shell';
import { NotFoundPage } from './not-found-page';

/** `/` is the person's home once signed in, the sign-in landing page before. */
function IndexPage() {
  const { t } = useTranslation();
  const auth = useAuth();
  if (auth.status === 'loading') return <LoadingState label={t('app.loading')} />;
  return auth.status === 'signedIn' ? <HomePage /> : <SignInPage />;
}

const rootRoute = createRootRoute({ component: AppShellLayout, notFoundComponent: NotFoundPage });
const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: IndexPage });
const callbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/auth/callback',
  component: AuthCallbackPage,
});

const programRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$programId',
  component: function ProgramRoute() {
    const { programId } = programRoute.useParams();
    return (
      <RequireSignIn>
        <ProgramPage programId={programId} />
      </RequireSignIn>
    );
  },
});
const joinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/programs/$programId/join',
  component: function JoinRoute() {
    const { programId } = joinRoute.useParams();
    return (
      <RequireSignIn>
        <JoinProgramPage programId={programId} />
      </RequireSignIn>
    );
  },
});

const inboxRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/inbox',
  component: function InboxRoute() {
    return (
      <RequireSignIn>
        <InboxPage />
      </RequireSignIn>
    );
  },
});
const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/notifications',
  component: function NotificationSettingsRoute() {
    return (
      <RequireSignIn>
        <NotificationPreferencesPage />
      </RequireSignIn>
    );
  },
});
const proposalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/proposals/$proposalId',
  component: function ProposalRoute() {
    const { proposalId } = proposalRoute.useParams();
    return (
      <RequireSignIn>
        <ProposalPage proposalId={proposalId} />
      </RequireSignIn>
    );
  },
});
const requestRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/matching/requests/$requestId',
  component: function RequestRoute() {
    const { requestId } = requestRoute.useParams();
    return (
      <RequireSignIn>
        <RequestPage requestId={requestId} />
      </RequireSignIn>
    );
  },
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  callbackRoute,
  programRoute,
  joinRoute,
  inboxRoute,
  notificationSettingsRoute,
  proposalRoute,
  requestRoute,
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history && { history }) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
