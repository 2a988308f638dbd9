import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../http/context.ts';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), kind: z.enum(['pglite', 'postgres']), latencyMs: z.number() }),
});

export const healthRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database }) => {
  app.get(
    '/api/v1/health',
    { schema: { tags: ['Health'], summary: 'Liveness and database state', security: [], response: { 200: HealthSchema, 503: HealthSchema } } },
    async (_request, reply) => {
      const started = performance.now();
      const up = await sql`SELECT 1`.execute(database.db).then(
        () => true,
        () => false,
      );
      const body = {
        status: up ? ('ok' as const) : ('degraded' as const),
        database: { status: up ? ('up' as const) : ('down' as const), kind: database.kind, latencyMs: Math.round(performance.now() - started) },
      };
      return reply.status(up ? 200 : 503).send(body);
    },
  );
};
