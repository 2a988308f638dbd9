import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, safeText } from '../../../shared/schemas/common.ts';
import {
  AdoptInitiativeSchema,
  InitiativeAdoptionSchema,
  InitiativeEvaluationsSchema,
  PutInitiativeEvaluationSchema,
} from '../../../shared/schemas/feedback-initiatives.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { once } from '../idempotency/idempotency.service.ts';
import { adoptInitiative, getInitiativeEvaluations, putMyEvaluation } from './initiatives.service.ts';

const tags = ['Feedback'];
const ItemParams = z.object({ id: IdSchema });

export const initiativeRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/feedback/:id/evaluations',
    {
      schema: {
        tags,
        summary: 'The evaluations of an initiative (novelty, feasibility, impact, resources, 1–5) and their means',
        params: ItemParams,
        response: { 200: InitiativeEvaluationsSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => getInitiativeEvaluations(db, requirePrincipal(request), request.params.id),
  );

  app.put(
    '/api/v1/feedback/:id/evaluations/mine',
    {
      schema: {
        tags,
        summary: 'Score an accepted initiative, or change one’s scores: one evaluation per handler',
        params: ItemParams,
        body: PutInitiativeEvaluationSchema,
        response: { 200: InitiativeEvaluationsSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      await putMyEvaluation(db, { principal, now: new Date() }, request.params.id, request.body);
      return getInitiativeEvaluations(db, principal, request.params.id);
    },
  );

  app.post(
    '/api/v1/feedback/:id/adoption',
    {
      schema: {
        tags,
        summary:
          'Adopt an initiative: it becomes a task of the chosen programme, assigned by the programme’s owner, linked both ways',
        params: ItemParams,
        headers: z.object({ 'idempotency-key': safeText().min(8).max(100).optional() }),
        body: AdoptInitiativeSchema,
        response: { 201: InitiativeAdoptionSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { value } = await once(
        db,
        principal.personId,
        request.headers['idempotency-key'],
        { id: request.params.id, ...request.body },
        () => adoptInitiative(db, { principal, now: new Date() }, request.params.id, request.body),
      );
      return reply.status(201).send(value);
    },
  );
};
