import { createRootRoute, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { AuthCallbackPage, RequireSignIn, SignInPage, useAuth } from '../features/auth';
import { JoinProgramPage } from '../features/enrollment/routes/join-program-page';
import { ProgramPage } from '../features/mentoring/routes/program-page';
import { HomePage } from '../features/programs/routes/home-page';
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

export const routeTree = rootRoute.addChildren([indexRoute, callbackRoute, programRoute, joinRoute]);

export function createAppRouter(history?: RouterHistory) {
  return createRouter({ routeTree, ...(history && { history }) });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
