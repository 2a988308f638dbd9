import { z } from 'zod';
import { CALENDAR_DATE_RANGE, isWithinCalendarRange } from '../domain/calendar-date.ts';
import { textFault } from '../domain/text.ts';

export interface TextOptions {
  /** Descriptions, reports, answers: tab, line feed and carriage return allowed. */
  multiline?: boolean;
}

/** The text rule as a zod refinement, for the string formats zod checks itself (a URL). */
export const textRule =
  ({ multiline = false }: TextOptions = {}) =>
  (value: string, context: z.RefinementCtx) => {
    const fault = textFault(value, multiline);
    // A catalogue key: the problem handler words it in the caller's language (validation.ts).
    if (fault) context.addIssue({ code: 'custom', message: `error.text.${fault}`, input: value, continue: false });
  };

/**
 * THE string of every request schema (decision 0017): query, path, headers, JSON and form bodies,
 * multipart fields. It refuses what no person types and what storage cannot keep (control
 * characters, lone surrogates) with a 400 naming the field, before any handler sees it.
 */
export const safeText = (options: TextOptions = {}) => z.string().superRefine(textRule(options));

/** Strings from people: safe, trimmed, bounded, never empty when required. */
export const text = (max: number, options: TextOptions = {}) => safeText(options).trim().min(1).max(max);

export const IdSchema = z.uuid();

/**
 * A calendar date, 'YYYY-MM-DD', that exists (no 2025-02-30) and lies within CALENDAR_DATE_RANGE
 * (so that as_of=0000-01-01 is a 400, not a 500).
 */
export const CalendarDateSchema = z.iso.date().refine(isWithinCalendarRange, {
  message: 'error.date.out_of_range',
  params: CALENDAR_DATE_RANGE,
  abort: true,
});
export const LocaleSchema = z.enum(['vi', 'en', 'fr']);
export type Locale = z.infer<typeof LocaleSchema>;

export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: safeText().max(200).optional(),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** A page of a list whose matches are counted up to `cap` (ListCount, decision 0023). */
export const countedPageOf = <T extends z.ZodType>(item: T, cap: number, noun: string) =>
  pageOf(item).extend({
    total: z
      .number()
      .int()
      .describe(`How many ${noun} match the filters over all pages, counted up to ${cap.toLocaleString('en')}`),
    totalIsCapped: z
      .boolean()
      .describe(
        `true when more ${noun} match than \`total\`: counting stops at ${cap.toLocaleString('en')}, so that pages stay fast`,
      ),
  });

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
