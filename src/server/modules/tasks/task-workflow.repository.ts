import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { ExtensionRequestTable, ProgressReportTable } from '../../db/schema.ts';

export async function insertReport(db: Db, row: Insertable<ProgressReportTable>): Promise<string> {
  const { id } = await db.insertInto('progress_report').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function answerReport(
  db: Db,
  taskId: string,
  reportId: string,
  answer: string,
  by: string | null,
  at: Date,
) {
  return db
    .updateTable('progress_report')
    .set({ answer, answered_by: by, answered_at: at })
    .where('id', '=', reportId)
    .where('task_id', '=', taskId)
    .returning('id')
    .executeTakeFirst();
}

export async function insertExtension(db: Db, row: Insertable<ExtensionRequestTable>): Promise<string> {
  const { id } = await db.insertInto('extension_request').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findPendingExtension(db: Db, taskId: string, extensionId: string) {
  return db
    .selectFrom('extension_request')
    .selectAll()
    .where('id', '=', extensionId)
    .where('task_id', '=', taskId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function decideExtension(
  db: Db,
  id: string,
  decision: {
    status: 'approved' | 'refused';
    decided_by: string | null;
    decided_at: Date;
    decision_reason: string | null;
  },
) {
  await db.updateTable('extension_request').set(decision).where('id', '=', id).execute();
}

export async function insertComment(
  db: Db,
  row: { task_id: string; body: string; created_by: string | null; created_at: Date },
) {
  await db.insertInto('task_comment').values(row).execute();
}
