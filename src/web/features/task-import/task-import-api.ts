import type { ImportReport } from '../../../shared/schemas/spreadsheets.ts';
import { apiRequest, buildUrl, isApiError } from '../../lib/api-client.ts';

/** The programme whose tasks are imported: the only one the app runs for now. */
export const IMPORT_PROGRAMME = 'R57';

export const importTemplateUrl = (programme: string = IMPORT_PROGRAMME) =>
  buildUrl('/tasks/import/template', { programme });

/** A dry run (nothing written) or the apply; a refused apply (422) still answers with its report. */
export async function importTasks(
  file: File,
  dryRun: boolean,
  programme: string = IMPORT_PROGRAMME,
): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    return await apiRequest<ImportReport>('/tasks/import', {
      method: 'POST',
      body: form,
      query: { dry_run: dryRun, programme },
    });
  } catch (error) {
    if (isApiError(error) && error.status === 422) {
      const rejected = error.problem as Partial<Pick<ImportReport, 'rows' | 'summary'>>;
      if (rejected.rows && rejected.summary) {
        throw new ImportRejected(error.detail, {
          dryRun,
          applied: false,
          rows: rejected.rows,
          summary: rejected.summary,
        });
      }
    }
    throw error;
  }
}

/** The apply was refused because a row is at fault: nothing was written, the report says why. */
export class ImportRejected extends Error {
  readonly report: ImportReport;
  constructor(message: string, report: ImportReport) {
    super(message);
    this.name = 'ImportRejected';
    this.report = report;
  }
}
