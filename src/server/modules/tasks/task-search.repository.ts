import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchesWords, RANKED_CANDIDATES, wordRank } from '../../db/search-sql.ts';
import { confidentialVisible, takesPartWithin, type TaskFilter } from './task-queries.repository.ts';

export interface TaskSearchReach {
  /** Where the reader reads tasks (`task.read`): led, assigned or coordinated within one of them. */
  readableUnder: 'everywhere' | string[];
  confidential?: TaskFilter['confidential'];
}

function selectHits(db: Db) {
  return db
    .selectFrom('task as t')
    .innerJoin('organization as lead', 'lead.id', 't.lead_organization_id')
    .select([
      't.id',
      't.code',
      't.title',
      't.state',
      't.effective_deadline',
      't.lead_path',
      't.is_confidential',
      'lead.name_vi as lead_name_vi',
      'lead.name_en as lead_name_en',
    ]);
}

/** The tasks holding every word that the reader may read, best ranked first (among RANKED_CANDIDATES). */
export async function searchTasks(db: Db, words: string[], reach: TaskSearchReach, limit: number) {
  let candidates = db
    .selectFrom('task as t')
    .select(['t.id', wordRank('t', words).as('rank')])
    .where(matchesWords('t', words));
  if (reach.readableUnder !== 'everywhere') candidates = candidates.where(takesPartWithin('t', reach.readableUnder));
  if (reach.confidential) candidates = candidates.where(confidentialVisible(reach.confidential));
  return selectHits(db)
    .innerJoin(candidates.limit(RANKED_CANDIDATES).as('c'), 'c.id', 't.id')
    .orderBy('c.rank', 'desc')
    .orderBy(sql`t.code COLLATE "C"`)
    .limit(limit)
    .execute();
}

export type TaskHitRow = Awaited<ReturnType<typeof searchTasks>>[number];

/** The task of this code, whoever may read it: the caller checks. */
export async function findTaskIdByCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('task').select('id').where('code', '=', code).executeTakeFirst();
  return row?.id;
}

export async function findHit(db: Db, id: string): Promise<TaskHitRow | undefined> {
  return selectHits(db).where('t.id', '=', id).executeTakeFirst();
}
