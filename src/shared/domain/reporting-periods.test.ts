import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.ts';
import {
  isStale,
  latestDuePeriod,
  parsePeriodKey,
  periodContaining,
  previousPeriod,
  REPORTING_FREQUENCIES,
} from './reporting-periods.ts';

describe('reporting periods', () => {
  it('names months, quarters and years by their keys, first to last day', () => {
    expect(parsePeriodKey('quarter', '2025-Q3')).toEqual({
      frequency: 'quarter',
      key: '2025-Q3',
      start: '2025-07-01',
      end: '2025-09-30',
    });
    expect(parsePeriodKey('month', '2024-02')).toMatchObject({ start: '2024-02-01', end: '2024-02-29' });
    expect(parsePeriodKey('quarter', '2025-Q4')).toMatchObject({ start: '2025-10-01', end: '2025-12-31' });
    expect(parsePeriodKey('year', '2030')).toMatchObject({ start: '2030-01-01', end: '2030-12-31' });
  });

  it('refuses a key that names no period of its frequency', () => {
    for (const [frequency, key] of [
      ['quarter', '2025-Q5'],
      ['quarter', '2025-Q0'],
      ['quarter', '2025-09'],
      ['month', '2025-13'],
      ['month', '2025-00'],
      ['month', '2025-9'],
      ['year', '25'],
      ['year', '0999'],
      ['year', '2025 '],
      ['month', '2025-09\u0000'],
    ] as const) {
      expect(parsePeriodKey(frequency, key), `${frequency} ${key}`).toBeNull();
    }
  });

  const days = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays('2000-01-01', n));
  const frequencies = fc.constantFrom(...REPORTING_FREQUENCIES);

  it('puts every day in exactly one period, which its key names again and whose predecessor ends the day before', () => {
    fc.assert(
      fc.property(frequencies, days, (frequency, day) => {
        const period = periodContaining(frequency, day);
        expect(period.start <= day && day <= period.end).toBe(true);
        expect(parsePeriodKey(frequency, period.key)).toEqual(period);
        expect(addDays(previousPeriod(period).end, 1)).toBe(period.start);
        expect(periodContaining(frequency, addDays(period.end, 1)).start).toBe(addDays(period.end, 1));
      }),
    );
  });

  it('asks for a quarter once twenty days have passed since its end', () => {
    expect(latestDuePeriod('quarter', '2025-10-10').key).toBe('2025-Q2');
    expect(latestDuePeriod('quarter', '2025-10-20').key).toBe('2025-Q2');
    expect(latestDuePeriod('quarter', '2025-10-21').key).toBe('2025-Q3');
    expect(latestDuePeriod('month', '2025-10-16').key).toBe('2025-09');
    expect(latestDuePeriod('year', '2026-02-15').key).toBe('2025');
    expect(latestDuePeriod('year', '2026-02-14').key).toBe('2024');
  });

  it('calls an organization stale when its latest value is older than the period due', () => {
    expect(isStale('quarter', '2025-Q3', '2025-12-01')).toBe(false);
    expect(isStale('quarter', '2025-Q2', '2025-10-20')).toBe(false);
    expect(isStale('quarter', '2025-Q2', '2025-10-21')).toBe(true);
    expect(isStale('quarter', null, '2025-10-21')).toBe(true);
    expect(isStale('quarter', 'not a key', '2025-10-21')).toBe(true);
  });
});
