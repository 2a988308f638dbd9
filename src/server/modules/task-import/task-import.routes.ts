import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { negotiateLocale } from '../../../shared/i18n/index.ts';
import {
  ImportJobIdParamsSchema,
  ImportJobSchema,
  ImportRejectedSchema,
  ImportReportSchema,
  TaskImportQuerySchema,
  XLSX_MEDIA_TYPE,
} from '../../../shared/schemas/spreadsheets.ts';
import { AppError } from '../../errors.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { problemResponse, problems } from '../../http/openapi.ts';
import { renderProblem } from '../../http/problem.ts';
import { sendExport } from '../spreadsheets/export-negotiation.ts';
import { createImportJob, getImportJob } from './import-jobs.service.ts';
import { type ImportWorker, startImportWorker } from './import-worker.ts';
import { importingAssigner, importTasks } from './task-import.service.ts';
import { MAX_IMPORT_BYTES } from './task-sheet-reader.ts';
import { taskImportTemplate } from './task-template.service.ts';
import { checkedFileName } from '../../http/uploads.ts';

const tags = ['Tasks'];
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Browsers and mail clients label .xlsx files inconsistently; the zip signature decides.
const ACCEPTED_FILE_TYPES = new Set([XLSX_MEDIA_TYPE, 'application/octet-stream', 'application/zip']);

/** The uploaded workbook's bytes and name: one file part, XLSX only (415), at most 5 MiB (413). */
async function uploadedWorkbook(request: FastifyRequest): Promise<{ bytes: Buffer; fileName: string }> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
  const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 } });
  if (!part) {
    throw new AppError('validation', 'No file', {}, [{ path: 'body.file', message: 'import.required' }]);
  }
  // Past 5 MiB the parser stops reading and throws FST_REQ_FILE_TOO_LARGE, rendered as 413.
  const bytes = await part.toBuffer();
  if (!ACCEPTED_FILE_TYPES.has(part.mimetype) || !bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    throw new AppError('unsupported_media_type', `Not an XLSX workbook (${part.mimetype})`);
  }
  return { bytes, fileName: checkedFileName(part.filename || 'import.xlsx', 'body.file') };
}

const uploadBody = z
  .object({ file: z.string().meta({ format: 'binary' }).describe('The filled-in template (.xlsx)') })
  // The multipart parser leaves the body empty (null): this schema documents the form.
  .nullish();

export const taskImportRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database }) => {
  const { db } = database;
  // Registered here only: the other routes keep refusing multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  // Imports run in this process, from when the app is ready until it closes.
  let worker: ImportWorker | undefined;
  app.addHook('onReady', async () => {
    worker = startImportWorker(database, { onError: (error) => app.log.error(error, 'task import worker') });
  });
  app.addHook('onClose', async () => {
    await worker?.stop();
  });

  app.get(
    '/api/v1/tasks/import/template',
    {
      schema: {
        tags,
        summary: 'The XLSX template of a task import: columns in Vietnamese and English, lists, an example',
        querystring: TaskImportQuerySchema.pick({ programme: true }),
        response: {
          200: {
            description: 'The template workbook',
            content: { [XLSX_MEDIA_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
          },
          ...problems(401, 404),
        },
      },
    },
    async (request, reply) => {
      requirePrincipal(request);
      return sendExport(reply, await taskImportTemplate(db, request.query.programme));
    },
  );

  app.post(
    '/api/v1/tasks/import',
    {
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: 'Import tasks from an XLSX sheet: a dry run reports each row; applying writes all rows or none',
        description:
          'Rows with a code of an existing task update it; other rows create a task, assigned by the caller’s steering scope. At most 5,000 rows and 5 MiB.',
        consumes: ['multipart/form-data'],
        querystring: TaskImportQuerySchema,
        body: uploadBody,
        response: {
          200: ImportReportSchema,
          422: problemResponse(ImportRejectedSchema, 'A row is at fault: nothing was written; the report says why'),
          ...problems(401, 403, 404, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await importingAssigner(db, principal);
      const locale = negotiateLocale(request.headers['accept-language']);
      const report = await importTasks(
        db,
        { principal, now: new Date() },
        {
          bytes: (await uploadedWorkbook(request)).bytes,
          dryRun: request.query.dry_run,
          programme: request.query.programme,
          locale,
        },
      );
      if (report.dryRun || report.applied) return report;
      const problem = renderProblem(new AppError('import_rejected', 'Rows are at fault'), locale);
      return reply
        .status(422)
        .type('application/problem+json; charset=utf-8')
        .send({ ...problem, rows: report.rows, summary: report.summary });
    },
  );

  app.post(
    '/api/v1/tasks/import/jobs',
    {
      bodyLimit: MAX_IMPORT_BYTES + 64 * 1024,
      schema: {
        tags,
        summary: 'Queue a task import (dry run or apply) of an XLSX sheet; follow it at the Location answered',
        description:
          'The same import as POST /api/v1/tasks/import, run in the background: the answer (202) is the queued job; GET it for its progress and, once it succeeded, the report.',
        consumes: ['multipart/form-data'],
        querystring: TaskImportQuerySchema,
        body: uploadBody,
        response: { 202: ImportJobSchema, ...problems(401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      await importingAssigner(db, principal);
      const upload = await uploadedWorkbook(request);
      const job = await createImportJob(db, principal, {
        ...upload,
        dryRun: request.query.dry_run,
        programme: request.query.programme,
        locale: negotiateLocale(request.headers['accept-language']),
      });
      worker?.wake();
      return reply.status(202).header('location', `/api/v1/tasks/import/jobs/${job.id}`).send(job);
    },
  );

  app.get(
    '/api/v1/tasks/import/jobs/:id',
    {
      schema: {
        tags,
        summary: 'A task import job: its state, rows processed and, once done, its report',
        description: 'Readable by the person who queued it and by inspectors.',
        params: ImportJobIdParamsSchema,
        response: { 200: ImportJobSchema, ...problems(401, 404) },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      const locale = negotiateLocale(request.headers['accept-language']);
      return getImportJob(db, principal, request.params.id, worker?.live ?? new Map(), locale);
    },
  );
};
