import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.ts';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar-calendar.ts';

/**
 * Tết 2000–2050. Where it differs from the Chinese New Year (2007, 2030) the new moon falls
 * between 23:00 and midnight at UTC+7, the next day at UTC+8.
 */
// prettier-ignore
const TET: Record<number, string> = {
  2000: '02-05', 2001: '01-24', 2002: '02-12', 2003: '02-01', 2004: '01-22', 2005: '02-09', 2006: '01-29',
  2007: '02-17', 2008: '02-07', 2009: '01-26', 2010: '02-14', 2011: '02-03', 2012: '01-23', 2013: '02-10',
  2014: '01-31', 2015: '02-19', 2016: '02-08', 2017: '01-28', 2018: '02-16', 2019: '02-05', 2020: '01-25',
  2021: '02-12', 2022: '02-01', 2023: '01-22', 2024: '02-10', 2025: '01-29', 2026: '02-17', 2027: '02-06',
  2028: '01-26', 2029: '02-13', 2030: '02-02', 2031: '01-23', 2032: '02-11', 2033: '01-31', 2034: '02-19',
  2035: '02-08', 2036: '01-28', 2037: '02-15', 2038: '02-04', 2039: '01-24', 2040: '02-12', 2041: '02-01',
  2042: '01-22', 2043: '02-10', 2044: '01-30', 2045: '02-17', 2046: '02-06', 2047: '01-26', 2048: '02-14',
  2049: '02-02', 2050: '01-23',
};

describe('lunar calendar', () => {
  it('finds Tết of every year from 2000 to 2050', () => {
    for (const [year, monthDay] of Object.entries(TET)) {
      expect(lunarNewYear(Number(year)), year).toBe(`${year}-${monthDay}`);
      expect(solarToLunar(`${year}-${monthDay}`)).toEqual({ year: Number(year), month: 1, day: 1, leap: false });
    }
  });

  it('reckons at UTC+7: 1985 and 2007 differ from the Chinese calendar', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(solarToLunar('2007-02-17', 8)).toMatchObject({ year: 2006, month: 12 });
    expect(lunarToSolar(2007, 1, 1, false, 8)).toBe('2007-02-18');
  });

  it('places the Hùng Kings day, the 10th of the 3rd month', () => {
    expect(lunarToSolar(2022, 3, 10)).toBe('2022-04-10');
    expect(lunarToSolar(2023, 3, 10)).toBe('2023-04-29');
    expect(lunarToSolar(2024, 3, 10)).toBe('2024-04-18');
    expect(lunarToSolar(2025, 3, 10)).toBe('2025-04-07');
    expect(lunarToSolar(2026, 3, 10)).toBe('2026-04-26');
  });

  it('knows the leap months', () => {
    expect(solarToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
    expect(lunarToSolar(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarToSolar(2023, 3, 1)).toBe('2023-04-20');
    expect(solarToLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(solarToLunar('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(() => lunarToSolar(2024, 5, 1, true)).toThrow(RangeError);
    expect(() => lunarToSolar(2023, 4, 1, true)).toThrow(RangeError);
  });

  it('puts the lunar year’s last day before Tết and converts there and back for every day of 1990–2060', () => {
    expect(solarToLunar('2025-01-28')).toEqual({ year: 2024, month: 12, day: 29, leap: false });
    expect(solarToLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    for (let date = '1990-01-01'; date < '2061-01-01'; date = addDays(date, 1)) {
      const lunar = solarToLunar(date);
      expect(lunar.day).toBeGreaterThanOrEqual(1);
      expect(lunar.day).toBeLessThanOrEqual(30);
      if (lunarToSolar(lunar.year, lunar.month, lunar.day, lunar.leap) !== date) {
        expect.fail(`${date} → ${JSON.stringify(lunar)} does not convert back`);
      }
    }
  });

  it('refuses impossible lunar dates', () => {
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2025, 1, 31)).toThrow(RangeError);
  });
});
