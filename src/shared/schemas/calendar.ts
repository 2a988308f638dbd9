import { z } from 'zod';
import { CALENDAR_YEARS, HOLIDAY_KINDS } from '../domain/working-days.ts';
import { CalendarDateSchema, text } from './common.ts';

export const CalendarYearParamsSchema = z.object({
  year: z.coerce.number().int().min(CALENDAR_YEARS.min).max(CALENDAR_YEARS.max),
});

export const HolidaySchema = z.strictObject({
  date: CalendarDateSchema,
  nameVi: text(200),
  nameEn: text(200),
  kind: z.enum(HOLIDAY_KINDS),
});

export const CalendarYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(['statutory', 'configured']).describe('configured: an administrator set this year'),
  /** 0 while the year follows the statutory calendar: the first PUT needs no If-Match. */
  version: z.number().int(),
  holidays: z.array(HolidaySchema),
  extraWorkingDays: z.array(CalendarDateSchema).describe('Weekend days worked in exchange for a bridge day'),
  updatedAt: z.string().nullable(),
});
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

export const PutCalendarYearSchema = z.strictObject({
  holidays: z.array(HolidaySchema).max(60),
  extraWorkingDays: z.array(CalendarDateSchema).max(20),
});
export type PutCalendarYear = z.infer<typeof PutCalendarYearSchema>;
