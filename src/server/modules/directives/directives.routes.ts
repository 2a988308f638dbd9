import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf } from '../../../shared/schemas/common.ts';
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
import * as service from './directives.service.ts';

const tags = ['Programmes and directives'];

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
        body: CreateDirectiveDocumentSchema,
        response: { 201: DirectiveDocumentSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createDocument(db, requirePrincipal(request), request.body)),
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
        body: CreateMeetingSchema,
        response: { 201: MeetingSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createMeeting(db, requirePrincipal(request), request.body)),
  );
};
