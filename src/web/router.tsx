import type { QueryClient } from '@tanstack/react-query';
import {
  Outlet,
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RouteError } from './components/route-error.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { validateDocumentListSearch, validateMeetingListSearch } from './features/directives/directive-list-search.ts';
import { validateFeedbackQueueSearch } from './features/feedback/feedback-queue-search.ts';
import type { FeedbackStatisticsSearch } from './features/feedback/feedback-statistics-api.ts';
import type { PublicAnswersSearch } from './features/feedback/feedback-api.ts';
import { validateTaskListSearch } from './features/tasks/task-list-search.ts';
import {
  optionalDate,
  optionalList,
  optionalOneOf,
  optionalPositiveInteger,
  optionalString,
  pagingOf,
} from './lib/search-params.ts';
import { FEEDBACK_FIELDS, FEEDBACK_TYPES } from '../shared/domain/feedback.ts';
import { INDICATOR_LEVELS, OBSERVATION_STATES } from '../shared/domain/indicator-values.ts';
import type { IndicatorListSearch, ScorecardSearch, ValueQueueSearch } from './features/indicators/indicators-api.ts';
import { canImportTasks, canReadTasks, mayDo, sessionQuery } from './lib/session.ts';

/*
 * Each page is its own chunk, loaded when its route matches (or on hover of a link to it, with
 * `defaultPreload: 'intent'`): a phone opening the sign-in page downloads the shell and that page,
 * not the whole app (decision 0025). The sign-in page stays in the entry chunk: it is where everyone starts.
 */
interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteError,
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: optionalString(search.redirect),
  }),
  component: SignInPage,
});

/** Pages for the public, without an account: send feedback, follow it, read published answers. */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  component: lazyRouteComponent(() => import('./features/public/public-layout.tsx'), 'PublicLayout'),
});

export const sendFeedbackRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/send-feedback',
  component: lazyRouteComponent(() => import('./features/feedback/submit-feedback-page.tsx'), 'SubmitFeedbackPage'),
});

/** The tracking code lives in the URL, so that the link given with the receipt opens the status. */
export const trackRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/track',
  validateSearch: (search: Record<string, unknown>): { code?: string } => ({ code: optionalString(search.code) }),
  component: lazyRouteComponent(() => import('./features/feedback/track-feedback-page.tsx'), 'TrackFeedbackPage'),
});

export const answersRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/answers',
  validateSearch: (search: Record<string, unknown>): PublicAnswersSearch => {
    const cursor = optionalString(search.cursor);
    return {
      type: optionalList(search.type, FEEDBACK_TYPES),
      field: optionalList(search.field, FEEDBACK_FIELDS),
      q: optionalString(search.q),
      cursor,
      page: cursor ? optionalPositiveInteger(search.page) : undefined,
    };
  },
  component: lazyRouteComponent(() => import('./features/feedback/public-answers-page.tsx'), 'PublicAnswersPage'),
});

/** Every page but sign-in needs a session: without one, go to sign-in and come back after. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: lazyRouteComponent(() => import('./components/app-layout.tsx'), 'AppLayout'),
});

/** The landing page: the dashboard for those who follow tasks, the organizations for the others. */
const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    if (canReadTasks(context.session)) throw redirect({ to: '/dashboard', search: {} });
    throw redirect({ to: '/organizations', search: { org: undefined } });
  },
});

/** Scope and date live in the URL: a link to the dashboard shows the same figures to whoever opens it. */
export const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: (search: Record<string, unknown>): { scope?: string; as_of?: string } => ({
    scope: optionalString(search.scope),
    as_of: optionalDate(search.as_of),
  }),
  component: lazyRouteComponent(() => import('./features/dashboard/dashboard-page.tsx'), 'DashboardPage'),
});

export const taskListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: validateTaskListSearch,
  component: lazyRouteComponent(() => import('./features/tasks/task-list-page.tsx'), 'TaskListPage'),
});

/** A new task, or with `parent` a sub-task cascaded from it. */
export const newTaskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/new',
  validateSearch: (search: Record<string, unknown>): { parent?: string } => ({
    parent: optionalString(search.parent),
  }),
  component: lazyRouteComponent(() => import('./features/tasks/new-task-page.tsx'), 'NewTaskPage'),
});

/** Tasks from an Excel sheet: steering only (the server checks the scope again). */
export const taskImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/import',
  validateSearch: (search: Record<string, unknown>): { job?: string } => ({ job: optionalString(search.job) }),
  beforeLoad: ({ context }) => {
    if (!canImportTasks(context.session)) throw redirect({ to: '/tasks', search: {} });
  },
  component: lazyRouteComponent(() => import('./features/task-import/task-import-page.tsx'), 'TaskImportPage'),
});

export const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  validateSearch: (search: Record<string, unknown>): { as_of?: string } => ({ as_of: optionalDate(search.as_of) }),
  component: lazyRouteComponent(() => import('./features/tasks/task-page.tsx'), 'TaskPage'),
});

/** Directive documents are public texts: every signed-in person reads them; registering needs directive.write. */
export const documentListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directives',
  validateSearch: validateDocumentListSearch,
  component: lazyRouteComponent(() => import('./features/directives/document-list-page.tsx'), 'DocumentListPage'),
});

export const newDocumentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directives/new',
  beforeLoad: ({ context }) => {
    if (!mayDo(context.session, 'directive.write')) throw redirect({ to: '/directives', search: {} });
  },
  component: lazyRouteComponent(() => import('./features/directives/new-document-page.tsx'), 'NewDocumentPage'),
});

export const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/directives/$documentId',
  component: lazyRouteComponent(() => import('./features/directives/document-page.tsx'), 'DocumentPage'),
});

/** Meetings are read within the reader's task scope, as the server checks. */
export const meetingListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings',
  validateSearch: validateMeetingListSearch,
  component: lazyRouteComponent(() => import('./features/directives/meeting-list-page.tsx'), 'MeetingListPage'),
});

export const newMeetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/new',
  beforeLoad: ({ context }) => {
    if (!mayDo(context.session, 'directive.write')) throw redirect({ to: '/meetings', search: {} });
  },
  component: lazyRouteComponent(() => import('./features/directives/new-meeting-page.tsx'), 'NewMeetingPage'),
});

export const meetingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/meetings/$meetingId',
  component: lazyRouteComponent(() => import('./features/directives/meeting-page.tsx'), 'MeetingPage'),
});

export const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations',
  validateSearch: (search: Record<string, unknown>): { org?: string } => ({ org: optionalString(search.org) }),
  component: lazyRouteComponent(() => import('./features/organizations/organizations-page.tsx'), 'OrganizationsPage'),
});

export const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): { person?: string } => ({
    person: optionalString(search.person),
  }),
  component: lazyRouteComponent(() => import('./features/people/people-page.tsx'), 'PeoplePage'),
});

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(() => import('./features/audit/audit-page.tsx'), 'AuditPage'),
});

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  component: lazyRouteComponent(() => import('./features/calendar/calendar-page.tsx'), 'CalendarPage'),
});

/** The handlers' pages: feedback.read (the server checks each item's scope again). */
export const feedbackQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/feedback',
  validateSearch: validateFeedbackQueueSearch,
  beforeLoad: ({ context }) => {
    if (!mayDo(context.session, 'feedback.read')) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./features/feedback/feedback-queue-page.tsx'), 'FeedbackQueuePage'),
});

export const feedbackStatisticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/feedback/statistics',
  validateSearch: (search: Record<string, unknown>): FeedbackStatisticsSearch => ({
    scope: optionalString(search.scope),
    received_from: optionalDate(search.received_from),
    received_to: optionalDate(search.received_to),
    as_of: optionalDate(search.as_of),
  }),
  beforeLoad: ({ context }) => {
    if (!mayDo(context.session, 'feedback.read')) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(
    () => import('./features/feedback/feedback-statistics-page.tsx'),
    'FeedbackStatisticsPage',
  ),
});

/** Indicators: filters and date in the URL, so that a link shows the same standings to whoever opens it. */
export const indicatorListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators',
  validateSearch: (search: Record<string, unknown>): IndicatorListSearch => ({
    q: optionalString(search.q),
    level: optionalOneOf(search.level, INDICATOR_LEVELS),
    group: optionalString(search.group),
    as_of: optionalDate(search.as_of),
    ...pagingOf(search),
  }),
  component: lazyRouteComponent(() => import('./features/indicators/indicator-list-page.tsx'), 'IndicatorListPage'),
});

export const indicatorRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicators/$indicatorId',
  validateSearch: (search: Record<string, unknown>): { as_of?: string; org?: string } => ({
    as_of: optionalDate(search.as_of),
    org: optionalString(search.org),
  }),
  component: lazyRouteComponent(() => import('./features/indicators/indicator-page.tsx'), 'IndicatorPage'),
});

export const valueQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/indicator-values',
  validateSearch: (search: Record<string, unknown>): ValueQueueSearch => ({
    state: optionalOneOf(search.state, OBSERVATION_STATES),
    ...pagingOf(search),
  }),
  component: lazyRouteComponent(() => import('./features/indicators/value-queue-page.tsx'), 'ValueQueuePage'),
});

export const scorecardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/scorecards',
  validateSearch: (search: Record<string, unknown>): ScorecardSearch => ({
    kind: optionalOneOf(search.kind, ['ministries', 'provinces'] as const),
    period: optionalString(search.period),
  }),
  component: lazyRouteComponent(() => import('./features/indicators/scorecards-page.tsx'), 'ScorecardsPage'),
});

export const heatMapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/heat-map',
  validateSearch: (search: Record<string, unknown>): { period?: string; by?: string } => ({
    period: optionalString(search.period),
    by: optionalString(search.by),
  }),
  component: lazyRouteComponent(() => import('./features/indicators/heat-map-page.tsx'), 'HeatMapPage'),
});

export const feedbackItemRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/feedback/$feedbackId',
  component: lazyRouteComponent(() => import('./features/feedback/feedback-item-page.tsx'), 'FeedbackItemPage'),
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  publicRoute.addChildren([sendFeedbackRoute, trackRoute, answersRoute]),
  appRoute.addChildren([
    indexRoute,
    dashboardRoute,
    taskListRoute,
    newTaskRoute,
    taskImportRoute,
    taskRoute,
    documentListRoute,
    newDocumentRoute,
    documentRoute,
    meetingListRoute,
    newMeetingRoute,
    meetingRoute,
    organizationsRoute,
    peopleRoute,
    auditRoute,
    calendarRoute,
    feedbackQueueRoute,
    feedbackStatisticsRoute,
    feedbackItemRoute,
    indicatorListRoute,
    indicatorRoute,
    valueQueueRoute,
    scorecardsRoute,
    heatMapRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
