import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/database.ts';

export interface Health {
  status: 'ok' | 'degraded';
  database: { status: 'up' | 'down'; kind: DatabaseHandle['kind']; latencyMs: number };
}

/** A round trip to the database: the one dependency without which nothing works. */
export async function checkHealth(database: DatabaseHandle): Promise<Health> {
  const started = performance.now();
  const up = await sql`SELECT 1`.execute(database.db).then(
    () => true,
    () => false,
  );
  return {
    status: up ? 'ok' : 'degraded',
    database: { status: up ? 'up' : 'down', kind: database.kind, latencyMs: Math.round(performance.now() - started) },
  };
}
