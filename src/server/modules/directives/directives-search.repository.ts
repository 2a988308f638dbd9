import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchesWords, RANKED_CANDIDATES, wordRank } from '../../db/search-sql.ts';
import { escapeLike } from '../../kernel/like-patterns.ts';

function selectDocumentHits(db: Db) {
  return db
    .selectFrom('directive_document as d')
    .innerJoin('organization as o', 'o.id', 'd.issuer_organization_id')
    .select(['d.id', 'd.number', 'd.title', 'd.issued_on', 'o.name_vi', 'o.name_en']);
}

/** Documents holding every word, best ranked first, the newest first among equals. */
export async function searchDocuments(db: Db, words: string[], limit: number) {
  const candidates = db
    .selectFrom('directive_document as d')
    .select(['d.id', wordRank('d', words).as('rank')])
    .where(matchesWords('d', words))
    .limit(RANKED_CANDIDATES)
    .as('c');
  return selectDocumentHits(db)
    .innerJoin(candidates, 'c.id', 'd.id')
    .orderBy('c.rank', 'desc')
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.number')
    .limit(limit)
    .execute();
}

export type DocumentHitRow = Awaited<ReturnType<typeof searchDocuments>>[number];

/** A document by its number as typed, case aside (57-NQ/TW, 01-CV/BCĐTW). */
export async function findDocumentHitByNumber(db: Db, number: string): Promise<DocumentHitRow | undefined> {
  return selectDocumentHits(db)
    .where(sql<boolean>`upper(d.number) = upper(${number})`)
    .executeTakeFirst();
}

/** Meetings holding every word (title, conclusions) held within one of `under` (or anywhere). */
export async function searchMeetings(db: Db, words: string[], under: 'everywhere' | string[], limit: number) {
  let candidates = db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['m.id', wordRank('m', words).as('rank')])
    .where(matchesWords('m', words));
  if (under !== 'everywhere') {
    if (under.length === 0) return [];
    candidates = candidates.where(
      sql<boolean>`o.path LIKE ANY (ARRAY[${sql.join(under.map((path) => `${escapeLike(path)}%`))}])`,
    );
  }
  return db
    .selectFrom('meeting as m')
    .innerJoin(candidates.limit(RANKED_CANDIDATES).as('c'), 'c.id', 'm.id')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.title', 'm.held_on', 'o.name_vi', 'o.name_en'])
    .orderBy('c.rank', 'desc')
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id')
    .limit(limit)
    .execute();
}

export type MeetingHitRow = Awaited<ReturnType<typeof searchMeetings>>[number];
