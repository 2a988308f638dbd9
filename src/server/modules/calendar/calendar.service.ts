import type { Db } from '../../db/database.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import { can } from '../../../shared/domain/roles.ts';
import { statutoryHolidays } from '../../../shared/domain/vietnamese-holidays.ts';
import {
  CALENDAR_YEARS,
  dayNumberOf,
  type Holiday,
  type WorkingCalendar,
} from '../../../shared/domain/working-days.ts';
import { type CalendarYear, type PutCalendarYear } from '../../../shared/schemas/calendar.ts';
import { AppError, type FieldError, forbidden, staleVersion } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import { actorIdOf, type Principal } from '../../kernel/principal.ts';
import { rootPaths } from '../organizations/organizations.repository.ts';
import * as repository from './calendar.repository.ts';
import type { HolidayCalendarRow } from './calendar.repository.ts';

const yearOf = (date: CalendarDate) => Number(date.slice(0, 4));

/**
 * The working calendar covering [from, to]: each year's stored calendar if an admin set one, else
 * the statutory one. One query whatever the span; years outside the lunar tables count weekends only.
 */
export async function loadWorkingCalendar(db: Db, from: CalendarDate, to: CalendarDate): Promise<WorkingCalendar> {
  const [first, last] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  const lowest = Math.max(first, CALENDAR_YEARS.min);
  const highest = Math.min(last, CALENDAR_YEARS.max);
  const holidays = new Set<CalendarDate>();
  const extraWorkingDays = new Set<CalendarDate>();
  if (lowest > highest) return { holidays, extraWorkingDays };
  const configured = new Map((await repository.findCalendars(db, lowest, highest)).map((row) => [row.year, row]));
  for (let year = lowest; year <= highest; year++) {
    const stored = configured.get(year);
    for (const holiday of stored?.holidays ?? statutoryHolidays(year)) holidays.add(holiday.date);
    for (const date of stored?.extraWorkingDays ?? []) extraWorkingDays.add(date);
  }
  return { holidays, extraWorkingDays };
}

export async function getCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const stored = await repository.findCalendar(db, year);
  return stored ? configuredYear(stored) : statutoryYear(year);
}

/**
 * Replaces a year's calendar. The first configuration of a year needs no If-Match (there is no
 * version to match); later ones do, so two administrators never overwrite each other unseen.
 */
export async function putCalendarYear(
  db: Db,
  principal: Principal,
  year: number,
  expectedVersion: number | undefined,
  input: PutCalendarYear,
): Promise<CalendarYear> {
  const content = validated(year, input);
  return db.transaction().execute(async (tx) => {
    const rootPath = (await rootPaths(tx)).find((path) => can(principal.grants, 'calendar.write', path));
    if (!rootPath) throw forbidden('set the holiday calendar');
    const current = await repository.findCalendar(tx, year);
    const before = current ? configuredYear(current) : statutoryYear(year);
    let saved: HolidayCalendarRow | undefined;
    if (current) {
      if (expectedVersion === undefined) {
        throw new AppError('precondition_required', 'Send If-Match with the ETag you read');
      }
      if (expectedVersion !== current.version) throw staleVersion('holiday calendar', current.version);
      saved = await repository.updateCalendarIfVersion(tx, year, expectedVersion, content, actorIdOf(principal));
    } else {
      if (expectedVersion !== undefined) throw staleVersion('holiday calendar', 0);
      saved = await repository.insertCalendar(tx, year, content, actorIdOf(principal));
    }
    if (!saved) throw staleVersion('holiday calendar', current?.version ?? 0);
    const after = configuredYear(saved);
    await audit.record(tx, principal, [
      {
        action: current ? 'calendar.updated' : 'calendar.configured',
        entityType: 'holiday_calendar',
        entityId: String(year),
        // The root's: its administrators and inspectors read the trail of the whole country.
        scopePath: rootPath,
        before: { source: before.source, holidays: before.holidays, extraWorkingDays: before.extraWorkingDays },
        after: { holidays: after.holidays, extraWorkingDays: after.extraWorkingDays },
      },
    ]);
    return after;
  });
}

function statutoryYear(year: number): CalendarYear {
  return {
    year,
    source: 'statutory',
    version: 0,
    holidays: statutoryHolidays(year),
    extraWorkingDays: [],
    updatedAt: null,
  };
}

function configuredYear(row: HolidayCalendarRow): CalendarYear {
  return {
    year: row.year,
    source: 'configured',
    version: row.version,
    holidays: row.holidays,
    extraWorkingDays: row.extraWorkingDays,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const isWeekend = (date: CalendarDate) => (((dayNumberOf(date) - 4) % 7) + 7) % 7 >= 5;

/** Refuses what would make the calendar ambiguous; returns it sorted, as it is stored and shown. */
function validated(year: number, input: PutCalendarYear): repository.CalendarContent {
  const errors: FieldError[] = [];
  const inYear = (date: CalendarDate) => yearOf(date) === year;
  const holidayDates = new Set<CalendarDate>();
  input.holidays.forEach((holiday, i) => {
    if (!inYear(holiday.date)) errors.push({ path: `holidays.${i}.date`, message: 'calendar.error.outsideYear' });
    else if (holidayDates.has(holiday.date)) {
      errors.push({ path: `holidays.${i}.date`, message: 'calendar.error.duplicateDate' });
    }
    holidayDates.add(holiday.date);
  });
  const extraDates = new Set<CalendarDate>();
  input.extraWorkingDays.forEach((date, i) => {
    const path = `extraWorkingDays.${i}`;
    if (!inYear(date)) errors.push({ path, message: 'calendar.error.outsideYear' });
    else if (extraDates.has(date)) errors.push({ path, message: 'calendar.error.duplicateDate' });
    else if (!isWeekend(date)) errors.push({ path, message: 'calendar.error.notWeekend' });
    else if (holidayDates.has(date)) errors.push({ path, message: 'calendar.error.alsoHoliday' });
    extraDates.add(date);
  });
  if (errors.length > 0) {
    throw new AppError('validation', `The ${year} calendar has ${errors.length} invalid day(s)`, {}, errors);
  }
  const holidays: Holiday[] = input.holidays
    .map(({ date, nameVi, nameEn, kind }) => ({ date, nameVi, nameEn, kind }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { holidays, extraWorkingDays: [...extraDates].sort() };
}
