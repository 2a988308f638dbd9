import type { Locale } from '../i18n/index.ts';
import { type CalendarDate, COMMITTEE_TIME_ZONE, isCalendarDate } from './calendar-date.ts';

/**
 * How dates are written and typed, by interface language, whatever the browser's or the server's
 * locale (decision 0024). Vietnamese and French write day/month/year; English keeps the app's
 * "Dec 3, 2026" for reading and month/day/year for typing. Vietnamese and French are written by
 * hand, not through Intl: Intl's Vietnamese "medium" date is "3 thg 12, 2026", and its patterns
 * change between ICU versions (Node's and Chromium's differ).
 */
export type DateOrder = 'day-month-year' | 'month-day-year';

export const DATE_ORDER: Record<Locale, DateOrder> = {
  vi: 'day-month-year',
  fr: 'day-month-year',
  en: 'month-day-year',
};

const two = (n: number) => String(n).padStart(2, '0');

function parts(date: CalendarDate): { year: string; month: string; day: string } {
  return { year: date.slice(0, 4), month: date.slice(5, 7), day: date.slice(8, 10) };
}

/** A calendar date as typed in a date field: 03/12/2026 in vi and fr, 12/03/2026 in en. */
export function writeNumericDate(locale: Locale, date: CalendarDate): string {
  const { year, month, day } = parts(date);
  return DATE_ORDER[locale] === 'day-month-year' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

// Intl formats are costly to build; one per locale and kind is kept.
const intlFormats = new Map<string, Intl.DateTimeFormat>();
function intlFormat(key: string, build: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = intlFormats.get(key);
  if (!format) intlFormats.set(key, (format = build()));
  return format;
}

/** A calendar date for reading: 03/12/2026 in vi and fr, "Dec 3, 2026" in en. */
export function writeCalendarDate(locale: Locale, date: CalendarDate): string {
  if (locale !== 'en') return writeNumericDate(locale, date);
  // Read at UTC midnight and written in UTC, so that no time zone moves it to the day before.
  return intlFormat('en-date', () => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** An instant in the committee's time zone: 03/12/2026 09:05 in vi and fr, "Dec 3, 2026, 9:05 AM" in en. */
export function writeDateTime(locale: Locale, instant: Date): string {
  if (locale === 'en') {
    return intlFormat(
      'en-time',
      () => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: COMMITTEE_TIME_ZONE }),
    ).format(instant);
  }
  const format = intlFormat(
    'numeric-time',
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: COMMITTEE_TIME_ZONE,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const values = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${writeNumericDate(locale, `${values.year}-${values.month}-${values.day}`)} ${values.hour}:${values.minute}`;
}

const TYPED_DATE = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/;
const TYPED_ISO_DATE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/;

/**
 * What a person typed in a date field, in the order of the interface language (separators /, . or
 * -, one or two digits for day and month), or as an ISO date; null when it names no real day.
 */
export function readTypedDate(locale: Locale, text: string): CalendarDate | null {
  const iso = TYPED_ISO_DATE.exec(text);
  let year: string, month: string, day: string;
  if (iso) {
    [, year = '', month = '', day = ''] = iso;
  } else {
    const typed = TYPED_DATE.exec(text);
    if (!typed) return null;
    const [, first = '', second = '', fullYear = ''] = typed;
    year = fullYear;
    [day, month] = DATE_ORDER[locale] === 'day-month-year' ? [first, second] : [second, first];
  }
  const date = `${year}-${two(Number(month))}-${two(Number(day))}`;
  return isCalendarDate(date) ? date : null;
}
