import type { Db } from '../../db/database.ts';
import { matchesWords, RANKED_CANDIDATES, wordRank } from '../../db/search-sql.ts';

/** Organizations holding every word of their names or code, best ranked first, higher in the tree first among equals. */
export async function searchOrganizations(db: Db, words: string[], limit: number) {
  const candidates = db
    .selectFrom('organization as o')
    .select(['o.id', wordRank('o', words).as('rank')])
    .where(matchesWords('o', words))
    .limit(RANKED_CANDIDATES)
    .as('c');
  return db
    .selectFrom('organization as o')
    .innerJoin(candidates, 'c.id', 'o.id')
    .leftJoin('organization as parent', 'parent.id', 'o.parent_id')
    .select([
      'o.id',
      'o.code',
      'o.name_vi',
      'o.name_en',
      'parent.name_vi as parent_name_vi',
      'parent.name_en as parent_name_en',
    ])
    .orderBy('c.rank', 'desc')
    .orderBy('o.depth')
    .orderBy('o.sort_key')
    .limit(limit)
    .execute();
}
