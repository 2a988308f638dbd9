import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { negotiateLocale } from '../../../shared/i18n/index.ts';
import {
  FeedbackStatisticsQuerySchema,
  FeedbackStatisticsSchema,
} from '../../../shared/schemas/feedback-statistics.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { exportableResponse, requestedFormat, sendExport } from '../spreadsheets/export-negotiation.ts';
import { exportFeedbackStatistics } from './feedback-statistics.export.ts';
import { getFeedbackStatistics } from './feedback-statistics.service.ts';

export const feedbackStatisticsRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/feedback/statistics',
    {
      schema: {
        tags: ['Feedback'],
        summary:
          'Response times per organization of a scope, for items received in a period: medians in working days, shares within the service level, overdue',
        querystring: FeedbackStatisticsQuerySchema,
        response: {
          200: exportableResponse(FeedbackStatisticsSchema, 'The statistics'),
          ...problems(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const statistics = await getFeedbackStatistics(db, requirePrincipal(request), request.query);
      const format = requestedFormat(request.query.format, request.headers.accept);
      if (format === 'json') return statistics;
      const locale = negotiateLocale(request.headers['accept-language']);
      return sendExport(reply, await exportFeedbackStatistics(statistics, format, locale));
    },
  );
};
