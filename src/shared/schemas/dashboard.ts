import { z } from 'zod';
import { CalendarDateSchema, IdSchema, safeText } from './common.ts';
import { ExportFormatSchema } from './spreadsheets.ts';
import { TaskSummarySchema } from './tasks.ts';

export const HeadlineSchema = z.object({
  total: z.number().int(),
  completed: z.number().int(),
  completedOnTime: z.number().int(),
  completedLate: z.number().int(),
  inProgress: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  completionRate: z.number().describe('completed / total, a fraction from 0 to 1'),
});

const BreakdownRowSchema = HeadlineSchema.extend({
  id: IdSchema,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
});

/** The tables of a dashboard: the sheets of its XLSX, and each the CSV of `table=`. */
export const DASHBOARD_TABLES = ['byOrganization', 'headline', 'byGroup', 'byProvince', 'overdue', 'ranking'] as const;
export type DashboardTable = (typeof DASHBOARD_TABLES)[number];

export const DashboardQuerySchema = z.object({
  scope: safeText().max(100).optional(),
  as_of: CalendarDateSchema.optional(),
  due_soon_days: z.coerce.number().int().min(0).max(90).optional(),
  format: ExportFormatSchema.optional().describe('json, or an xlsx workbook / csv table of the figures'),
  table: z
    .enum(DASHBOARD_TABLES)
    .optional()
    .describe(
      'With format=csv, the one table the file holds: byOrganization (the default), headline (one row), byGroup, byProvince, overdue or ranking. The XLSX holds them all, a sheet each.',
    ),
});
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

export const DashboardSchema = HeadlineSchema.extend({
  scope: z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  asOf: CalendarDateSchema,
  dueSoonDays: z.number().int(),
  byOrganization: z.array(BreakdownRowSchema).describe('By lead agency'),
  byGroup: z.array(
    BreakdownRowSchema.extend({
      id: IdSchema.nullable().describe('null for the tasks without a group'),
      number: z.number().int().describe('0 for the tasks without a group'),
    }),
  ),
  byProvince: z.array(BreakdownRowSchema),
  overdueTasks: z
    .array(TaskSummarySchema)
    .describe('Most days late first, at most 50 (the XLSX and the CSV of table=overdue hold them all)'),
  ranking: z.array(
    BreakdownRowSchema.extend({
      rank: z.number().int(),
      onTimeRate: z.number().describe('Tasks completed on time / tasks, a fraction'),
    }),
  ),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
