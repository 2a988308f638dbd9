import type { CalendarDate } from './calendar-date.ts';

/**
 * The Vietnamese lunisolar calendar, after Hồ Ngọc Đức's published algorithm (new moons and the
 * sun's longitude, from Meeus' "Astronomical Algorithms"). Vietnam reckons at UTC+7, China at UTC+8,
 * so Chinese-calendar libraries give another Tết in some years (2007: 17 February here, 18 there).
 */
const VIETNAM_UTC_OFFSET = 7;

/** Julian day number at the epoch of the first new moon of the series (1900-01-01). */
const NEW_MOON_EPOCH = 2415021.076998695;
const SYNODIC_MONTH = 29.530588853;
const DEGREE = Math.PI / 180;

export interface LunarDate {
  year: number;
  month: number;
  day: number;
  /** True in the intercalary month that repeats `month`. */
  leap: boolean;
}

/** Gregorian date of a Vietnamese lunar date (UTC+7 astronomy). */
export function lunarToSolar(
  lunarYear: number,
  lunarMonth: number,
  lunarDay: number,
  leapMonth = false,
  timeZone = VIETNAM_UTC_OFFSET,
): CalendarDate {
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12) {
    throw new RangeError(`Lunar month ${lunarMonth} is not 1 to 12`);
  }
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30) {
    throw new RangeError(`Lunar day ${lunarDay} is not 1 to 30`);
  }
  const [a11, b11] =
    lunarMonth < 11
      ? [lunarMonth11(lunarYear - 1, timeZone), lunarMonth11(lunarYear, timeZone)]
      : [lunarMonth11(lunarYear, timeZone), lunarMonth11(lunarYear + 1, timeZone)];
  let offset = (lunarMonth - 11 + 12) % 12;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, timeZone);
    const leapMonthNumber = (leapOffset - 2 + 12) % 12;
    if (leapMonth && lunarMonth !== leapMonthNumber) {
      throw new RangeError(`Lunar year ${lunarYear} has no leap month ${lunarMonth}`);
    }
    if (leapMonth || offset >= leapOffset) offset += 1;
  } else if (leapMonth) {
    throw new RangeError(`Lunar year ${lunarYear} has no leap month`);
  }
  const k = Math.floor(0.5 + (a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  const monthStart = newMoonDay(k + offset, timeZone);
  return dateOfJulianDay(monthStart + lunarDay - 1);
}

export function solarToLunar(date: CalendarDate, timeZone = VIETNAM_UTC_OFFSET): LunarDate {
  const year = Number(date.slice(0, 4));
  const dayNumber = julianDayOf(date);
  // The mean month only estimates which new moon starts the date's month; the true one can be off by one either way.
  let k = Math.floor((dayNumber - NEW_MOON_EPOCH) / SYNODIC_MONTH);
  while (newMoonDay(k, timeZone) > dayNumber) k -= 1;
  while (newMoonDay(k + 1, timeZone) <= dayNumber) k += 1;
  const monthStart = newMoonDay(k, timeZone);
  let a11 = lunarMonth11(year, timeZone);
  let b11 = a11;
  let lunarYear: number;
  if (a11 >= monthStart) {
    lunarYear = year;
    a11 = lunarMonth11(year - 1, timeZone);
  } else {
    lunarYear = year + 1;
    b11 = lunarMonth11(year + 1, timeZone);
  }
  const day = dayNumber - monthStart + 1;
  const diff = Math.floor((monthStart - a11) / 29);
  let leap = false;
  let month = diff + 11;
  if (b11 - a11 > 365) {
    const leapOffset = leapMonthOffset(a11, timeZone);
    if (diff >= leapOffset) {
      month = diff + 10;
      leap = diff === leapOffset;
    }
  }
  if (month > 12) month -= 12;
  if (month >= 11 && diff < 4) lunarYear -= 1;
  return { year: lunarYear, month, day, leap };
}

/** The Gregorian date of the first day of a lunar year (Tết Nguyên Đán). */
export const lunarNewYear = (lunarYear: number): CalendarDate => lunarToSolar(lunarYear, 1, 1);

function julianDayOf(date: CalendarDate): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000) + 2_440_588;
}

function dateOfJulianDay(julianDay: number): CalendarDate {
  return new Date((julianDay - 2_440_588) * 86_400_000).toISOString().slice(0, 10);
}

/** Julian day (fractional, UTC) of the k-th new moon after 1900-01-01. */
function newMoon(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const sin = (degrees: number) => Math.sin(degrees * DEGREE);
  let jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
  jd1 += 0.00033 * sin(166.56 + 132.87 * t - 0.009173 * t2);
  const m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
  const mPrime = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
  const f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
  const c1 =
    (0.1734 - 0.000393 * t) * sin(m) +
    0.0021 * sin(2 * m) -
    0.4068 * sin(mPrime) +
    0.0161 * sin(2 * mPrime) -
    0.0004 * sin(3 * mPrime) +
    0.0104 * sin(2 * f) -
    0.0051 * sin(m + mPrime) -
    0.0074 * sin(m - mPrime) +
    0.0004 * sin(2 * f + m) -
    0.0004 * sin(2 * f - m) -
    0.0006 * sin(2 * f + mPrime) +
    0.001 * sin(2 * f - mPrime) +
    0.0005 * sin(2 * mPrime + m);
  const deltaT =
    t < -11
      ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
      : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return jd1 + c1 - deltaT;
}

/** The sun's apparent longitude in radians, [0, 2π), at a fractional Julian day. */
function sunLongitude(julianDay: number): number {
  const t = (julianDay - 2451545.0) / 36525;
  const t2 = t * t;
  const m = 357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
  const l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const dl =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(DEGREE * m) +
    (0.019993 - 0.000101 * t) * Math.sin(DEGREE * 2 * m) +
    0.00029 * Math.sin(DEGREE * 3 * m);
  const l = (l0 + dl) * DEGREE;
  return l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
}

/** Julian day number on which the k-th new moon falls, local time. */
const newMoonDay = (k: number, timeZone: number): number => Math.floor(newMoon(k) + 0.5 + timeZone / 24);

/** Which of the twelve 30° sectors the sun is in at the start of a local day: a major solar term. */
const sunSector = (dayNumber: number, timeZone: number): number =>
  Math.floor((sunLongitude(dayNumber - 0.5 - timeZone / 24) / Math.PI) * 6);

/** First day of the 11th lunar month of `year`: the month holding the winter solstice. */
function lunarMonth11(year: number, timeZone: number): number {
  const offset = julianDayOf(`${String(year).padStart(4, '0')}-12-31`) - 2415021;
  const k = Math.floor(offset / SYNODIC_MONTH);
  const start = newMoonDay(k, timeZone);
  return sunSector(start, timeZone) >= 9 ? newMoonDay(k - 1, timeZone) : start;
}

/** In a 13-month year, the offset after month 11 of the first month without a major solar term: the leap month. */
function leapMonthOffset(a11: number, timeZone: number): number {
  const k = Math.floor((a11 - NEW_MOON_EPOCH) / SYNODIC_MONTH + 0.5);
  let i = 1;
  let sector = sunSector(newMoonDay(k + i, timeZone), timeZone);
  let last: number;
  do {
    last = sector;
    i += 1;
    sector = sunSector(newMoonDay(k + i, timeZone), timeZone);
  } while (sector !== last && i < 14);
  return i - 1;
}
