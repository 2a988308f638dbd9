import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

const secondsFromNow = (seconds: number) => sql<Date>`now() + make_interval(secs => ${seconds})`;

/**
 * Claims (person, key) for one request until `claimSeconds` from now, and returns the claim's
 * token; undefined when the key is held. A key whose time ran out — a claim whose request died
 * with its process, or an answer kept past its time — is taken over in the same statement: of
 * two concurrent claims, the row lock lets one through.
 */
export async function claim(
  db: Db,
  personId: string,
  key: string,
  requestHash: string,
  claimSeconds: number,
): Promise<string | undefined> {
  const token = randomUUID();
  const claimed = {
    request_hash: requestHash,
    status_code: 0,
    response: '{}',
    claim_token: token,
    created_at: sql<Date>`now()`,
    expires_at: secondsFromNow(claimSeconds),
  };
  const row = await db
    .insertInto('idempotency_key')
    .values({ person_id: personId, key, ...claimed })
    .onConflict((conflict) =>
      conflict
        .columns(['person_id', 'key'])
        .doUpdateSet(claimed)
        .where('idempotency_key.expires_at', '<=', sql<Date>`now()`),
    )
    .returning('claim_token')
    .executeTakeFirst();
  return row ? token : undefined;
}

export async function find(db: Db, personId: string, key: string) {
  return db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'status_code', 'response'])
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Stores the answer for retries until `keepSeconds` from now, if the claim is still `token`'s. */
export async function complete(
  db: Db,
  personId: string,
  key: string,
  token: string,
  answer: { statusCode: number; response: unknown; keepSeconds: number },
) {
  await db
    .updateTable('idempotency_key')
    .set({
      status_code: answer.statusCode,
      response: JSON.stringify(answer.response),
      expires_at: secondsFromNow(answer.keepSeconds),
    })
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .where('claim_token', '=', token)
    .execute();
}

/** Gives the key up after a failed request, if the claim is still `token`'s. */
export async function release(db: Db, personId: string, key: string, token: string) {
  await db
    .deleteFrom('idempotency_key')
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .where('claim_token', '=', token)
    .execute();
}

/** Deletes every key whose time ran out: abandoned claims and answers kept long enough. */
export async function purgeExpired(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('idempotency_key')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
