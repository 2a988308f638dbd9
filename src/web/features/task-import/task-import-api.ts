import { queryOptions } from '@tanstack/react-query';
import type { ImportJob } from '../../../shared/schemas/spreadsheets.ts';
import { api, apiRequest, buildUrl } from '../../lib/api-client.ts';

/** The programme whose tasks are imported: the only one the app runs for now. */
export const IMPORT_PROGRAMME = 'R57';

export const importTemplateUrl = (programme: string = IMPORT_PROGRAMME) =>
  buildUrl('/tasks/import/template', { programme });

/** Queues a dry run or an apply; the job answers at once (202) and runs in the background. */
export async function queueImport(
  file: File,
  dryRun: boolean,
  programme: string = IMPORT_PROGRAMME,
): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiRequest<ImportJob>('/tasks/import/jobs', {
    method: 'POST',
    body: form,
    query: { dry_run: dryRun, programme },
  });
}

export const isJobUnderWay = (job: ImportJob | undefined) => job?.state === 'queued' || job?.state === 'running';

/** The job, polled twice a second while it is queued or running, then left alone. */
export const importJobQuery = (id: string) =>
  queryOptions({
    queryKey: ['import-job', id],
    queryFn: ({ signal }) => api.get<ImportJob>(`/tasks/import/jobs/${encodeURIComponent(id)}`, undefined, signal),
    refetchInterval: (query) => (isJobUnderWay(query.state.data) ? 500 : false),
    retry: false,
  });
