import type { QueryClient } from '@tanstack/react-query';
import { Outlet, createRootRouteWithContext, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { AppLayout } from './components/app-layout.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { RouteError } from './components/route-error.tsx';
import { AuditPage } from './features/audit/audit-page.tsx';
import { SignInPage } from './features/auth/sign-in-page.tsx';
import { OrganizationsPage } from './features/organizations/organizations-page.tsx';
import { PeoplePage } from './features/people/people-page.tsx';
import { sessionQuery } from './lib/session.ts';

interface RouterContext {
  queryClient: QueryClient;
}

const optionalString = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

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

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/organizations', search: { org: undefined } });
  },
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
  appRoute.addChildren([indexRoute, organizationsRoute, peopleRoute, auditRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({ routeTree, context: { queryClient }, defaultPreload: 'intent' });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
