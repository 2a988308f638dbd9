import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntrySchema, AuditVerificationSchema, ListAuditQuerySchema } from '../../../shared/schemas/audit.ts';
import { pageOf } from '../../../shared/schemas/common.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import * as service from './audit.service.ts';

const tags = ['Audit trail'];

export const auditRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags,
        summary: 'Audit entries, newest first: admins see their scope, inspectors everything',
        querystring: ListAuditQuerySchema,
        response: { 200: pageOf(AuditEntrySchema), ...problems(401, 403) },
      },
    },
    async (request) => service.list(db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/audit/verify',
    {
      schema: {
        tags,
        summary: 'Recompute the hash chain: reports any edited, inserted or deleted entry',
        response: { 200: AuditVerificationSchema, ...problems(401, 403) },
      },
    },
    async (request) => {
      service.requireVerifier(requirePrincipal(request));
      return service.verify(db);
    },
  );
};
