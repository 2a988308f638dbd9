import type { Db } from '../../db/database.ts';
import type { DirectiveDocumentTable } from '../../db/schema.ts';
import { escapeLike } from '../organizations/organizations.repository.ts';

export async function insertProgramme(
  db: Db,
  row: { code: string; name_vi: string; name_en: string; owner_organization_id: string },
) {
  return db.insertInto('programme').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertGroups(
  db: Db,
  rows: Array<{ programme_id: string; number: number; name_vi: string; name_en: string }>,
) {
  if (rows.length > 0) await db.insertInto('task_group').values(rows).execute();
}

export async function listProgrammes(db: Db) {
  const programmes = await db.selectFrom('programme').selectAll().orderBy('code').execute();
  const groups = await db.selectFrom('task_group').selectAll().orderBy('number').execute();
  return { programmes, groups };
}

export async function findProgramme(db: Db, id: string) {
  return db.selectFrom('programme').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findGroup(db: Db, id: string) {
  return db.selectFrom('task_group').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Takes the programme's next task number; the row lock orders concurrent creates. */
export async function takeTaskNumber(db: Db, programmeId: string): Promise<number> {
  const row = await db
    .updateTable('programme')
    .set((eb) => ({ next_task_number: eb('next_task_number', '+', 1) }))
    .where('id', '=', programmeId)
    .returning('next_task_number')
    .executeTakeFirstOrThrow();
  return row.next_task_number - 1;
}

export async function insertDocument(db: Db, row: Omit<DirectiveDocumentTable, 'id' | 'created_at'>) {
  return db.insertInto('directive_document').values(row).returning('id').executeTakeFirstOrThrow();
}

function selectDocuments(db: Db) {
  return db
    .selectFrom('directive_document as d')
    .innerJoin('organization as o', 'o.id', 'd.issuer_organization_id')
    .select([
      'd.id',
      'd.number',
      'd.doc_type',
      'd.issuer_organization_id',
      'o.name_vi as issuer_name_vi',
      'o.name_en as issuer_name_en',
      'd.issued_on',
      'd.title',
    ]);
}

export async function findDocument(db: Db, id: string) {
  return selectDocuments(db).where('d.id', '=', id).executeTakeFirst();
}

export async function listDocuments(db: Db, filter: { folded?: string; offset: number; limit: number }) {
  let query = selectDocuments(db)
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.number')
    .offset(filter.offset)
    .limit(filter.limit);
  if (filter.folded) query = query.where('d.search_text', 'like', `%${escapeLike(filter.folded)}%`);
  return query.execute();
}

export async function insertMeeting(db: Db, row: { organization_id: string; held_on: string; title: string }) {
  return db.insertInto('meeting').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertConclusions(db: Db, rows: Array<{ meeting_id: string; number: number; text: string }>) {
  if (rows.length > 0) await db.insertInto('meeting_conclusion').values(rows).execute();
}

export async function listMeetings(
  db: Db,
  filter: { withinPath: string; from?: string; to?: string; offset: number; limit: number },
) {
  let query = db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select(['m.id', 'm.organization_id', 'm.held_on', 'm.title'])
    .where('o.path', 'like', `${filter.withinPath}%`)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id')
    .offset(filter.offset)
    .limit(filter.limit);
  if (filter.from) query = query.where('m.held_on', '>=', filter.from);
  if (filter.to) query = query.where('m.held_on', '<=', filter.to);
  return query.execute();
}

export async function conclusionsOf(db: Db, meetingIds: string[]) {
  if (meetingIds.length === 0) return [];
  return db
    .selectFrom('meeting_conclusion')
    .selectAll()
    .where('meeting_id', 'in', meetingIds)
    .orderBy('number')
    .execute();
}

export async function findConclusion(db: Db, id: string) {
  return db
    .selectFrom('meeting_conclusion as c')
    .innerJoin('meeting as m', 'm.id', 'c.meeting_id')
    .select(['c.id', 'c.number', 'c.text', 'm.title as meeting_title'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
