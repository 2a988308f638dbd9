import { type RawBuilder, sql } from 'kysely';

/**
 * The word search of shared/domain/search.ts in SQL (decision 0022): a row matches when its
 * `search_vector` holds every word of the query, the last one as a prefix (it may be unfinished).
 * Words are letters, marks and digits only, so each is a plain lexeme of the tsquery; the query is
 * cast rather than parsed by to_tsquery, so that PostgreSQL reads exactly the words given.
 */
export function tsqueryOf(words: readonly string[]): string {
  return words.map((word, index) => `'${word}'${index === words.length - 1 ? ':*' : ''}`).join(' & ');
}

/** Whether the row of `alias` holds every word; true when there are none (an empty query filters nothing). */
export function matchesWords(alias: string, words: readonly string[]): RawBuilder<boolean> {
  if (words.length === 0) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(`${alias}.search_vector`)} @@ cast(${tsqueryOf(words)} as tsquery)`;
}

/**
 * How many matching rows of one kind are ranked at most. Ranking reads each row's vector, so a query
 * matching a tenth of 200,000 tasks took most of a second; past this many, its best items are taken
 * among the first rows the index yields (the reader narrows it with a word). Every item shown still
 * holds every word. Measured in bench/search.bench.ts (decision 0022).
 */
export const RANKED_CANDIDATES = 500;

/**
 * How well the row answers the words: cover density (words close together and in order weigh more),
 * divided by 1 + the log of the row's length, so that a short name made of the words comes first.
 */
export function wordRank(alias: string, words: readonly string[]): RawBuilder<number> {
  return sql<number>`ts_rank_cd(${sql.ref(`${alias}.search_vector`)}, cast(${tsqueryOf(words)} as tsquery), 1)`;
}
