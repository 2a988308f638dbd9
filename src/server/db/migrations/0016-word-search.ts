import { type Kysely, sql } from 'kysely';
import { searchDocument } from '../../../shared/domain/search.ts';
import { runStatements } from './run-statements.ts';

/**
 * Word search (decision 0022). `search_text` becomes the words of each row as searchDocument writes
 * them (folded, separated by single spaces), and `search_vector` its full-text vector under the
 * `simple` configuration, which cuts at spaces and keeps every word as it is: generated, so that it
 * is kept up to date by every write of `search_text`, and indexed with GIN. Meetings get a search
 * text of their own (title and conclusions).
 */
const SEARCHABLE = ['organization', 'person', 'directive_document', 'task', 'feedback_item'] as const;
const BATCH = 2_000;

/** Rewrites the old folded text in words, in batches of ids: the rule is JavaScript's (searchDocument). */
async function rewriteSearchText(db: Kysely<unknown>, table: string): Promise<void> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<{ id: string; search_text: string }>`
      SELECT id, search_text FROM ${sql.table(table)} WHERE id > ${after}::uuid ORDER BY id LIMIT ${BATCH}
    `.execute(db);
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const changed = rows
      .map((row) => ({ id: row.id, text: searchDocument(row.search_text) }))
      .filter((row, index) => row.text !== rows[index]!.search_text);
    if (changed.length === 0) continue;
    await sql`
      UPDATE ${sql.table(table)} AS t SET search_text = v.text
      FROM (SELECT unnest(${changed.map((row) => row.id)}::uuid[]) AS id,
                   unnest(${changed.map((row) => row.text)}::text[]) AS text) AS v
      WHERE t.id = v.id
    `.execute(db);
  }
}

async function fillMeetingSearchText(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: string; title: string; conclusions: string | null }>`
    SELECT m.id, m.title, string_agg(c.text, ' ' ORDER BY c.number) AS conclusions
    FROM meeting m LEFT JOIN meeting_conclusion c ON c.meeting_id = m.id GROUP BY m.id
  `.execute(db);
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await sql`
      UPDATE meeting AS m SET search_text = v.text
      FROM (SELECT unnest(${batch.map((row) => row.id)}::uuid[]) AS id,
                   unnest(${batch.map((row) => searchDocument(row.title, row.conclusions ?? ''))}::text[]) AS text) AS v
      WHERE m.id = v.id
    `.execute(db);
  }
}

const vectorOf = (table: string) => `
  ALTER TABLE ${table} ADD COLUMN search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;
  CREATE INDEX ${table}_search_vector_idx ON ${table} USING gin (search_vector);
`;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of SEARCHABLE) await rewriteSearchText(db, table);
  await runStatements(db, `ALTER TABLE meeting ADD COLUMN search_text text NOT NULL DEFAULT ''`);
  await fillMeetingSearchText(db);
  await runStatements(db, `ALTER TABLE meeting ALTER COLUMN search_text DROP DEFAULT`);
  for (const table of [...SEARCHABLE, 'meeting']) await runStatements(db, vectorOf(table));
}
