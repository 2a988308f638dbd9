import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { negotiateLocale } from '../../../shared/i18n/index.ts';
import { DashboardQuerySchema, DashboardSchema } from '../../../shared/schemas/dashboard.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { exportableResponse, requestedFormat, sendExport } from '../spreadsheets/export-negotiation.ts';
import { exportDashboard } from './dashboard-export.service.ts';
import { getDashboard } from './dashboard.service.ts';

export const dashboardRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/dashboard',
    {
      schema: {
        tags: ['Dashboard'],
        summary: 'Headline, breakdowns, overdue list and ranking of a scope as of a date',
        querystring: DashboardQuerySchema,
        response: { 200: exportableResponse(DashboardSchema, 'The dashboard'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const format = requestedFormat(request.query.format, request.headers.accept);
      if (format === 'json') return getDashboard(db, requirePrincipal(request), request.query);
      const locale = negotiateLocale(request.headers['accept-language']);
      return sendExport(reply, await exportDashboard(db, requirePrincipal(request), request.query, format, locale));
    },
  );
};
