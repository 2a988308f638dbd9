import type { SelectQueryBuilder } from 'kysely';
import { type ListCount, listCountOf } from '../../shared/domain/list-count.ts';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/**
 * A list's count (ListCount, decision 0023): the matches of `matches` counted up to `cap` and no
 * further. The LIMIT inside lets PostgreSQL stop reading at the cap's next row, and plan for it.
 */
export async function countUpTo<DB extends Database, TB extends keyof DB, O>(
  db: Db,
  matches: SelectQueryBuilder<DB, TB, O>,
  cap: number,
): Promise<ListCount> {
  const row = await db
    .selectFrom(matches.limit(cap + 1).as('matches'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return listCountOf(Number(row.n), cap);
}
