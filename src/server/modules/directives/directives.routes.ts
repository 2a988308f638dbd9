import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, pageOf, safeText } from '../../../shared/schemas/common.ts';
import {
  CreateDirectiveDocumentSchema,
  CreateMeetingSchema,
  CreateProgrammeSchema,
  DirectiveDocumentSchema,
  ListDirectivesQuerySchema,
  ListMeetingsQuerySchema,
  MeetingSchema,
  ProgrammeSchema,
} from '../../../shared/schemas/directives.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { once } from '../idempotency/idempotency.service.ts';
import * as service from './directives.service.ts';

const tags = ['Programmes and directives'];
const Params = z.object({ id: IdSchema });
const IdempotencyHeaders = z.object({ 'idempotency-key': safeText().min(8).max(100).optional() });

export const directiveRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'Programmes with their task groups',
        response: { 200: z.object({ items: z.array(ProgrammeSchema) }), ...problems(401) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return { items: await service.listProgrammes(db) };
    },
  );
  app.post(
    '/api/v1/programmes',
    {
      schema: {
        tags,
        summary: 'Create a programme with its task groups',
        body: CreateProgrammeSchema,
        response: { 201: ProgrammeSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createProgramme(db, requirePrincipal(request), request.body)),
  );
  app.get(
    '/api/v1/directives',
    {
      schema: {
        tags,
        summary: 'Directive documents, newest first, searchable ignoring diacritics',
        querystring: ListDirectivesQuerySchema,
        response: { 200: pageOf(DirectiveDocumentSchema), ...problems(401) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return service.listDocuments(db, request.query);
    },
  );
  app.post(
    '/api/v1/directives',
    {
      schema: {
        tags,
        summary: 'Register a directive document',
        headers: IdempotencyHeaders,
        body: CreateDirectiveDocumentSchema,
        response: { 201: DirectiveDocumentSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { value } = await once(db, principal.personId, request.headers['idempotency-key'], request.body, () =>
        service.createDocument(db, principal, request.body),
      );
      return reply.status(201).send(value);
    },
  );
  app.get(
    '/api/v1/directives/:id',
    {
      schema: {
        tags,
        summary: 'A directive document',
        params: Params,
        response: { 200: DirectiveDocumentSchema, ...problems(401, 404) },
      },
    },
    async (request) => {
      requirePrincipal(request);
      return service.getDocument(db, request.params.id);
    },
  );
  app.get(
    '/api/v1/meetings',
    {
      schema: {
        tags,
        summary: 'Committee meetings of a scope with their conclusions',
        querystring: ListMeetingsQuerySchema,
        response: { 200: pageOf(MeetingSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => service.listMeetings(db, requirePrincipal(request), request.query),
  );
  app.post(
    '/api/v1/meetings',
    {
      schema: {
        tags,
        summary: 'Record a meeting and its conclusions',
        headers: IdempotencyHeaders,
        body: CreateMeetingSchema,
        response: { 201: MeetingSchema, ...problems(401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const { value } = await once(db, principal.personId, request.headers['idempotency-key'], request.body, () =>
        service.createMeeting(db, principal, request.body),
      );
      return reply.status(201).send(value);
    },
  );
  app.get(
    '/api/v1/meetings/:id',
    {
      schema: {
        tags,
        summary: 'A committee meeting with its conclusions',
        params: Params,
        response: { 200: MeetingSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => service.getMeeting(db, requirePrincipal(request), request.params.id),
  );
};
