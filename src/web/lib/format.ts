import { writeCalendarDate, writeDateTime } from '../../shared/domain/calendar-date-format.ts';
import type { Locale } from '../../shared/i18n/index.ts';

// Formatters are costly to build and the same few are used on every row of every table.
const formatters = new Map<string, Intl.NumberFormat>();

function cached<T extends Intl.NumberFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

/** 1132 → "1.132" in Vietnamese, "1,132" in English: the reader's own way of writing numbers. */
export function formatNumber(locale: Locale, value: number): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A fraction (0.43) as a percentage ("43 %" in French), rounded to whole units. */
export function formatPercent(locale: Locale, fraction: number): string {
  return cached(
    `p:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(fraction);
}

/** A calendar date ('YYYY-MM-DD') as the interface language writes dates (decision 0024): 03/12/2026 in vi. */
export function formatDate(locale: Locale, date: string | null | undefined): string {
  return date ? writeCalendarDate(locale, date) : '—';
}

/** An instant (an event, a comment) shown in the committee's time zone, where deadlines are kept. */
export function formatDateTime(locale: Locale, instant: string | null | undefined): string {
  return instant ? writeDateTime(locale, new Date(instant)) : '—';
}
