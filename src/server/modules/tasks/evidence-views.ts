import type { EvidenceFile } from '../../../shared/schemas/tasks.ts';
import type { filesOfTask } from './evidence.repository.ts';

type FileRow = Awaited<ReturnType<typeof filesOfTask>>[number];

export const toEvidenceFile = (row: FileRow): EvidenceFile => ({
  id: row.id,
  reportId: row.report_id,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  createdAt: row.created_at.toISOString(),
});
