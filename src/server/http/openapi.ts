import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { ProblemSchema } from '../../shared/schemas/common.ts';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Steerboard API',
        version: '1.0.0',
        description:
          'Monitoring and evaluation of a programme, intake of feedback, public portal. Errors are RFC 9457 problem+json; readings take `scope` and `as_of`.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sb_session' },
          bearer: { type: 'http', scheme: 'bearer', description: 'API token created at /api/v1/auth/tokens' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Error responses for a route's schema: every route documents the problems it may return. */
export function problems(...statuses: number[]): Record<number, typeof ProblemSchema> {
  const all = [...new Set([400, 500, ...statuses])];
  return Object.fromEntries(all.map((status) => [status, ProblemSchema.describe('Problem details (RFC 9457)')]));
}
