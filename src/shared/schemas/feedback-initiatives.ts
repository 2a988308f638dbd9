import { z } from 'zod';
import { FEEDBACK_STATES } from '../domain/feedback.ts';
import { CalendarDateSchema, IdSchema, safeText } from './common.ts';
import { CreateTaskSchema } from './tasks.ts';

/** Each criterion of INITIATIVE_CRITERIA, scored as a whole number from 1 (weak) to 5 (strong). */
const score = z.number().int().min(1).max(5);

/** The caller's own evaluation of an initiative: sent again, it replaces the previous one. */
export const PutInitiativeEvaluationSchema = z.strictObject({
  novelty: score,
  feasibility: score,
  impact: score,
  resources: score,
  comment: safeText({ multiline: true }).trim().max(4000).optional(),
});
export type PutInitiativeEvaluation = z.infer<typeof PutInitiativeEvaluationSchema>;

export const InitiativeEvaluationSchema = z.object({
  id: IdSchema,
  evaluator: z.object({ id: IdSchema, fullName: z.string() }),
  novelty: z.number().int(),
  feasibility: z.number().int(),
  impact: z.number().int(),
  resources: z.number().int(),
  /** The mean of the four scores. */
  average: z.number(),
  comment: z.string().nullable(),
  /** When the evaluator last scored. */
  evaluatedAt: z.string(),
});
export type InitiativeEvaluation = z.infer<typeof InitiativeEvaluationSchema>;

/** Means over all evaluations, per criterion and overall; null while nobody has evaluated. */
export const InitiativeAveragesSchema = z.object({
  novelty: z.number(),
  feasibility: z.number(),
  impact: z.number(),
  resources: z.number(),
  overall: z.number(),
});

export const InitiativeAdoptionSchema = z.object({
  itemId: IdSchema,
  trackingCode: z.string(),
  taskId: IdSchema,
  taskCode: z.string(),
  taskTitle: z.string(),
});
export type InitiativeAdoption = z.infer<typeof InitiativeAdoptionSchema>;

export const InitiativeEvaluationsSchema = z.object({
  itemId: IdSchema,
  trackingCode: z.string(),
  title: z.string(),
  state: z.enum(FEEDBACK_STATES),
  evaluations: z.array(InitiativeEvaluationSchema),
  averages: InitiativeAveragesSchema.nullable(),
  /** The task the initiative became, once adopted. */
  adoption: InitiativeAdoptionSchema.nullable(),
  /** Whether the caller may score it now (a handler of the item, in an open or answered state). */
  mayEvaluate: z.boolean(),
  /** Whether the caller assigns tasks somewhere; the programme chosen decides in the end. */
  mayAdopt: z.boolean(),
});
export type InitiativeEvaluations = z.infer<typeof InitiativeEvaluationsSchema>;

/**
 * What adoption needs besides the initiative: where the task goes. Title and description come from
 * the initiative; the programme's owner assigns it, so the caller needs `task.assign` there.
 */
export const AdoptInitiativeSchema = CreateTaskSchema.pick({
  programmeId: true,
  taskGroupId: true,
  leadOrganizationId: true,
  coordinatingOrganizationIds: true,
  startOn: true,
  expectedOutput: true,
  priority: true,
}).extend({ deadline: CalendarDateSchema });
export type AdoptInitiative = z.infer<typeof AdoptInitiativeSchema>;
export type AdoptInitiativeInput = z.input<typeof AdoptInitiativeSchema>;
