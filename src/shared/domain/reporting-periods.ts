/**
 * The periods an indicator is reported for (decision 0031): a month, a quarter or a year, written as
 * its key ("2025-09", "2025-Q3", "2025") and lasting from its first to its last day. A value is due
 * once its period has ended and a grace of some days has passed; until then, the period before is
 * the one an organization must have reported, and without it the organization is stale.
 */
import { addDays, type CalendarDate } from './calendar-date.ts';

export const REPORTING_FREQUENCIES = ['month', 'quarter', 'year'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

export interface ReportingPeriod {
  frequency: ReportingFrequency;
  /** "2025-09", "2025-Q3" or "2025". */
  key: string;
  start: CalendarDate;
  end: CalendarDate;
}

const MONTHS_IN = { month: 1, quarter: 3, year: 12 } as const satisfies Record<ReportingFrequency, number>;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The period that begins in `year`'s `firstMonth` (1–12) for the frequency. */
function periodFrom(frequency: ReportingFrequency, year: number, firstMonth: number): ReportingPeriod {
  const months = MONTHS_IN[frequency];
  const start = `${pad(year, 4)}-${pad(firstMonth)}-01`;
  const nextYear = firstMonth + months > 12 ? year + 1 : year;
  const nextMonth = ((firstMonth + months - 1) % 12) + 1;
  const end = addDays(`${pad(nextYear, 4)}-${pad(nextMonth)}-01`, -1);
  const key =
    frequency === 'year'
      ? pad(year, 4)
      : frequency === 'quarter'
        ? `${pad(year, 4)}-Q${(firstMonth + 2) / 3}`
        : `${pad(year, 4)}-${pad(firstMonth)}`;
  return { frequency, key, start, end };
}

const KEY_PATTERNS = {
  month: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarter: /^(\d{4})-Q([1-4])$/,
  year: /^(\d{4})$/,
} as const satisfies Record<ReportingFrequency, RegExp>;

/** The period a key names for the frequency, or null when the key is not one ("2025-13", "2025-Q5"). */
export function parsePeriodKey(frequency: ReportingFrequency, key: string): ReportingPeriod | null {
  const match = KEY_PATTERNS[frequency].exec(key);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  if (frequency === 'year') return periodFrom('year', year, 1);
  if (frequency === 'quarter') return periodFrom('quarter', year, (Number(match[2]) - 1) * 3 + 1);
  return periodFrom('month', year, Number(match[2]));
}

/** The period of the frequency holding `date`. */
export function periodContaining(frequency: ReportingFrequency, date: CalendarDate): ReportingPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const months = MONTHS_IN[frequency];
  return periodFrom(frequency, year, Math.floor((month - 1) / months) * months + 1);
}

/** The period just before `period`. */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  return periodContaining(period.frequency, addDays(period.start, -1));
}

/** Days after a period's end within which its value may still come without the organization being stale. */
export const REPORTING_GRACE_DAYS = { month: 15, quarter: 20, year: 45 } as const satisfies Record<
  ReportingFrequency,
  number
>;

/**
 * The latest period whose value is due on `date`: the last period ended more than its grace ago.
 * On 10 October 2025 a quarterly indicator is due for Q2 (Q3 ended ten days before, within its
 * grace); from 21 October, for Q3.
 */
export function latestDuePeriod(frequency: ReportingFrequency, date: CalendarDate): ReportingPeriod {
  let period = previousPeriod(periodContaining(frequency, date));
  while (addDays(period.end, REPORTING_GRACE_DAYS[frequency]) >= date) period = previousPeriod(period);
  return period;
}

/**
 * Whether an organization whose latest value is for `latestReported` (a key, or null when it never
 * reported) is stale on `date`: its latest value is older than the latest due period.
 */
export function isStale(frequency: ReportingFrequency, latestReported: string | null, date: CalendarDate): boolean {
  if (latestReported === null) return true;
  const reported = parsePeriodKey(frequency, latestReported);
  if (!reported) return true;
  return reported.end < latestDuePeriod(frequency, date).end;
}
