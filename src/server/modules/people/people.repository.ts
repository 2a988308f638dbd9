import { sql } from 'kysely';
import { type Db, isUniqueViolation } from '../../db/database.ts';
import { matchesWords } from '../../db/search-sql.ts';
import { duplicateField } from '../../errors.ts';
import type { Updateable } from 'kysely';
import type { PersonTable } from '../../db/schema.ts';

export interface PersonRow {
  id: string;
  email: string;
  full_name: string;
  locale: PersonTable['locale'];
  organization_id: string;
  organization_name_vi: string;
  organization_path: string;
  is_active: boolean;
  version: number;
}

export interface RoleRow {
  id: string;
  person_id: string;
  role: 'admin' | 'steering' | 'focal_point' | 'leader' | 'feedback_handler' | 'inspector';
  organization_id: string;
  organization_code: string;
  organization_name_vi: string;
  organization_name_en: string;
  organization_path: string;
}

function selectPeople(db: Db) {
  return db
    .selectFrom('person as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select([
      'p.id',
      'p.email',
      'p.full_name',
      'p.locale',
      'p.organization_id',
      'o.name_vi as organization_name_vi',
      'o.path as organization_path',
      'p.is_active',
      'p.version',
    ]);
}

export async function findById(db: Db, id: string): Promise<PersonRow | undefined> {
  return selectPeople(db).where('p.id', '=', id).executeTakeFirst();
}

export async function findCredentialsByEmail(db: Db, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'password_hash', 'is_active'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function emailExists(db: Db, email: string): Promise<boolean> {
  return (await findCredentialsByEmail(db, email)) !== undefined;
}

export async function list(
  db: Db,
  filter: { withinPaths: string[] | 'everywhere'; words?: string[]; afterEmail?: string; limit: number },
): Promise<PersonRow[]> {
  let query = selectPeople(db)
    .orderBy(sql`lower(p.email) COLLATE "C"`)
    .limit(filter.limit);
  const paths = filter.withinPaths;
  if (paths !== 'everywhere') query = query.where((eb) => eb.or(paths.map((path) => eb('o.path', 'like', `${path}%`))));
  if (filter.words?.length) query = query.where(matchesWords('p', filter.words));
  if (filter.afterEmail) query = query.where(sql<boolean>`lower(p.email) COLLATE "C" > ${filter.afterEmail}`);
  return query.execute();
}

export async function rolesOf(db: Db, personIds: string[]): Promise<RoleRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('role_assignment as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .select([
      'r.id',
      'r.person_id',
      'r.role',
      'r.organization_id',
      'o.code as organization_code',
      'o.name_vi as organization_name_vi',
      'o.name_en as organization_name_en',
      'o.path as organization_path',
    ])
    .where('r.person_id', 'in', personIds)
    .orderBy('r.created_at')
    .execute();
}

export async function insert(
  db: Db,
  row: Omit<PersonTable, 'id' | 'is_active' | 'version' | 'created_at' | 'updated_at'>,
) {
  try {
    return await db.insertInto('person').values(row).returning('id').executeTakeFirstOrThrow();
  } catch (error) {
    // Two concurrent creates with one e-mail both pass the service's check; the index refuses one.
    if (!isUniqueViolation(error)) throw error;
    throw duplicateField('email', `${row.email} already has an account`);
  }
}

export async function updateIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Pick<Updateable<PersonTable>, 'full_name' | 'locale' | 'is_active' | 'search_text'>,
): Promise<boolean> {
  const result = await db
    .updateTable('person')
    .set({ ...changes, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertRole(
  db: Db,
  row: { person_id: string; role: RoleRow['role']; organization_id: string; granted_by: string | null },
) {
  return db
    .insertInto('role_assignment')
    .values(row)
    .onConflict((conflict) => conflict.columns(['person_id', 'role', 'organization_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function deleteRole(db: Db, personId: string, assignmentId: string) {
  return db
    .deleteFrom('role_assignment')
    .where('id', '=', assignmentId)
    .where('person_id', '=', personId)
    .returning(['id', 'role', 'organization_id'])
    .executeTakeFirst();
}

/**
 * A disabled person's sessions end and tokens are revoked for good: enabling them again revives
 * neither. Here rather than in auth, which issues them, because disabling is the people module's
 * write and auth builds on people, never the other way round.
 */
export async function endCredentialsOf(db: Db, personId: string): Promise<{ sessions: number; tokenIds: string[] }> {
  const sessions = await db.deleteFrom('session').where('person_id', '=', personId).executeTakeFirst();
  const tokens = await db
    .updateTable('api_token')
    .set({ revoked_at: new Date() })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return { sessions: Number(sessions.numDeletedRows), tokenIds: tokens.map((row) => row.id) };
}
