import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateOrganizationSchema,
  ListOrganizationsQuerySchema,
  OrganizationDetailSchema,
  OrganizationSchema,
  UpdateOrganizationSchema,
} from '../../../shared/schemas/organizations.ts';
import { IdSchema, pageOf, safeText } from '../../../shared/schemas/common.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import { requireIfMatch, setVersionTag } from '../../http/versioning.ts';
import * as service from './organizations.service.ts';

const tags = ['Organizations'];

export const organizationRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        summary: 'List organizations (public): the roots, the children of `parent`, or a search ignoring diacritics',
        querystring: ListOrganizationsQuerySchema,
        response: { 200: pageOf(OrganizationSchema), ...problems(401, 404) },
      },
    },
    // The directory of state bodies is public: the public feedback form names the organization concerned.
    async (request) => service.listOrganizations(db, request.query),
  );

  app.get(
    // `{id}` as on PATCH, so that the document has one path (two names at one place are an error
    // for OpenAPI tools); a code is read here too, as the description says.
    '/api/v1/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organization with its ancestors (public)',
        params: z.object({
          id: safeText().max(100).describe('The organization’s id, or its code (01 for Hanoi)'),
        }),
        response: { 200: OrganizationDetailSchema, ...problems(401, 404) },
      },
    },
    async (request, reply) => {
      const organization = await service.getOrganizationDetail(db, request.params.id);
      setVersionTag(reply, organization.version);
      return organization;
    },
  );

  app.post(
    '/api/v1/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organization under a parent the caller administers',
        body: CreateOrganizationSchema,
        response: { 201: OrganizationSchema, ...problems(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const created = await service.createOrganization(db, requirePrincipal(request), request.body);
      setVersionTag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Rename or reclassify an organization (If-Match required)',
        params: z.object({ id: IdSchema }),
        headers: z.object({ 'if-match': safeText().max(50).optional() }),
        body: UpdateOrganizationSchema,
        response: { 200: OrganizationSchema, ...problems(401, 403, 404, 412, 428) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const updated = await service.updateOrganization(
        db,
        principal,
        request.params.id,
        requireIfMatch(request),
        request.body,
      );
      setVersionTag(reply, updated.version);
      return updated;
    },
  );
};
