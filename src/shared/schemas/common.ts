import { z } from 'zod';

/** Strings from people: trimmed, bounded, never empty when required. */
export const text = (max: number) => z.string().trim().min(1).max(max);

export const IdSchema = z.uuid();

/** A calendar date, 'YYYY-MM-DD', that exists (no 2025-02-30). */
export const CalendarDateSchema = z.iso.date();
export const LocaleSchema = z.enum(['vi', 'en', 'fr']);
export type Locale = z.infer<typeof LocaleSchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** RFC 9457 problem details, as every error is rendered. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  errors: z
    .array(z.object({ path: z.string(), message: z.string() }))
    .optional()
    .describe('The fields at fault, for invalid input'),
  currentVersion: z.number().int().optional().describe('On 412: the version now stored, to reload and retry'),
});
export type Problem = z.infer<typeof ProblemSchema>;
