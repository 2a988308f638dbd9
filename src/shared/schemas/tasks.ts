import { z } from 'zod';
import { TASK_STATES } from '../domain/task-lifecycle.ts';
import { EXPECTED_OUTPUTS, PRIORITIES, TASK_ACTIONS, TASK_EVENT_KINDS, TASK_SORTS } from '../domain/task-vocabulary.ts';
import { TASK_CAPABILITIES } from '../domain/task-permissions.ts';
import { TIMELINESS } from '../domain/timeliness.ts';
import { TASK_LIST_COUNT_CAP } from '../domain/list-count.ts';
import { CalendarDateSchema, countedPageOf, IdSchema, PageQuerySchema, safeText, text } from './common.ts';
import { ExportFormatSchema } from './spreadsheets.ts';

const OrganizationRefSchema = z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() });

/** What a cascaded task's sub-tasks add up to as of the reading (shared/domain/sub-task-roll-up.ts). */
export const SubTaskRollUpSchema = z.object({
  count: z.number().int().describe('Direct sub-tasks counted: assigned by the day and not cancelled'),
  progressPercent: z
    .number()
    .int()
    .describe('Mean of the counted direct sub-tasks, each weighing the same; completed ones count 100'),
  timeliness: z
    .object({
      on_time: z.number().int(),
      late: z.number().int(),
      overdue: z.number().int(),
      due_soon: z.number().int(),
      on_track: z.number().int(),
      ongoing: z.number().int(),
    })
    .describe('Every counted sub-task below the task, at any depth, by timeliness'),
});
export type SubTaskRollUp = z.infer<typeof SubTaskRollUpSchema>;

/** A task as lists show it, read as of a date: state, deadline and timeliness are those of that day. */
export const TaskSummarySchema = z.object({
  id: IdSchema,
  code: z.string(),
  title: z.string(),
  programmeId: IdSchema,
  taskGroupId: IdSchema.nullable(),
  taskGroupNumber: z.number().int().nullable(),
  lead: OrganizationRefSchema,
  assigner: OrganizationRefSchema,
  parentTaskId: IdSchema.nullable(),
  deadline: CalendarDateSchema.nullable().describe('The original deadline; null for a standing duty'),
  effectiveDeadline: CalendarDateSchema.nullable().describe(
    'The deadline after approved extensions, as of the reading',
  ),
  state: z.enum(TASK_STATES),
  timeliness: z.enum(TIMELINESS).nullable(),
  daysLate: z.number().int(),
  completedOn: CalendarDateSchema.nullable(),
  progressPercent: z.number().int().describe('The lead agency’s own reported percentage as of the reading'),
  subTasks: SubTaskRollUpSchema.nullable().describe(
    'Rolled up from the sub-tasks as of the reading, beside the own report (decision 0021); null without any',
  ),
  priority: z.enum(PRIORITIES),
  isConfidential: z.boolean(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type TaskSummary = z.infer<typeof TaskSummarySchema>;

export const TaskEventSchema = z.object({
  id: IdSchema,
  at: z.string(),
  kind: z.enum(TASK_EVENT_KINDS),
  fromState: z.enum(TASK_STATES).nullable(),
  toState: z.enum(TASK_STATES).nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});

export const EvidenceFileSchema = z.object({
  id: IdSchema,
  reportId: IdSchema.nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const ProgressReportSchema = z.object({
  id: IdSchema,
  reportedOn: CalendarDateSchema,
  percent: z.number().int(),
  narrative: z.string(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  authorName: z.string().nullable(),
  files: z.array(EvidenceFileSchema),
});
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

export const ExtensionRequestSchema = z.object({
  id: IdSchema,
  requestedDeadline: CalendarDateSchema,
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'refused']),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type ExtensionRequest = z.infer<typeof ExtensionRequestSchema>;

export const TaskCommentSchema = z.object({
  id: IdSchema,
  body: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.string(),
});

export const TaskDetailSchema = TaskSummarySchema.extend({
  description: z.string(),
  startOn: CalendarDateSchema.nullable(),
  expectedOutput: z.enum(EXPECTED_OUTPUTS),
  sourceDocument: z.object({ id: IdSchema, number: z.string(), title: z.string() }).nullable(),
  sourceConclusion: z
    .object({ id: IdSchema, meetingTitle: z.string(), number: z.number().int(), text: z.string() })
    .nullable(),
  coordinators: z.array(OrganizationRefSchema),
  children: z.array(TaskSummarySchema),
  events: z.array(TaskEventSchema),
  reports: z.array(ProgressReportSchema),
  extensions: z.array(ExtensionRequestSchema),
  comments: z.array(TaskCommentSchema),
  /** What the caller may do now, so that screens offer only those actions. */
  allowedActions: z.array(z.enum(TASK_CAPABILITIES)),
});
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

export const CreateTaskSchema = z.strictObject({
  /** Generated from the programme when absent. */
  code: safeText()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9._/-]+$/)
    .optional(),
  title: text(500),
  description: safeText({ multiline: true }).trim().max(10_000).default(''),
  programmeId: IdSchema,
  taskGroupId: IdSchema.optional(),
  sourceDocumentId: IdSchema.optional(),
  sourceConclusionId: IdSchema.optional(),
  /** The assigning organization; for a sub-task, the parent's lead agency. */
  assignerOrganizationId: IdSchema.optional(),
  leadOrganizationId: IdSchema,
  coordinatingOrganizationIds: z.array(IdSchema).max(100).default([]),
  parentTaskId: IdSchema.optional(),
  startOn: CalendarDateSchema.optional(),
  deadline: CalendarDateSchema.nullable(),
  expectedOutput: z.enum(EXPECTED_OUTPUTS),
  priority: z.enum(PRIORITIES).default('normal'),
  isConfidential: z.boolean().default(false),
  /** Assign at once (the usual case) or keep as a draft. */
  assign: z.boolean().default(true),
});
export type CreateTask = z.infer<typeof CreateTaskSchema>;

export const UpdateTaskSchema = z.strictObject({
  title: text(500).optional(),
  description: safeText({ multiline: true }).trim().max(10_000).optional(),
  taskGroupId: IdSchema.nullable().optional(),
  /** Only while a draft: once assigned, a deadline moves by approved extension. */
  deadline: CalendarDateSchema.nullable().optional(),
  expectedOutput: z.enum(EXPECTED_OUTPUTS).optional(),
  priority: z.enum(PRIORITIES).optional(),
  isConfidential: z.boolean().optional(),
  coordinatingOrganizationIds: z.array(IdSchema).max(100).optional(),
});
export type UpdateTask = z.infer<typeof UpdateTaskSchema>;

export const TaskTransitionSchema = z.strictObject({
  action: z.enum(TASK_ACTIONS),
  reason: safeText({ multiline: true }).trim().max(4000).optional(),
});
export type TaskTransition = z.infer<typeof TaskTransitionSchema>;

export const CreateProgressReportSchema = z.strictObject({
  percent: z.number().int().min(0).max(100),
  narrative: text(10_000, { multiline: true }),
  difficulties: safeText({ multiline: true }).trim().max(10_000).optional(),
  proposals: safeText({ multiline: true }).trim().max(10_000).optional(),
  /** Files uploaded beforehand to /tasks/:id/files, attached to this report. */
  evidenceFileIds: z.array(IdSchema).max(20).default([]),
});
/** What a client sends (evidenceFileIds may be left out). */
export type CreateProgressReport = z.input<typeof CreateProgressReportSchema>;

export const AnswerReportSchema = z.strictObject({ answer: text(10_000, { multiline: true }) });

export const CreateExtensionRequestSchema = z.strictObject({
  requestedDeadline: CalendarDateSchema,
  reason: text(4000, { multiline: true }),
});
export type CreateExtensionRequest = z.infer<typeof CreateExtensionRequestSchema>;

export const DecideExtensionSchema = z.strictObject({
  decision: z.enum(['approve', 'refuse']),
  reason: safeText({ multiline: true }).trim().max(4000).optional(),
});
export type DecideExtension = z.infer<typeof DecideExtensionSchema>;

export const CreateCommentSchema = z.strictObject({ body: text(4000, { multiline: true }) });

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  safeText()
    .max(200)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

/** Every reading is for a scope and a date; filters are query parameters, saved as is in the web app's URL. */
export const ListTasksQuerySchema = PageQuerySchema.extend({
  scope: safeText().max(100).optional(),
  as_of: CalendarDateSchema.optional(),
  state: csv(TASK_STATES).optional(),
  timeliness: csv(TIMELINESS).optional(),
  agency: safeText().max(100).optional().describe('Lead agency (id or code), with its units'),
  group: IdSchema.optional(),
  document: IdSchema.optional(),
  parent: IdSchema.optional().describe('Sub-tasks of this task'),
  deadline_from: CalendarDateSchema.optional(),
  deadline_to: CalendarDateSchema.optional(),
  q: safeText().trim().max(200).optional(),
  sort: z.enum(TASK_SORTS).default('deadline'),
  due_soon_days: z.coerce.number().int().min(0).max(90).optional(),
  format: ExportFormatSchema.optional().describe('json (a page), or xlsx / csv: every matching task, up to 50,000'),
});
export type ListTasksQuery = z.infer<typeof ListTasksQuerySchema>;

export const TaskPageSchema = countedPageOf(TaskSummarySchema, TASK_LIST_COUNT_CAP, 'tasks');
export type TaskPage = z.infer<typeof TaskPageSchema>;
