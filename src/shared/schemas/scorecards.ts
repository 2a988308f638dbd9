import { z } from 'zod';
import { SCORE_LIGHTS } from '../domain/scorecard.ts';
import { IdSchema, safeText } from './common.ts';

export const ScorecardQuerySchema = z.object({
  kind: z.enum(['ministries', 'provinces']).describe('Ministries and ministry-level agencies, or the 34 provinces'),
  period: safeText().max(10).optional().describe('A quarter such as "2025-Q3"; by default the last one ended'),
});
export type ScorecardQuery = z.infer<typeof ScorecardQuerySchema>;

const PartsSchema = z.object({
  onTime: z.number().nullable().describe('Tasks completed on time / tasks'),
  notOverdue: z.number().nullable().describe('1 − overdue tasks / tasks'),
  notLate: z.number().nullable().describe('1 − tasks completed late / tasks'),
  indicators: z
    .number()
    .nullable()
    .describe('Mean achievement of the indicators reported, each within [0, 1], a stale one counting 0'),
});

export const ScorecardSchema = z.object({
  organization: z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  rank: z.number().int().nullable().describe('Equal scores share a rank; null without a score'),
  score: z.number().nullable().describe('0–100; null when the agency has neither tasks nor indicators'),
  light: z.enum(SCORE_LIGHTS).nullable().describe('ready (green), warning (yellow) or slow (red)'),
  parts: PartsSchema.describe('null: the agency has no such part, and its weight is shared among the others'),
  tasks: z.object({
    total: z.number().int(),
    completedOnTime: z.number().int(),
    completedLate: z.number().int(),
    overdue: z.number().int(),
  }),
  indicators: z.object({ count: z.number().int(), stale: z.number().int() }),
  previous: z.object({ score: z.number(), rank: z.number().int().nullable() }).nullable(),
  change: z.number().nullable().describe('Score points gained since the previous quarter'),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const ScorecardsSchema = z.object({
  kind: z.enum(['ministries', 'provinces']),
  period: z.string(),
  asOf: z.string().describe('The day the figures are read: the quarter’s end, or today while it runs'),
  previousPeriod: z.string(),
  weights: z.object({ onTime: z.number(), notOverdue: z.number(), notLate: z.number(), indicators: z.number() }),
  bands: z.object({ ready: z.number(), warning: z.number() }),
  items: z.array(ScorecardSchema).describe('Ranked, best first'),
});
export type Scorecards = z.infer<typeof ScorecardsSchema>;
