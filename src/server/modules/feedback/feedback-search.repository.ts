import type { Db } from '../../db/database.ts';
import { matchesWords, RANKED_CANDIDATES, wordRank } from '../../db/search-sql.ts';
import { assignedWithin } from './feedback-queue.repository.ts';

function selectHits(db: Db) {
  return db
    .selectFrom('feedback_item as f')
    .leftJoin('organization as assigned', 'assigned.id', 'f.assigned_organization_id')
    .select([
      'f.id',
      'f.tracking_code',
      'f.title',
      'f.state',
      'f.received_on',
      'f.assigned_path',
      'assigned.name_vi as assigned_name_vi',
      'assigned.name_en as assigned_name_en',
    ]);
}

/** Items holding every word, assigned within one of `scopePaths` (undefined: all), best ranked first. */
export async function searchItems(db: Db, words: string[], scopePaths: string[] | undefined, limit: number) {
  let candidates = db
    .selectFrom('feedback_item as f')
    .select(['f.id', wordRank('f', words).as('rank')])
    .where(matchesWords('f', words));
  if (scopePaths) candidates = candidates.where(assignedWithin('f.assigned_path', scopePaths));
  return selectHits(db)
    .innerJoin(candidates.limit(RANKED_CANDIDATES).as('c'), 'c.id', 'f.id')
    .orderBy('c.rank', 'desc')
    .orderBy('f.received_at', 'desc')
    .orderBy('f.id')
    .limit(limit)
    .execute();
}

export type FeedbackHitRow = Awaited<ReturnType<typeof searchItems>>[number];

export async function findHitByTrackingCode(db: Db, trackingCode: string): Promise<FeedbackHitRow | undefined> {
  return selectHits(db).where('f.tracking_code', '=', trackingCode).executeTakeFirst();
}
