import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export async function countRecentFailures(db: Db, column: 'email' | 'ip', value: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('sign_in_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', value)
    .where('succeeded', '=', false)
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function recordAttempt(db: Db, email: string, ip: string, succeeded: boolean): Promise<void> {
  await db.insertInto('sign_in_attempt').values({ email, ip, succeeded }).execute();
}

export async function insertSession(
  db: Db,
  row: { token_hash: string; person_id: string; csrf_token: string; expires_at: Date },
) {
  await db.insertInto('session').values(row).execute();
}

/** A live session with its person's grants, one row per grant: one round trip on every request. */
export async function findSessionWithGrants(db: Db, tokenHash: string) {
  return db
    .selectFrom('session')
    .innerJoin('person', 'person.id', 'session.person_id')
    .leftJoin('role_assignment as r', 'r.person_id', 'person.id')
    .leftJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['session.person_id', 'session.csrf_token', 'person.organization_id', 'r.role', 'o.path'])
    .where('session.token_hash', '=', tokenHash)
    .where('session.expires_at', '>', new Date())
    .where('person.is_active', '=', true)
    .execute();
}

export async function deleteSession(db: Db, tokenHash: string) {
  return db.deleteFrom('session').where('token_hash', '=', tokenHash).returning('person_id').executeTakeFirst();
}

export async function deleteExpired(db: Db): Promise<void> {
  await db.deleteFrom('session').where('expires_at', '<', new Date()).execute();
  await db
    .deleteFrom('sign_in_attempt')
    .where('at', '<', sql<Date>`now() - interval '1 day'`)
    .execute();
}

export async function grantsOf(db: Db, personId: string) {
  return db
    .selectFrom('role_assignment as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['r.role', 'o.path'])
    .where('r.person_id', '=', personId)
    .execute();
}

export async function insertApiToken(
  db: Db,
  row: { person_id: string; name: string; prefix: string; token_hash: string; expires_at: Date },
) {
  return db.insertInto('api_token').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function findApiToken(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_token')
    .innerJoin('person', 'person.id', 'api_token.person_id')
    .select(['api_token.id', 'api_token.person_id', 'api_token.last_used_at', 'person.organization_id'])
    .where('api_token.token_hash', '=', tokenHash)
    .where('api_token.revoked_at', 'is', null)
    .where('api_token.expires_at', '>', new Date())
    .where('person.is_active', '=', true)
    .executeTakeFirst();
}

export async function touchApiToken(db: Db, id: string): Promise<void> {
  await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', id).execute();
}

export async function listApiTokens(db: Db, personId: string) {
  return db
    .selectFrom('api_token')
    .selectAll()
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiToken(db: Db, personId: string, id: string) {
  return db
    .updateTable('api_token')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}
