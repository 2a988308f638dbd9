import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Reserves one failure in a sign-in bucket if it has room, in one upsert: the row is locked while
 * it is updated and the condition is tested on its latest version, so that concurrent attempts
 * cannot both take the last place. A window that ended before `windowEndedBy` starts again with
 * this attempt. False when the bucket is full.
 */
export async function reserveFailure(
  db: Db,
  bucket: string,
  maxFailures: number,
  windowEndedBy: Date,
  now: Date,
): Promise<boolean> {
  const ended = sql<boolean>`sign_in_throttle.window_start <= ${windowEndedBy}`;
  const row = await db
    .insertInto('sign_in_throttle')
    .values({ bucket, window_start: now, failures: 1 })
    .onConflict((conflict) =>
      conflict
        .column('bucket')
        .doUpdateSet({
          failures: sql<number>`CASE WHEN ${ended} THEN 1 ELSE sign_in_throttle.failures + 1 END`,
          window_start: sql<Date>`CASE WHEN ${ended} THEN ${now}::timestamptz ELSE sign_in_throttle.window_start END`,
        })
        .where((eb) => eb.or([ended, eb('sign_in_throttle.failures', '<', maxFailures)])),
    )
    .returning('failures')
    .executeTakeFirst();
  return row !== undefined;
}

export async function findThrottle(db: Db, bucket: string) {
  return db
    .selectFrom('sign_in_throttle')
    .select(['window_start', 'succeeded_at'])
    .where('bucket', '=', bucket)
    .executeTakeFirst();
}

/** Gives back reservations: the attempt was not a failure. */
export async function releaseFailures(db: Db, buckets: string[]): Promise<void> {
  if (buckets.length === 0) return;
  await db
    .updateTable('sign_in_throttle')
    .set({ failures: sql<number>`greatest(failures - 1, 0)` })
    .where('bucket', 'in', buckets)
    .execute();
}

/** A success from an address clears that account-and-address bucket and marks the address known. */
export async function recordSuccess(db: Db, bucket: string, now: Date): Promise<void> {
  await db
    .updateTable('sign_in_throttle')
    .set({ failures: 0, succeeded_at: now })
    .where('bucket', '=', bucket)
    .execute();
}

/** Drops buckets whose window has ended, unless they still mark a known address. */
export async function pruneThrottle(db: Db, windowsEndedBy: Date, knownSince: Date): Promise<void> {
  await db
    .deleteFrom('sign_in_throttle')
    .where('window_start', '<', windowsEndedBy)
    .where((eb) => eb.or([eb('succeeded_at', 'is', null), eb('succeeded_at', '<', knownSince)]))
    .execute();
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
  row: {
    person_id: string;
    name: string;
    prefix: string;
    token_hash: string;
    expires_at: Date;
    parent_id: string | null;
  },
) {
  return db.insertInto('api_token').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * A token that works: neither it nor any token above it (the token it was created with, and so
 * on) is revoked or expired, and its owner is active. The chain is read here, at every use, so that
 * a token created while its parent was being revoked dies with it all the same.
 */
export async function findApiToken(db: Db, tokenHash: string) {
  const now = new Date();
  return db
    .withRecursive('chain(id, parent_id, revoked_at, expires_at)', (qb) =>
      qb
        .selectFrom('api_token')
        .select(['id', 'parent_id', 'revoked_at', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .unionAll((above) =>
          above
            .selectFrom('api_token as t')
            .innerJoin('chain', 'chain.parent_id', 't.id')
            .select(['t.id', 't.parent_id', 't.revoked_at', 't.expires_at']),
        ),
    )
    .selectFrom('api_token')
    .innerJoin('person', 'person.id', 'api_token.person_id')
    .select(['api_token.id', 'api_token.person_id', 'api_token.last_used_at', 'person.organization_id'])
    .where('api_token.token_hash', '=', tokenHash)
    .where('person.is_active', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('chain')
            .select('chain.id')
            .where((eb) => eb.or([eb('chain.revoked_at', 'is not', null), eb('chain.expires_at', '<=', now)])),
        ),
      ),
    )
    .executeTakeFirst();
}

/** The token, locked until the transaction ends: a revocation of it waits, or is seen. */
export async function lockApiToken(db: Db, id: string) {
  return db
    .selectFrom('api_token')
    .select(['id', 'expires_at', 'revoked_at'])
    .where('id', '=', id)
    .forUpdate()
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

/** Revokes every token below this one (created with it, or with one of those, …); their ids. */
export async function revokeDescendants(db: Db, id: string): Promise<string[]> {
  const rows = await db
    .withRecursive('below(id)', (qb) =>
      qb
        .selectFrom('api_token')
        .select('id')
        .where('parent_id', '=', id)
        .unionAll((deeper) =>
          deeper.selectFrom('api_token as t').innerJoin('below', 'below.id', 't.parent_id').select('t.id'),
        ),
    )
    .updateTable('api_token')
    .set({ revoked_at: new Date() })
    .where('id', 'in', (eb) => eb.selectFrom('below').select('below.id'))
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}
