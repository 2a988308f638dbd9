import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeText } from '../../../shared/schemas/common.ts';
import {
  CalendarYearParamsSchema,
  CalendarYearSchema,
  PutCalendarYearSchema,
} from '../../../shared/schemas/calendar.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { optionalIfMatch, setVersionTag } from '../../http/versioning.ts';
import * as service from './calendar.service.ts';

const tags = ['Holiday calendar'];

export const calendarRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        summary: "A year's holidays and make-up working days: as an administrator set them, else the statutory ones",
        params: CalendarYearParamsSchema,
        response: { 200: CalendarYearSchema, ...problems(400, 401) },
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      const calendar = await service.getCalendarYear(db, request.params.year);
      // A statutory year has nothing to match yet: its first PUT goes without If-Match.
      if (calendar.version > 0) setVersionTag(reply, calendar.version);
      return calendar;
    },
  );
  app.put(
    '/api/v1/calendar/years/:year',
    {
      schema: {
        tags,
        summary: "Set a year's calendar from the Government's announcement (root administrators; If-Match once set)",
        params: CalendarYearParamsSchema,
        headers: z.object({ 'if-match': safeText().max(50).optional() }),
        body: PutCalendarYearSchema,
        response: { 200: CalendarYearSchema, ...problems(400, 401, 403, 412, 428) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const saved = await service.putCalendarYear(
        db,
        principal,
        request.params.year,
        optionalIfMatch(request),
        request.body,
      );
      setVersionTag(reply, saved.version);
      return saved;
    },
  );
};
