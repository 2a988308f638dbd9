import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Holiday } from '../../../shared/domain/working-days.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';

export interface HolidayCalendarRow {
  year: number;
  holidays: Holiday[];
  extraWorkingDays: CalendarDate[];
  version: number;
  updatedAt: Date;
}

function selectCalendars(db: Db) {
  return db
    .selectFrom('holiday_calendar')
    .select(['year', 'holidays', 'extra_working_days', 'version', 'updated_at'])
    .orderBy('year');
}

const toRow = (row: {
  year: number;
  holidays: unknown;
  extra_working_days: unknown;
  version: number;
  updated_at: Date;
}): HolidayCalendarRow => ({
  year: row.year,
  // Written only by saveCalendar below from validated input.
  holidays: row.holidays as Holiday[],
  extraWorkingDays: row.extra_working_days as CalendarDate[],
  version: row.version,
  updatedAt: row.updated_at,
});

export async function findCalendar(db: Db, year: number): Promise<HolidayCalendarRow | undefined> {
  const row = await selectCalendars(db).where('year', '=', year).executeTakeFirst();
  return row && toRow(row);
}

export async function findCalendars(db: Db, fromYear: number, toYear: number): Promise<HolidayCalendarRow[]> {
  const rows = await selectCalendars(db).where('year', '>=', fromYear).where('year', '<=', toYear).execute();
  return rows.map(toRow);
}

export interface CalendarContent {
  holidays: Holiday[];
  extraWorkingDays: CalendarDate[];
}

/** First configuration of a year; undefined when another one got there first. */
export async function insertCalendar(
  db: Db,
  year: number,
  content: CalendarContent,
  updatedBy: string | null,
): Promise<HolidayCalendarRow | undefined> {
  const row = await db
    .insertInto('holiday_calendar')
    .values({
      year,
      holidays: JSON.stringify(content.holidays),
      extra_working_days: JSON.stringify(content.extraWorkingDays),
      updated_by: updatedBy,
    })
    .onConflict((conflict) => conflict.column('year').doNothing())
    .returning(['year', 'holidays', 'extra_working_days', 'version', 'updated_at'])
    .executeTakeFirst();
  return row && toRow(row);
}

/** Undefined when the stored version is no longer `expectedVersion`. */
export async function updateCalendarIfVersion(
  db: Db,
  year: number,
  expectedVersion: number,
  content: CalendarContent,
  updatedBy: string | null,
): Promise<HolidayCalendarRow | undefined> {
  const row = await db
    .updateTable('holiday_calendar')
    .set({
      holidays: JSON.stringify(content.holidays),
      extra_working_days: JSON.stringify(content.extraWorkingDays),
      updated_by: updatedBy,
      version: sql`version + 1`,
      updated_at: new Date(),
    })
    .where('year', '=', year)
    .where('version', '=', expectedVersion)
    .returning(['year', 'holidays', 'extra_working_days', 'version', 'updated_at'])
    .executeTakeFirst();
  return row && toRow(row);
}
