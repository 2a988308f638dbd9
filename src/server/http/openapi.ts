import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ProblemSchema } from '../../shared/schemas/common.ts';
import { operationIdOf } from './operation-ids.ts';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * Any operation that reads a body may be refused before its handler runs: a body too large (413) or
 * of a media type it does not read (415). Documented on each such operation, so that a client
 * generated from the document knows these answers are problems too.
 */
function withBodyRefusals(input: TransformInput): TransformInput {
  const schema = input.schema as { body?: unknown; response?: Record<string, unknown> } | undefined;
  if (!schema?.body || !schema.response) return input;
  const response = { ...problems(413, 415), ...schema.response };
  return { ...input, schema: { ...schema, response } } as TransformInput;
}

/** The zod schemas as JSON Schema, and each operation's stable name from OPERATION_IDS. */
function transform(input: TransformInput) {
  const transformed = jsonSchemaTransform(withBodyRefusals(input));
  const { route } = input as TransformInput & { route: { method: string | string[] } };
  const method = Array.isArray(route.method) ? route.method.find((m) => m !== 'HEAD') : route.method;
  const operationId = method ? operationIdOf(method, input.url) : undefined;
  if (transformed.schema.hide || !operationId) return transformed;
  return { ...transformed, schema: { ...transformed.schema, operationId } };
}

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
    transform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** The media type every error is served in (problem.ts), so the one declared for it. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** A problem response whose body extends the Problem schema (an import's rejected rows…). */
export function problemResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema } } };
}

const problemDetails = problemResponse(ProblemSchema, 'Problem details (RFC 9457)');

/** Error responses for a route's schema: every route documents the problems it may return. */
export function problems(...statuses: number[]): Record<number, typeof problemDetails> {
  const all = [...new Set([400, 500, ...statuses])];
  return Object.fromEntries(all.map((status) => [status, problemDetails]));
}

/**
 * A 200 that is a stored file in its own media type (PDF, image, Office…): bytes, not JSON, so that
 * a generated client reads it as a blob rather than parsing it.
 */
export function fileDownload(what: string) {
  return {
    description: `${what}, in its own media type`,
    // Documented as a binary string; typed as the Buffer the handler sends (never serialized as JSON).
    content: { '*/*': { schema: z.string().meta({ format: 'binary' }).describe(what) as z.ZodType<string | Buffer> } },
  };
}
