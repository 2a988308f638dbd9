import { z } from 'zod';
import { CalendarDateSchema, IdSchema, safeText } from './common.ts';
import { ExportFormatSchema } from './spreadsheets.ts';

/**
 * Response-time statistics of the feedback intake (issue 4): for a scope and a period of
 * reception, per assigned organization. Working days are counted with the holiday calendar, and
 * "within the service level" compares the day of the step with the due date the item got when it
 * was received — the definition the queue uses.
 */
export const FeedbackStatisticsQuerySchema = z
  .object({
    scope: safeText().max(100).optional().describe('Organization id or code; default the caller’s own scope'),
    received_from: CalendarDateSchema.optional().describe('First day of reception counted'),
    received_to: CalendarDateSchema.optional().describe('Last day of reception counted'),
    as_of: CalendarDateSchema.optional().describe('The date overdue items are counted at; default today'),
    format: ExportFormatSchema.optional(),
  })
  .refine((query) => !query.received_from || !query.received_to || query.received_from <= query.received_to, {
    path: ['received_to'],
    message: 'error.feedbackStatistics.period',
  });
export type FeedbackStatisticsQuery = z.infer<typeof FeedbackStatisticsQuerySchema>;

const share = z.number().min(0).max(1).nullable();

export const FeedbackResponseFiguresSchema = z.object({
  /** Items received in the period. */
  received: z.number().int(),
  /** Of those, triaged (accepted, rejected or merged). */
  triaged: z.number().int(),
  /** Triaged on or before the triage due date. */
  triagedWithinServiceLevel: z.number().int(),
  /** triagedWithinServiceLevel / triaged; null when nothing was triaged. */
  shareTriagedWithinServiceLevel: share,
  /** Working days from reception to triage, median (the mean of the two middle values for an even count). */
  medianTriageWorkingDays: z.number().nullable(),
  answered: z.number().int(),
  answeredWithinServiceLevel: z.number().int(),
  /** answeredWithinServiceLevel / answered; null when nothing was answered. */
  shareAnsweredWithinServiceLevel: share,
  medianAnswerWorkingDays: z.number().nullable(),
  /** Still owing a step whose due date is before as_of (the queue's "overdue"). */
  overdue: z.number().int(),
});
export type FeedbackResponseFigures = z.infer<typeof FeedbackResponseFiguresSchema>;

const OrganizationRefSchema = z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() });

export const FeedbackOrganizationStatisticsSchema = FeedbackResponseFiguresSchema.extend({
  /** Null: items not (yet) assigned to any organization, shown in a whole tree's statistics only. */
  organization: OrganizationRefSchema.nullable(),
});
export type FeedbackOrganizationStatistics = z.infer<typeof FeedbackOrganizationStatisticsSchema>;

export const FeedbackStatisticsSchema = z.object({
  scope: OrganizationRefSchema,
  asOf: CalendarDateSchema,
  receivedFrom: CalendarDateSchema.nullable(),
  receivedTo: CalendarDateSchema.nullable(),
  serviceLevel: z.object({ triageWorkingDays: z.number().int(), answerWorkingDays: z.number().int() }),
  totals: FeedbackResponseFiguresSchema,
  /** One row per organization items are assigned to, most received first. */
  byOrganization: z.array(FeedbackOrganizationStatisticsSchema),
});
export type FeedbackStatistics = z.infer<typeof FeedbackStatisticsSchema>;
