import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openPglite, openPostgres } from '../database.ts';
import { createScratchDatabase, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { MIGRATIONS } from './index.ts';

/**
 * Migration 0016 on a database that already holds rows: their old folded text (punctuation kept,
 * as foldForSearch wrote it) becomes words, meetings get theirs from title and conclusions, and
 * the generated vectors find them by words in any order.
 */
describe.each(TEST_DATABASE_KINDS)('migration 0016 (word search) on %s', (kind) => {
  let handle: DatabaseHandle;
  let drop = async () => {};

  beforeAll(async () => {
    if (kind === 'pglite') handle = await openPglite(undefined);
    else {
      const scratch = await createScratchDatabase(process.env.DATABASE_URL!);
      handle = await openPostgres(scratch.url);
      drop = scratch.drop;
    }
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'schema_migration',
      migrationLockTableName: 'schema_migration_lock',
    });
    const { error } = await migrator.migrateTo('0014-confidential-task-index');
    if (error) throw error;
    await sql`
      INSERT INTO organization (id, code, kind, name_vi, name_en, path, depth, sort_key, search_text)
      VALUES ('00000000-0000-0000-0000-000000000001', '01', 'province', 'Thành phố Hà Nội', 'Hanoi',
              '/00000000-0000-0000-0000-000000000001/', 1, '01', 'thanh pho ha noi | hanoi | 01')`.execute(handle.db);
    await sql`
      INSERT INTO directive_document (number, doc_type, issuer_organization_id, issued_on, title, search_text)
      VALUES ('57-NQ/TW', 'resolution', '00000000-0000-0000-0000-000000000001', '2024-12-22',
              'Về đột phá phát triển khoa học, công nghệ', '57-nq/tw ve dot pha phat trien khoa hoc, cong nghe')`.execute(
      handle.db,
    );
    await sql`
      INSERT INTO meeting (id, organization_id, held_on, title)
      VALUES ('00000000-0000-0000-0000-0000000000aa', '00000000-0000-0000-0000-000000000001', '2025-06-02',
              'Phiên họp Ban Chỉ đạo')`.execute(handle.db);
    await sql`
      INSERT INTO meeting_conclusion (meeting_id, number, text)
      VALUES ('00000000-0000-0000-0000-0000000000aa', 1, 'Thử nghiệm fintech có kiểm soát')`.execute(handle.db);
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    await drop();
  });

  const textOf = async (table: 'organization' | 'directive_document' | 'meeting') =>
    (await sql<{ search_text: string }>`SELECT search_text FROM ${sql.table(table)}`.execute(handle.db)).rows.map(
      (row) => row.search_text,
    );
  const matches = async (table: string, query: string) =>
    (
      await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE search_vector @@ cast(${query} as tsquery)`.execute(
        handle.db,
      )
    ).rows[0]?.n;

  it('rewrites the old folded text as words', async () => {
    expect(await textOf('organization')).toEqual(['thanh pho ha noi hanoi 01']);
    expect(await textOf('directive_document')).toEqual(['57 nq tw ve dot pha phat trien khoa hoc cong nghe']);
  });

  it('gives meetings the words of their title and conclusions', async () => {
    expect(await textOf('meeting')).toEqual(['phien hop ban chi dao thu nghiem fintech co kiem soat']);
  });

  it('indexes them for words in any order', async () => {
    expect(await matches('organization', `'hanoi' & 'pho'`)).toBe(1);
    expect(await matches('directive_document', `'cong' & 'khoa' & 'nq'`)).toBe(1);
    expect(await matches('meeting', `'fintech' & 'phien':*`)).toBe(1);
    expect(await matches('meeting', `'sandbox'`)).toBe(0);
  });
});
