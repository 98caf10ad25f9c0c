import { createRootRouteWithContext, createRoute, createRouter, type RouterHistory } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../components/loading-state';
import { SignInPage, useAuth } from '../features/auth';
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

// Only the first page (`/`: home or sign-in landing) is in the initial bundle. Every other route declares its path
// here and its component in a `*.lazy.tsx` file of its feature (`createLazyRoute('<path>')({ component })`), named
// only by `.lazy(() => import(…))`: that file and whatever only it uses become a chunk of their own, which the router
// fetches before it renders the route, or earlier when a link to it is hovered or focused (defaultPreload 'intent').
// Never import a `*.lazy.tsx` file or its page statically, or its code is back in the first page's bundle (ADR 0009).
// The texts of pages other than `/` come with them, like their code: awaited before such a route renders, fetched
// when a link to one is hovered or focused (src/lib/i18n.ts).
interface RouterContext {
  loadPageTexts: () => Promise<void>;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: AppShellLayout,
  notFoundComponent: NotFoundPage,
  beforeLoad: ({ location, context }) => (location.pathname === '/' ? undefined : context.loadPageTexts()),
});
const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: IndexPage });
const callbackRoute = createRoute({ getParentRoute: () => rootRoute, path: '/auth/callback' }).lazy(() =>
  import('../features/auth/routes/auth-callback.lazy').then((m) => m.Route),
);
const programRoute = createRoute({ getParentRoute: () => rootRoute, path: '/programs/$programId' }).lazy(() =>
  import('../features/mentoring/routes/program.lazy').then((m) => m.Route),
);
const joinRoute = createRoute({ getParentRoute: () => rootRoute, path: '/programs/$programId/join' }).lazy(() =>
  import('../features/enrollment/routes/join-program.lazy').then((m) => m.Route),
);

const inboxRoute = createRoute({ getParentRoute: () => rootRoute, path: '/inbox' }).lazy(() =>
  import('../features/inbox/routes/inbox.lazy').then((m) => m.Route),
);
const notificationSettingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/settings/notifications',
}).lazy(() => import('../features/notification-preferences/routes/notification-preferences.lazy').then((m) => m.Route));
const proposalRoute = createRoute({ getParentRoute: () => rootRoute, path: '/matching/proposals/$proposalId' }).lazy(
  () => import('../features/proposals/routes/proposal.lazy').then((m) => m.Route),
);
const requestRoute = createRoute({ getParentRoute: () => rootRoute, path: '/matching/requests/$requestId' }).lazy(() =>
  import('../features/proposals/routes/request.lazy').then((m) => m.Route),
);

const workspaceRoute = createRoute({ getParentRoute: () => rootRoute, path: '/mentorships/$mentorshipId' }).lazy(() =>
  import('../features/workspace/routes/workspace.lazy').then((m) => m.Route),
);
// A circle's page with its conversation (where a circle's unread-message email leads).
const circleRoute = createRoute({ getParentRoute: () => rootRoute, path: '/circles/$circleId' }).lazy(() =>
  import('../features/mentoring/routes/circle.lazy').then((m) => m.Route),
);
const sessionRoute = createRoute({ getParentRoute: () => rootRoute, path: '/sessions/$sessionId' }).lazy(() =>
  import('../features/workspace/routes/session.lazy').then((m) => m.Route),
);
const consoleProgramsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programs' }).lazy(() =>
  import('../features/console/routes/programs-list.lazy').then((m) => m.Route),
);
const consoleProgramRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programs/$programId' }).lazy(
  () => import('../features/console/routes/program-console.lazy').then((m) => m.Route),
);
const consoleOrganizationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/organization' }).lazy(
  () => import('../features/console/routes/organization.lazy').then((m) => m.Route),
);
// The program manager's console (matching rounds of a program they manage).
const roundsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programs/$programId/rounds' }).lazy(
  () => import('../features/rounds/routes/rounds.lazy').then((m) => m.Route),
);
const roundRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/programs/$programId/rounds/$roundId',
}).lazy(() => import('../features/rounds/routes/round.lazy').then((m) => m.Route));
// Program surveys: the manager's list, builder and results; participants answer at one address per occurrence.
const surveysRoute = createRoute({ getParentRoute: () => rootRoute, path: '/manage/programs/$programId/surveys' }).lazy(
  () => import('../features/surveys/routes/surveys.lazy').then((m) => m.Route),
);
const surveyBuilderRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/programs/$programId/surveys/$surveyId',
}).lazy(() => import('../features/surveys/routes/survey-builder.lazy').then((m) => m.Route));
const surveyResultsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/manage/programs/$programId/surveys/$surveyId/results',
}).lazy(() => import('../features/surveys/routes/survey-results.lazy').then((m) => m.Route));
const surveyAnswerRoute = createRoute({ getParentRoute: () => rootRoute, path: '/surveys/$occurrenceId' }).lazy(() =>
  import('../features/surveys/routes/survey-answer.lazy').then((m) => m.Route),
);
export const routeTree = rootRoute.addChildren([
  indexRoute,
  callbackRoute,
  programRoute,
  joinRoute,
  inboxRoute,
  notificationSettingsRoute,
  proposalRoute,
  requestRoute,
  workspaceRoute,
  circleRoute,
  sessionRoute,
  consoleProgramsRoute,
  consoleProgramRoute,
  consoleOrganizationRoute,
  roundsRoute,
  roundRoute,
  surveysRoute,
  surveyBuilderRoute,
  surveyResultsRoute,
  surveyAnswerRoute,
]);

export function createAppRouter({ loadPageTexts, history }: RouterContext & { history?: RouterHistory }) {
  return createRouter({
    routeTree,
    context: { loadPageTexts },
    defaultPreload: 'intent',
    // Shown when a route's chunk takes longer than a second (the router's defaultPendingMs) to arrive.
    defaultPendingComponent: RoutePending,
    ...(history && { history }),
  });
}

function RoutePending() {
  const { t } = useTranslation();
  return <LoadingState label={t('app.loading')} />;
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
