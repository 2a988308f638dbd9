import type { Db } from '../../db/database.ts';

export async function claim(db: Db, personId: string, key: string, requestHash: string): Promise<boolean> {
  const inserted = await db
    .insertInto('idempotency_key')
    .values({ person_id: personId, key, request_hash: requestHash, status_code: 0, response: '{}' })
    .onConflict((conflict) => conflict.columns(['person_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function find(db: Db, personId: string, key: string) {
  return db
    .selectFrom('idempotency_key')
    .select(['request_hash', 'status_code', 'response'])
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function complete(db: Db, personId: string, key: string, statusCode: number, response: unknown) {
  await db
    .updateTable('idempotency_key')
    .set({ status_code: statusCode, response: JSON.stringify(response) })
    .where('person_id', '=', personId)
    .where('key', '=', key)
    .execute();
}

export async function release(db: Db, personId: string, key: string) {
  await db.deleteFrom('idempotency_key').where('person_id', '=', personId).where('key', '=', key).execute();
}
