import { createHash } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { EVIDENCE_MAX_BYTES, evidenceMediaType } from '../../../shared/domain/evidence.ts';
import { mayTakeCapability } from '../../../shared/domain/task-permissions.ts';
import type { EvidenceFile } from '../../../shared/schemas/tasks.ts';
import { toEvidenceFile } from './evidence-views.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import { actorGrants, lockTaskOrFail, positionOf, requireCapability } from './task-context.ts';
import { mayRead } from './task-reading.service.ts';
import { findTask, pendingDecisionsOf } from './tasks.repository.ts';
import * as repository from './evidence.repository.ts';

export const evidenceTooLarge = () =>
  new AppError('payload_too_large', 'Evidence file too large', { maxMiB: EVIDENCE_MAX_BYTES / 1024 / 1024 });

/** A file as the client sent it, read only once the sender may add it (see receiveEvidence). */
export type EvidenceUpload = { fileName: string; content: Buffer };

/**
 * An upload through the API: who may add evidence to the task is checked before the file is read
 * (`read` reads it, refusing it past EVIDENCE_MAX_BYTES), so that a refused upload costs neither
 * memory nor the time to receive it; then uploadEvidence checks again under the task's lock.
 */
export async function receiveEvidence(
  db: Db,
  principal: Principal,
  taskId: string,
  read: () => Promise<EvidenceUpload>,
): Promise<EvidenceFile> {
  const task = await findTask(db, taskId);
  if (!task) throw notFound('task', taskId);
  const position = positionOf(task, await pendingDecisionsOf(db, taskId));
  if (!mayTakeCapability(actorGrants(principal), position, 'report')) throw forbidden('add evidence to this task');
  return uploadEvidence(db, principal, taskId, await read());
}

/**
 * Stores a file as evidence for a task, as its lead agency. The type is taken from the name and
 * confirmed by the first bytes, so a renamed executable is refused.
 */
export async function uploadEvidence(
  db: Db,
  principal: Principal,
  taskId: string,
  file: EvidenceUpload,
): Promise<EvidenceFile> {
  if (file.content.length > EVIDENCE_MAX_BYTES) throw evidenceTooLarge();
  const mediaType = evidenceMediaType(file.fileName, file.content.subarray(0, 8));
  if (!mediaType) throw new AppError('unsupported_media_type', `Not an accepted evidence file: ${file.fileName}`);
  return db.transaction().execute(async (tx) => {
    const task = await lockTaskOrFail(tx, taskId);
    // Evidence goes with a progress report: the lead's, on an open task.
    await requireCapability(tx, { principal, now: new Date() }, task, 'report');
    const row = await repository.insertFile(tx, {
      task_id: task.id,
      file_name: file.fileName.slice(0, 255),
      media_type: mediaType,
      size_bytes: file.content.length,
      sha256: createHash('sha256').update(file.content).digest('hex'),
      content: file.content,
      uploaded_by: actorIdOf(principal),
    });
    await audit.record(tx, principal, [
      {
        action: 'task.evidence_uploaded',
        entityType: 'task',
        entityId: task.id,
        scopePath: task.lead_path,
        after: { fileId: row.id, fileName: row.file_name, sizeBytes: row.size_bytes, sha256: row.sha256 },
      },
    ]);
    return toEvidenceFile(row);
  });
}

export async function listEvidence(db: Db, principal: Principal, taskId: string): Promise<EvidenceFile[]> {
  const task = await findTask(db, taskId);
  if (!task) throw notFound('task', taskId);
  if (!mayRead(principal, task)) throw forbidden('read this task');
  return (await repository.filesOfTask(db, taskId)).map(toEvidenceFile);
}

export async function downloadEvidence(db: Db, principal: Principal, fileId: string) {
  const file = await repository.findContent(db, fileId);
  if (!file) throw notFound('file', fileId);
  const task = await findTask(db, file.task_id);
  if (!task || !mayRead(principal, task)) throw forbidden('read this file');
  return { ...toEvidenceFile(file), content: Buffer.from(file.content) };
}
