import type { Db } from '../../db/database.ts';
import { matchesWords } from '../../db/search-sql.ts';
import type { DirectiveDocumentTable } from '../../db/schema.ts';
import type { DocumentType } from '../../../shared/domain/task-vocabulary.ts';

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

/**
 * Takes the programme's next `count` task numbers in one statement and returns the first; the row
 * lock orders concurrent creates.
 */
export async function takeTaskNumbers(db: Db, programmeId: string, count: number): Promise<number> {
  const row = await db
    .updateTable('programme')
    .set((eb) => ({ next_task_number: eb('next_task_number', '+', count) }))
    .where('id', '=', programmeId)
    .returning('next_task_number')
    .executeTakeFirstOrThrow();
  return row.next_task_number - count;
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

export interface DocumentFilter {
  words?: string[];
  docType?: DocumentType;
  issuerId?: string;
  year?: number;
  offset: number;
  limit: number;
}

export async function listDocuments(db: Db, filter: DocumentFilter) {
  let query = selectDocuments(db)
    .orderBy('d.issued_on', 'desc')
    .orderBy('d.number')
    .offset(filter.offset)
    .limit(filter.limit);
  if (filter.words?.length) query = query.where(matchesWords('d', filter.words));
  if (filter.docType) query = query.where('d.doc_type', '=', filter.docType);
  if (filter.issuerId) query = query.where('d.issuer_organization_id', '=', filter.issuerId);
  // A range on the date rather than EXTRACT(YEAR …), so that an index on issued_on can serve it.
  if (filter.year !== undefined) {
    query = query
      .where('d.issued_on', '>=', `${filter.year}-01-01`)
      .where('d.issued_on', '<', `${filter.year + 1}-01-01`);
  }
  return query.execute();
}

function selectMeetings(db: Db) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.organization_id',
      'o.name_vi as organization_name_vi',
      'o.name_en as organization_name_en',
      'o.path as organization_path',
      'm.held_on',
      'm.title',
    ]);
}

export async function findMeeting(db: Db, id: string) {
  return selectMeetings(db).where('m.id', '=', id).executeTakeFirst();
}

export async function insertMeeting(
  db: Db,
  row: { organization_id: string; held_on: string; title: string; search_text: string },
) {
  return db.insertInto('meeting').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function insertConclusions(db: Db, rows: Array<{ meeting_id: string; number: number; text: string }>) {
  if (rows.length > 0) await db.insertInto('meeting_conclusion').values(rows).execute();
}

export async function listMeetings(
  db: Db,
  filter: { withinPath: string; from?: string; to?: string; words?: string[]; offset: number; limit: number },
) {
  let query = selectMeetings(db)
    .where('o.path', 'like', `${filter.withinPath}%`)
    .orderBy('m.held_on', 'desc')
    .orderBy('m.id')
    .offset(filter.offset)
    .limit(filter.limit);
  if (filter.from) query = query.where('m.held_on', '>=', filter.from);
  if (filter.to) query = query.where('m.held_on', '<=', filter.to);
  if (filter.words?.length) query = query.where(matchesWords('m', filter.words));
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
