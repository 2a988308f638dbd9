import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenSchema,
  CreateApiTokenSchema,
  CreatedApiTokenSchema,
  SessionSchema,
  SignInSchema,
} from '../../../shared/schemas/auth.ts';
import { IdSchema } from '../../../shared/schemas/common.ts';
import { AppError } from '../../errors.ts';
import { clearSessionCookie, requirePrincipal, setSessionCookie } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problems } from '../../http/openapi.ts';
import * as tokens from './api-tokens.service.ts';
import * as service from './auth.service.ts';

const tags = ['Authentication'];

export const authRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db }, config }) => {
  app.post(
    '/api/v1/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        security: [],
        body: SignInSchema,
        response: { 200: SessionSchema, ...problems(401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { cookieToken, session } = await service.signIn(db, request.body, request.ip, config.sessionTtlHours);
      setSessionCookie(reply, cookieToken, config.sessionTtlHours, config.cookieSecure);
      return session;
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    { schema: { tags, summary: 'End the session', response: { 204: z.null(), ...problems(401, 403) } } },
    async (request, reply) => {
      if (request.sessionToken) await service.signOut(db, request.sessionToken);
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      schema: {
        tags,
        summary: 'The signed-in person, their roles and the CSRF token',
        response: { 200: SessionSchema, ...problems(401) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!request.csrfToken) throw new AppError('unauthenticated', 'No session: API tokens have none');
      return service.describeSession(db, principal.personId, request.csrfToken);
    },
  );

  app.get(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'The caller’s API tokens',
        response: { 200: z.object({ items: z.array(ApiTokenSchema) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await tokens.listApiTokens(db, requirePrincipal(request)) }),
  );

  app.post(
    '/api/v1/auth/tokens',
    {
      schema: {
        tags,
        summary: 'Create an API token acting with the caller’s roles; the secret is returned once',
        description:
          'A token created with a token records it as its parent: it expires no later than the parent (more days ' +
          'than the parent has left are refused with 400 on expiresInDays) and stops working when any token above ' +
          'it is revoked or expires.',
        body: CreateApiTokenSchema,
        response: { 201: CreatedApiTokenSchema, ...problems(401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tokens.createApiToken(db, requirePrincipal(request), request.body)),
  );

  app.delete(
    '/api/v1/auth/tokens/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API token',
        params: z.object({ id: IdSchema }),
        response: { 204: z.null(), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await tokens.revokeApiToken(db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
