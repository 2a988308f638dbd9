import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdSchema, pageOf, safeText } from '../../../shared/schemas/common.ts';
import {
  CreatePersonSchema,
  GrantRoleSchema,
  ListPeopleQuerySchema,
  PersonSchema,
  UpdatePersonSchema,
} from '../../../shared/schemas/people.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { requireIfMatch, setVersionTag } from '../../http/versioning.ts';
import * as service from './people.service.ts';

const tags = ['People and roles'];
const PersonParams = z.object({ id: IdSchema });

export const peopleRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'People within the caller’s scopes, searchable by name or e-mail ignoring diacritics',
        querystring: ListPeopleQuerySchema,
        response: { 200: pageOf(PersonSchema), ...problems(401, 403, 404) },
      },
    },
    async (request) => service.listPeople(db, requirePrincipal(request), request.query),
  );

  app.post(
    '/api/v1/people',
    {
      schema: {
        tags,
        summary: 'Create a person in an organization the caller administers',
        body: CreatePersonSchema,
        response: { 201: PersonSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const person = await service.createPerson(db, requirePrincipal(request), request.body);
      setVersionTag(reply, person.version);
      return reply.status(201).send(person);
    },
  );

  app.get(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: 'One person with roles',
        params: PersonParams,
        response: { 200: PersonSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const person = await service.getPerson(db, requirePrincipal(request), request.params.id);
      setVersionTag(reply, person.version);
      return person;
    },
  );

  app.patch(
    '/api/v1/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person’s name, language or active state (If-Match required)',
        params: PersonParams,
        headers: z.object({ 'if-match': safeText().max(50).optional() }),
        body: UpdatePersonSchema,
        response: { 200: PersonSchema, ...problems(401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const person = await service.updatePerson(
        db,
        principal,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, person.version);
      return person;
    },
  );

  app.post(
    '/api/v1/people/:id/roles',
    {
      schema: {
        tags,
        summary: 'Grant a role within an organization’s scope',
        params: PersonParams,
        body: GrantRoleSchema,
        response: { 201: PersonSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const person = await service.grantRole(db, requirePrincipal(request), request.params.id, request.body);
      return reply.status(201).send(person);
    },
  );

  app.delete(
    '/api/v1/people/:id/roles/:assignmentId',
    {
      schema: {
        tags,
        summary: 'Revoke a role',
        params: PersonParams.extend({ assignmentId: IdSchema }),
        response: { 200: PersonSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) =>
      service.revokeRole(db, requirePrincipal(request), request.params.id, request.params.assignmentId),
  );
};
