import type { QueryClient } from '@tanstack/react-query';
import { Outlet, createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { AppLayout } from './components/app-layout.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RouteError } from './components/route-error.tsx';
import { TaskImportPage } from './features/task-import/task-import-page.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { DashboardPage } from './features/dashboard/dashboard-page.tsx';
import { OrganizationsPage } from './features/organizations/organizations-page.tsx';
import { PeoplePage } from './features/people/people-page.tsx';
import { NewTaskPage } from './features/tasks/new-task-page.tsx';
import { validateTaskListSearch } from './features/tasks/task-list-search.ts';
import { TaskListPage } from './features/tasks/task-list-page.tsx';
import { TaskPage } from './features/tasks/task-page.tsx';
import { optionalDate, optionalString } from './lib/search-params.ts';
import { canImportTasks, canReadTasks, sessionQuery } from './lib/session.ts';

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

/** Every page but sign-in needs a session: without one, go to sign-in and come back after. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const session = await context.queryClient.ensureQueryData(sessionQuery);
    if (!session) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { session };
  },
  component: AppLayout,
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
  component: DashboardPage,
});

export const taskListRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  validateSearch: validateTaskListSearch,
  component: TaskListPage,
});

/** A new task, or with `parent` a sub-task cascaded from it. */
export const newTaskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/new',
  validateSearch: (search: Record<string, unknown>): { parent?: string } => ({
    parent: optionalString(search.parent),
  }),
  component: NewTaskPage,
});

/** Tasks from an Excel sheet: steering only (the server checks the scope again). */
export const taskImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/import',
  beforeLoad: ({ context }) => {
    if (!canImportTasks(context.session)) throw redirect({ to: '/tasks', search: {} });
  },
  component: TaskImportPage,
});

export const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  validateSearch: (search: Record<string, unknown>): { as_of?: string } => ({ as_of: optionalDate(search.as_of) }),
  component: TaskPage,
});

export const organizationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/organizations',
  validateSearch: (search: Record<string, unknown>): { org?: string } => ({ org: optionalString(search.org) }),
  component: OrganizationsPage,
});

export const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/people',
  validateSearch: (search: Record<string, unknown>): { person?: string } => ({
    person: optionalString(search.person),
  }),
  component: PeoplePage,
});

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: AuditPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    indexRoute,
    dashboardRoute,
    taskListRoute,
    newTaskRoute,
    taskImportRoute,
    taskRoute,
    organizationsRoute,
    peopleRoute,
    auditRoute,
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
