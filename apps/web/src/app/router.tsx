import { createRootRoute, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { AuthCallbackPage, RequireSignIn, SignInPage, useAuth } from '../features/auth';
import { JoinProgramPage } from '../features/enrollment/routes/join-program-page';
import { ProgramPage } from '../features/mentoring/routes/program-page';
import { HomePage } from '../features/programs/routes/home-page';
import { SessionPage } from '../features/workspace/routes/session-page';
import { WorkspacePage } from '../features/workspace/routes/workspace-page';
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

const workspaceRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/mentorships/$mentorshipId',
  component: function WorkspaceRoute() {
    const { mentorshipId } = workspaceRoute.useParams();
    return (
      <RequireSignIn>
        <WorkspacePage mentorshipId={mentorshipId} />
      </RequireSignIn>
    );
  },
});
const sessionRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sessions/$sessionId',
  component: function SessionRoute() {
    const { sessionId } = sessionRoute.useParams();
    return (
      <RequireSignIn>
        <SessionPage sessionId={sessionId} />
      </RequireSignIn>
    );
  },
});

export const routeTree = rootRoute.addChildren([
  indexRoute,
  callbackRoute,
  programRoute,
  joinRoute,
  workspaceRoute,
  sessionRoute,
]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history && { history }) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
