import { sql } from 'kysely';
import { type Db, isUniqueViolation } from '../../db/database.ts';
import { duplicateField } from '../../errors.ts';
import { escapeLike } from '../../kernel/like-patterns.ts';
import type { OrganizationTable } from '../../db/schema.ts';
import { matchesWords } from '../../db/search-sql.ts';

export type OrganizationRow = Omit<
  OrganizationTable,
  'id' | 'version' | 'child_count' | 'created_at' | 'updated_at'
> & {
  id: string;
  version: number;
  child_count: number;
  parent_name_vi: string | null;
  parent_name_en: string | null;
};

export type NewOrganizationRow = Omit<
  OrganizationTable,
  'id' | 'version' | 'child_count' | 'created_at' | 'updated_at'
> & {
  id: string;
};

const C = sql`COLLATE "C"`;

function selectOrganizations(db: Db) {
  return db
    .selectFrom('organization as o')
    .leftJoin('organization as parent', 'parent.id', 'o.parent_id')
    .select([
      'o.id',
      'o.code',
      'o.kind',
      'o.name_vi',
      'o.name_en',
      'o.parent_id',
      'o.path',
      'o.depth',
      'o.sort_key',
      'o.search_text',
      'o.version',
      'o.child_count',
      'parent.name_vi as parent_name_vi',
      'parent.name_en as parent_name_en',
    ]);
}

export async function findByIdOrCode(db: Db, idOrCode: string): Promise<OrganizationRow | undefined> {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrCode);
  return selectOrganizations(db)
    .where(isUuid ? 'o.id' : 'o.code', '=', idOrCode)
    .executeTakeFirst() as Promise<OrganizationRow | undefined>;
}

export async function findManyByIds(db: Db, ids: string[]): Promise<OrganizationRow[]> {
  if (ids.length === 0) return [];
  // One array parameter, not one parameter an id: a dashboard asks for some 3,400 at once, and a
  // list that long costs more to parse and plan than to read.
  return selectOrganizations(db)
    .where('o.id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute() as Promise<OrganizationRow[]>;
}

export interface OrganizationName {
  id: string;
  code: string;
  name_vi: string;
  name_en: string;
}

/**
 * The code and names of every organization within a path: what a dashboard labels its rows with.
 * Read by path rather than by id, so that the whole country's 3,440 lead agencies cost one scan
 * of a small table, in parallel with their counts, instead of a join the planner misjudges.
 */
export async function namesWithin(db: Db, path: string): Promise<OrganizationName[]> {
  return db
    .selectFrom('organization')
    .select(['id', 'code', 'name_vi', 'name_en'])
    .where('path', 'like', `${escapeLike(path)}%`)
    .execute();
}

export interface OrganizationFilter {
  parentId?: string;
  withinPath?: string;
  words?: string[];
  kind?: string;
  afterSortKey?: string;
  limit: number;
}

export async function list(db: Db, filter: OrganizationFilter): Promise<OrganizationRow[]> {
  let query = selectOrganizations(db)
    .orderBy(sql`o.sort_key ${C}`)
    .limit(filter.limit);
  if (filter.parentId) query = query.where('o.parent_id', '=', filter.parentId);
  if (!filter.parentId && !filter.withinPath && !filter.words?.length && !filter.kind)
    query = query.where('o.parent_id', 'is', null);
  if (filter.withinPath) query = query.where('o.path', 'like', `${filter.withinPath}%`);
  if (filter.words?.length) query = query.where(matchesWords('o', filter.words));
  if (filter.kind) query = query.where('o.kind', '=', filter.kind as OrganizationTable['kind']);
  if (filter.afterSortKey) query = query.where(sql<boolean>`o.sort_key ${C} > ${filter.afterSortKey}`);
  return query.execute() as Promise<OrganizationRow[]>;
}

export async function existingCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await db.selectFrom('organization').select('code').where('code', 'in', codes).execute();
  return new Set(rows.map((row) => row.code));
}

export async function insertMany(db: Db, rows: NewOrganizationRow[]): Promise<void> {
  try {
    for (let start = 0; start < rows.length; start += 1000) {
      await db
        .insertInto('organization')
        .values(rows.slice(start, start + 1000))
        .execute();
    }
  } catch (error) {
    // Two concurrent creates with one code both pass the service's check; the index refuses one.
    if (!isUniqueViolation(error)) throw error;
    throw duplicateField('code', 'An organization code is already used');
  }
  const added = new Map<string, number>();
  for (const row of rows) if (row.parent_id) added.set(row.parent_id, (added.get(row.parent_id) ?? 0) + 1);
  for (const [parentId, count] of added) {
    await db
      .updateTable('organization')
      .set({ child_count: sql`child_count + ${count}` })
      .where('id', '=', parentId)
      .execute();
  }
}

export async function updateIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Pick<OrganizationTable, 'name_vi' | 'name_en' | 'kind' | 'search_text' | 'sort_key'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('organization')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Paths of the roots. Country-wide settings (the holiday calendar, the evaluation settings) are set
 * only by an administrator of a whole tree, found among these.
 */
export async function rootPaths(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('organization').select('path').where('parent_id', 'is', null).execute();
  return rows.map((row) => row.path);
}
