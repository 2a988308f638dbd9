import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, safeText } from '../../../shared/schemas/common.ts';
import {
  AsOfQuerySchema,
  CorrectObservationSchema,
  EnterObservationSchema,
  EvaluationSettingsSchema,
  IndicatorDefinitionSchema,
  IndicatorDetailSchema,
  IndicatorListQuerySchema,
  IndicatorPageSchema,
  ObservationDetailSchema,
  ObservationPageSchema,
  ObservationQueueQuerySchema,
  ObservationSchema,
  ObservationSeriesQuerySchema,
  PutEvaluationSettingsSchema,
  ReturnObservationSchema,
} from '../../../shared/schemas/indicators.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { optionalIfMatch, requireIfMatch, setVersionTag } from '../../http/versioning.ts';
import type { Actor } from '../../kernel/actor.ts';
import { once } from '../idempotency/idempotency.service.ts';
import { getEvaluationSettings, putEvaluationSettings } from './evaluation-settings.service.ts';
import * as observations from './indicator-observations.service.ts';
import * as readingValues from './indicator-observations-reading.service.ts';
import { createIndicator, getIndicator, listIndicators, updateIndicator } from './indicators.service.ts';
import { getScorecards } from './scorecards.service.ts';
import { ScorecardQuerySchema, ScorecardsSchema } from '../../../shared/schemas/scorecards.ts';

const tags = ['Indicators'];
const Params = z.object({ id: IdSchema });
const IdempotencyHeaders = z.object({ 'idempotency-key': safeText().min(8).max(100).optional() });
const IfMatchHeaders = z.object({ 'if-match': safeText().max(50).optional() });

export const indicatorRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  const actorOf = (request: FastifyRequest): Actor => ({ principal: requirePrincipal(request), now: new Date() });
  const tagged = <T extends { version: number }>(reply: FastifyReply, value: T): T => {
    setVersionTag(reply, value.version);
    return value;
  };

  app.get(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary:
          "Indicators with their headline standing as of a date: the responsible organization's latest approved value against its trajectory",
        querystring: IndicatorListQuerySchema,
        response: { 200: IndicatorPageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => listIndicators(db, requirePrincipal(request), request.query),
  );
  app.post(
    '/api/v1/indicators',
    {
      schema: {
        tags,
        summary:
          "Define a programme's indicator: unit, direction, baseline, targets, and the organizations that report it",
        headers: IdempotencyHeaders,
        body: IndicatorDefinitionSchema,
        response: { 201: IndicatorDetailSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { value } = await once(db, actor.principal.personId, request.headers['idempotency-key'], request.body, () =>
        createIndicator(db, actor, request.body),
      );
      return reply.status(201).send(tagged(reply, value));
    },
  );
  app.get(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags,
        summary:
          'An indicator with every reporting organization’s standing as of a date (achievement, status, staleness)',
        params: Params,
        querystring: AsOfQuerySchema,
        response: { 200: IndicatorDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      tagged(reply, await getIndicator(db, requirePrincipal(request), request.params.id, request.query.as_of)),
  );
  app.put(
    '/api/v1/indicators/:id',
    {
      schema: {
        tags,
        summary: 'Redefine an indicator as a whole (If-Match); organizations with values stay among its reporters',
        params: Params,
        headers: IfMatchHeaders,
        body: IndicatorDefinitionSchema,
        response: { 200: IndicatorDetailSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await updateIndicator(db, requirePrincipal(request), request.params.id, requireIfMatch(request), request.body),
      ),
  );

  app.get(
    '/api/v1/indicators/:id/observations',
    {
      schema: {
        tags,
        summary:
          "An indicator's values, one organization's or every reporter's the caller may read, oldest period first",
        params: Params,
        querystring: ObservationSeriesQuerySchema,
        response: { 200: z.object({ items: z.array(ObservationSchema) }), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: await readingValues.listSeries(
        db,
        requirePrincipal(request),
        request.params.id,
        request.query.organizationId,
      ),
    }),
  );
  app.post(
    '/api/v1/indicators/:id/observations',
    {
      schema: {
        tags,
        summary: "Report an organization's value for a period (its focal points); it waits for steering's approval",
        params: Params,
        headers: IdempotencyHeaders,
        body: EnterObservationSchema,
        response: { 201: ObservationDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { value } = await once(db, actor.principal.personId, request.headers['idempotency-key'], request.body, () =>
        observations.enterObservation(db, actor, request.params.id, request.body),
      );
      return reply.status(201).send(tagged(reply, value));
    },
  );

  app.get(
    '/api/v1/indicator-observations',
    {
      schema: {
        tags,
        summary:
          'Values in a state within the caller’s scope: the approval queue by default, the longest waiting first',
        querystring: ObservationQueueQuerySchema,
        response: { 200: ObservationPageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => readingValues.listQueue(db, requirePrincipal(request), request.query),
  );
  app.get(
    '/api/v1/indicator-observations/:id',
    {
      schema: {
        tags,
        summary: 'A value with its history: every entry, correction, approval and return',
        params: Params,
        response: { 200: ObservationDetailSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) =>
      tagged(reply, await readingValues.getObservation(db, requirePrincipal(request), request.params.id)),
  );
  app.put(
    '/api/v1/indicator-observations/:id',
    {
      schema: {
        tags,
        summary: 'Correct a value (If-Match): the old one stays in its history, and the new one waits for approval',
        params: Params,
        headers: IfMatchHeaders,
        body: CorrectObservationSchema,
        response: { 200: ObservationDetailSchema, ...problems(400, 401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await observations.correctObservation(
          db,
          actorOf(request),
          request.params.id,
          requireIfMatch(request),
          request.body,
        ),
      ),
  );
  app.post(
    '/api/v1/indicator-observations/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a value (steering; never the person who entered it): it becomes the value that counts',
        params: Params,
        headers: IfMatchHeaders,
        response: { 200: ObservationDetailSchema, ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await observations.approveObservation(db, actorOf(request), request.params.id, optionalIfMatch(request)),
      ),
  );
  app.post(
    '/api/v1/indicator-observations/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a value for correction, with the reason (steering; never the person who entered it)',
        params: Params,
        headers: IfMatchHeaders,
        body: ReturnObservationSchema,
        response: { 200: ObservationDetailSchema, ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) =>
      tagged(
        reply,
        await observations.returnObservation(
          db,
          actorOf(request),
          request.params.id,
          request.body.reason,
          optionalIfMatch(request),
        ),
      ),
  );

  app.get(
    '/api/v1/scorecards',
    {
      schema: {
        tags,
        summary:
          'The scorecards of the ministries or the provinces for a quarter: the published formula and weights, the ranking, the change since the quarter before',
        querystring: ScorecardQuerySchema,
        response: { 200: ScorecardsSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => getScorecards(db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/evaluation-settings',
    {
      schema: {
        tags,
        summary: 'The achievement thresholds of the statuses (on track, at risk, off track) in force',
        response: { 200: EvaluationSettingsSchema, ...problems(401) },
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      const settings = await getEvaluationSettings(db);
      if (settings.version > 0) setVersionTag(reply, settings.version);
      return settings;
    },
  );
  app.put(
    '/api/v1/evaluation-settings',
    {
      schema: {
        tags,
        summary: 'Set the status thresholds (administrators of the whole country; If-Match once set)',
        headers: IfMatchHeaders,
        body: PutEvaluationSettingsSchema,
        response: { 200: EvaluationSettingsSchema, ...problems(400, 401, 403, 412, 428) },
      },
    },
    async (request, reply) =>
      tagged(reply, await putEvaluationSettings(db, requirePrincipal(request), optionalIfMatch(request), request.body)),
  );
};
