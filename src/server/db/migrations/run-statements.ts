import { type Kysely, sql } from 'kysely';

/** Runs a migration's SQL one statement at a time: PGlite's extended protocol takes one per query. */
export async function runStatements(db: Kysely<unknown>, statements: string): Promise<void> {
  for (const statement of statements.split(/;\s*\n/).filter((part) => part.trim())) {
    await sql.raw(statement).execute(db);
  }
}
