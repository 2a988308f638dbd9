import { z } from 'zod';
import { INDICATOR_STATUSES } from '../domain/indicator-achievement.ts';
import { OBSERVATION_CAPABILITIES } from '../domain/indicator-permissions.ts';
import { INDICATOR_LEVELS, INDICATOR_UNITS, OBSERVATION_STATES } from '../domain/indicator-values.ts';
import { REPORTING_FREQUENCIES } from '../domain/reporting-periods.ts';
import { CalendarDateSchema, IdSchema, PageQuerySchema, pageOf, safeText, text } from './common.ts';

const OrganizationRefSchema = z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() });

/** A figure as typed: finite (JSON has no NaN; a string is refused by type). Bounds are the unit's, checked by the service. */
const FigureSchema = z.number().finite().min(-1e12).max(1e12);

const YearSchema = z.number().int().min(1900).max(2199);

export const IndicatorTargetSchema = z.strictObject({ year: YearSchema, value: FigureSchema });
export const BaselineSchema = z.strictObject({ value: FigureSchema, date: CalendarDateSchema });

export const IndicatorReporterInputSchema = z.strictObject({
  organizationId: IdSchema,
  baseline: BaselineSchema.optional().describe("The organization's own baseline; without it, the indicator's"),
  targets: z
    .array(IndicatorTargetSchema)
    .max(60)
    .optional()
    .describe("The organization's own targets (a province's plan); without them, the indicator's"),
});

export const IndicatorDefinitionSchema = z.strictObject({
  programmeId: IdSchema,
  taskGroupId: IdSchema.nullable().optional(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_.-]{0,39}$/, 'error.indicator.code'),
  nameVi: text(300),
  nameEn: text(300),
  nameFr: text(300),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(['higher', 'lower']),
  level: z.enum(INDICATOR_LEVELS),
  frequency: z.enum(REPORTING_FREQUENCIES),
  responsibleOrganizationId: IdSchema,
  baseline: BaselineSchema,
  targets: z.array(IndicatorTargetSchema).min(1).max(60),
  reporters: z
    .array(IndicatorReporterInputSchema)
    .max(500)
    .default([])
    .describe('Organizations that report their own values, besides the responsible one'),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinitionSchema>;

export const IndicatorReadingSchema = z.object({
  periodKey: z.string(),
  periodEnd: CalendarDateSchema,
  value: z.number(),
});

/** Where one organization stands on an indicator as of a day. */
export const IndicatorStandingSchema = z.object({
  organization: OrganizationRefSchema,
  baseline: z.object({ value: z.number(), date: CalendarDateSchema }),
  targets: z.array(z.object({ year: z.number().int(), value: z.number() })),
  ownTrajectory: z.boolean().describe('true when the organization set its own baseline or targets'),
  latest: IndicatorReadingSchema.nullable().describe('The latest approved value up to the day'),
  expected: z.number().nullable().describe("The trajectory's value at the latest value's period end"),
  achievement: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  stale: z.boolean().describe('No value reported for the latest period due on the day'),
  latestDuePeriod: z.string(),
  waiting: z.number().int().describe('Values awaiting approval'),
});
export type IndicatorStanding = z.infer<typeof IndicatorStandingSchema>;

export const IndicatorSummarySchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  nameFr: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  direction: z.enum(['higher', 'lower']),
  level: z.enum(INDICATOR_LEVELS),
  frequency: z.enum(REPORTING_FREQUENCIES),
  taskGroup: z.object({ id: IdSchema, number: z.number().int(), nameVi: z.string(), nameEn: z.string() }).nullable(),
  responsibleOrganization: OrganizationRefSchema,
  nextTarget: z.object({ year: z.number().int(), value: z.number() }).nullable(),
  standing: IndicatorStandingSchema.describe("The responsible organization's standing: the indicator's headline"),
  reporterCount: z.number().int(),
  staleCount: z.number().int(),
  version: z.number().int(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummarySchema>;

export const IndicatorDetailSchema = IndicatorSummarySchema.extend({
  asOf: CalendarDateSchema,
  baseline: z.object({ value: z.number(), date: CalendarDateSchema }),
  targets: z.array(z.object({ year: z.number().int(), value: z.number() })),
  standings: z.array(IndicatorStandingSchema).describe('Every reporting organization, the responsible one first'),
  thresholds: z.object({ onTrack: z.number(), atRisk: z.number() }),
  mayEnter: z.array(IdSchema).describe('The reporting organizations whose values the caller may enter'),
});
export type IndicatorDetail = z.infer<typeof IndicatorDetailSchema>;

export const IndicatorListQuerySchema = PageQuerySchema.extend({
  programmeId: IdSchema.optional(),
  taskGroupId: IdSchema.optional(),
  level: z.enum(INDICATOR_LEVELS).optional(),
  organizationId: IdSchema.optional().describe('Indicators this organization reports'),
  q: safeText().max(200).optional().describe('Words of the code or name, in any order, with or without diacritics'),
  as_of: CalendarDateSchema.optional(),
});
export type IndicatorListQuery = z.infer<typeof IndicatorListQuerySchema>;
export const IndicatorPageSchema = pageOf(IndicatorSummarySchema);

export const AsOfQuerySchema = z.object({ as_of: CalendarDateSchema.optional() });

export const ObservationEventSchema = z.object({
  kind: z.enum(['entered', 'corrected', 'approved', 'returned']),
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  reason: z.string().nullable(),
  actor: z.object({ id: IdSchema, fullName: z.string() }).nullable(),
  at: z.string(),
});

export const ObservationSchema = z.object({
  id: IdSchema,
  indicator: z.object({
    id: IdSchema,
    code: z.string(),
    nameVi: z.string(),
    nameEn: z.string(),
    nameFr: z.string(),
    unit: z.enum(INDICATOR_UNITS),
  }),
  organization: OrganizationRefSchema,
  periodKey: z.string(),
  periodEnd: CalendarDateSchema,
  value: z.number(),
  approvedValue: z.number().nullable().describe('The value that counts: the last approved one'),
  source: z.string(),
  note: z.string().nullable(),
  state: z.enum(OBSERVATION_STATES),
  enteredBy: z.object({ id: IdSchema, fullName: z.string() }).nullable(),
  enteredAt: z.string(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  expected: z.number().describe("The trajectory's value at the period's end"),
  achievement: z.number(),
  status: z.enum(INDICATOR_STATUSES),
  version: z.number().int(),
  allowedActions: z.array(z.enum(OBSERVATION_CAPABILITIES)),
});
export type Observation = z.infer<typeof ObservationSchema>;

export const ObservationDetailSchema = ObservationSchema.extend({ events: z.array(ObservationEventSchema) });
export type ObservationDetail = z.infer<typeof ObservationDetailSchema>;

export const ObservationPageSchema = pageOf(ObservationSchema);

export const ObservationSeriesQuerySchema = z.object({
  organizationId: IdSchema.optional(),
  as_of: CalendarDateSchema.optional(),
});

export const ObservationQueueQuerySchema = PageQuerySchema.extend({
  state: z.enum(OBSERVATION_STATES).default('submitted'),
  indicatorId: IdSchema.optional(),
  organizationId: IdSchema.optional().describe('The organization and those beneath it'),
});
export type ObservationQueueQuery = z.infer<typeof ObservationQueueQuerySchema>;

const ValueFields = {
  value: FigureSchema,
  source: text(500).describe('Where the figure comes from: a statistics release, a system, a survey'),
  note: text(4000, { multiline: true }).nullable().optional().describe('Required when the value is off track'),
};

export const EnterObservationSchema = z.strictObject({
  organizationId: IdSchema,
  period: safeText().max(10).describe('"2025-Q3", "2025-09" or "2025", as the indicator is reported'),
  ...ValueFields,
});
export type EnterObservation = z.infer<typeof EnterObservationSchema>;

export const CorrectObservationSchema = z.strictObject(ValueFields);
export type CorrectObservation = z.infer<typeof CorrectObservationSchema>;

export const ReturnObservationSchema = z.strictObject({ reason: text(2000, { multiline: true }) });

const WeightsSchema = z.strictObject({
  onTime: z.number().min(0).max(1000),
  notOverdue: z.number().min(0).max(1000),
  notLate: z.number().min(0).max(1000),
  indicators: z.number().min(0).max(1000),
});
const BandsSchema = z.strictObject({ ready: z.number().min(0).max(100), warning: z.number().min(0).max(100) });

export const EvaluationSettingsSchema = z.object({
  onTrack: z.number().describe('Achievement from which an indicator is on track'),
  atRisk: z.number().describe('Achievement from which it is at risk; below, off track'),
  weights: WeightsSchema.describe("The scorecard's weights (decision 0033): onTime, notOverdue, notLate, indicators"),
  bands: BandsSchema.describe('The score from which a card is green (ready) or yellow (warning); below, red (slow)'),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type EvaluationSettings = z.infer<typeof EvaluationSettingsSchema>;

/** An achievement: 1 is on the trajectory; thresholds past a hundred times it say nothing. */
const ThresholdSchema = z.number().min(-100).max(100);
export const PutEvaluationSettingsSchema = z.strictObject({
  onTrack: ThresholdSchema,
  atRisk: ThresholdSchema,
  weights: WeightsSchema.optional().describe('Left as they are when not sent'),
  bands: BandsSchema.optional().describe('Left as they are when not sent'),
});
export type PutEvaluationSettings = z.infer<typeof PutEvaluationSettingsSchema>;
