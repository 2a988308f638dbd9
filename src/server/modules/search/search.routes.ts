import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuerySchema, SearchResultSchema } from '../../../shared/schemas/search.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import * as service from './search.service.ts';

export const searchRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['Search'],
        summary: 'Search tasks, feedback, directive documents, meetings and organizations at once',
        description:
          'Finds what the caller may read that holds every word of `q`, in any order, ignoring case and diacritics ' +
          '(đ as d), the last word as a prefix; each group is ranked, words close together and short texts first. ' +
          'A task code, a feedback tracking code (for its handlers) or a document number typed as `q` is answered in ' +
          '`goTo`, so that a client opens that item directly.',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problems(401) },
      },
    },
    async (request) => service.search(db, requirePrincipal(request), request.query),
  );
};
