import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format.ts';
import {
  readTypedDate,
  writeCalendarDate,
  writeDateTime,
  writeNumericDate,
} from '../../shared/domain/calendar-date-format.ts';

describe('dates as the interface language writes them (decision 0024)', () => {
  it('writes 3 December 2026 as 03/12/2026 in Vietnamese and French, never 12/03/2026', () => {
    expect(writeCalendarDate('vi', '2026-12-03')).toBe('03/12/2026');
    expect(writeCalendarDate('fr', '2026-12-03')).toBe('03/12/2026');
    expect(writeCalendarDate('en', '2026-12-03')).toBe('Dec 3, 2026');
    // The screens' formatter is the same rule.
    expect(formatDate('vi', '2026-12-03')).toBe('03/12/2026');
    expect(formatDate('fr', '2026-01-09')).toBe('09/01/2026');
    expect(formatDate('vi', null)).toBe('—');
  });

  it('types dates in the language order: dd/mm/yyyy in vi and fr, mm/dd/yyyy in en', () => {
    expect(writeNumericDate('vi', '2026-12-03')).toBe('03/12/2026');
    expect(writeNumericDate('fr', '2026-12-03')).toBe('03/12/2026');
    expect(writeNumericDate('en', '2026-12-03')).toBe('12/03/2026');
  });

  it('writes an instant in the committee time zone, day first in vi and fr', () => {
    // 02:05 UTC is 09:05 in Hà Nội; 20:00 UTC on 2 December is already 3 December there.
    expect(writeDateTime('vi', new Date('2026-12-03T02:05:00Z'))).toBe('03/12/2026 09:05');
    expect(writeDateTime('fr', new Date('2026-12-02T20:00:00Z'))).toBe('03/12/2026 03:00');
    expect(writeDateTime('en', new Date('2026-12-03T02:05:00Z'))).toBe('Dec 3, 2026, 9:05 AM');
    expect(formatDateTime('vi', '2026-12-03T02:05:00Z')).toBe('03/12/2026 09:05');
  });

  it.each([
    ['vi', '03/12/2026', '2026-12-03'],
    ['vi', '3/12/2026', '2026-12-03'],
    ['vi', '3.12.2026', '2026-12-03'],
    ['vi', ' 03-12-2026 ', '2026-12-03'],
    ['fr', '03/12/2026', '2026-12-03'],
    ['en', '12/03/2026', '2026-12-03'],
    ['en', '12/3/2026', '2026-12-03'],
    ['vi', '2026-12-03', '2026-12-03'],
    ['en', '2026-12-03', '2026-12-03'],
  ] as const)('reads %s "%s" as %s', (locale, text, date) => {
    expect(readTypedDate(locale, text)).toBe(date);
  });

  it.each([
    ['vi', '12/31/2026'], // month first is not a Vietnamese date
    ['vi', '31/02/2026'],
    ['en', '31/12/2026'],
    ['vi', '03/12/26'],
    ['vi', '03/12'],
    ['vi', 'hôm nay'],
    ['vi', '01/01/1800'],
    ['vi', ''],
  ] as const)('refuses %s "%s"', (locale, text) => {
    expect(readTypedDate(locale, text)).toBeNull();
  });

  it('reads back what it writes, in every language', () => {
    for (const locale of ['vi', 'en', 'fr'] as const) {
      for (const date of ['2026-12-03', '2025-01-31', '2024-02-29', '1900-01-01', '2999-12-31']) {
        expect(readTypedDate(locale, writeNumericDate(locale, date))).toBe(date);
      }
    }
  });
});
