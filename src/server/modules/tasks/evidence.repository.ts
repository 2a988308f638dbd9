import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { EvidenceFileTable } from '../../db/schema.ts';

const METADATA = [
  'id',
  'task_id',
  'report_id',
  'file_name',
  'media_type',
  'size_bytes',
  'sha256',
  'created_at',
] as const;

export async function insertFile(db: Db, row: Insertable<EvidenceFileTable>) {
  return db.insertInto('evidence_file').values(row).returning(METADATA).executeTakeFirstOrThrow();
}

export async function filesOfTask(db: Db, taskId: string) {
  return db.selectFrom('evidence_file').select(METADATA).where('task_id', '=', taskId).orderBy('created_at').execute();
}

export async function findContent(db: Db, fileId: string) {
  return db
    .selectFrom('evidence_file')
    .select([...METADATA, 'content'])
    .where('id', '=', fileId)
    .executeTakeFirst();
}

/** Attaches unattached files of the task to a report; returns how many were attached. */
export async function attachToReport(db: Db, taskId: string, reportId: string, fileIds: string[]): Promise<number> {
  if (fileIds.length === 0) return 0;
  const result = await db
    .updateTable('evidence_file')
    .set({ report_id: reportId })
    .where('task_id', '=', taskId)
    .where('report_id', 'is', null)
    .where('id', 'in', fileIds)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
