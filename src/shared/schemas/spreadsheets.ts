import { z } from 'zod';
import { IdSchema, ProblemSchema, safeText } from './common.ts';

/** How a reading is delivered: JSON for programs and screens, XLSX and CSV for people's spreadsheets. */
export const EXPORT_FORMATS = ['json', 'xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const TaskImportQuerySchema = z.object({
  dry_run: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('true (the default): report what would happen and write nothing'),
  programme: safeText().trim().min(1).max(100).default('R57').describe('Programme id or code'),
});
export type TaskImportQuery = z.infer<typeof TaskImportQuerySchema>;

export const IMPORT_ROW_STATUSES = ['create', 'update', 'unchanged', 'error'] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

export const ImportRowSchema = z.object({
  row: z.number().int().describe('Row number in the worksheet, as Excel shows it'),
  status: z.enum(IMPORT_ROW_STATUSES),
  code: z.string().optional().describe('The task code (for a create in a dry run, the code it would get)'),
  title: z.string().optional(),
  errors: z.array(
    z.object({
      column: z.string().describe('The column’s key (deadline, lead…), or empty for the row as a whole'),
      columnTitle: z
        .string()
        .optional()
        .describe('The column’s title in the caller’s language, as the template heads it'),
      cell: z.string().optional().describe('The cell at fault as Excel names it (I7), when the file has the column'),
      message: z.string(),
    }),
  ),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportReportSchema = z.object({
  dryRun: z.boolean(),
  applied: z.boolean().describe('True when the rows were written (all of them)'),
  rows: z.array(ImportRowSchema),
  summary: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    error: z.number().int(),
  }),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** 422 on apply when a row is at fault: the problem carries the whole report, and nothing was written. */
export const ImportRejectedSchema = ProblemSchema.extend({
  rows: ImportReportSchema.shape.rows,
  summary: ImportReportSchema.shape.summary,
});

export const IMPORT_JOB_STATES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export const ImportJobIdParamsSchema = z.object({ id: IdSchema });

/**
 * An import run in the background. `report` is there once it succeeded: the same report the
 * synchronous endpoint answers (for a refused apply, `applied` is false and the rows say why).
 */
export const ImportJobSchema = z.object({
  id: IdSchema,
  dryRun: z.boolean(),
  state: z.enum(IMPORT_JOB_STATES),
  fileName: z.string(),
  rowsTotal: z.number().int().nullable().describe('Known once the workbook is read'),
  rowsProcessed: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  report: ImportReportSchema.nullable(),
  failure: z
    .object({ code: z.string(), message: z.string() })
    .nullable()
    .describe('Why a failed job could not run: an unreadable file, too many rows, an interrupted run'),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;
