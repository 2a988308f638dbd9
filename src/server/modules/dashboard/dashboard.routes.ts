import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DashboardQuerySchema, DashboardSchema } from '../../../shared/schemas/dashboard.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { getDashboard } from './dashboard.service.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['Dashboard'],
        summary: 'Headline, breakdowns, overdue list and ranking of a scope as of a date',
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => getDashboard(db, requirePrincipal(request), request.query),
  );
};
