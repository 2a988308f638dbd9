import { addDays } from './calendar-date.ts';
import { lunarNewYear, lunarToSolar } from './lunar-calendar.ts';
import { dayNumberOf, type Holiday } from './working-days.ts';

const pad = (value: number) => String(value).padStart(2, '0');
const dateIn = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const publicHoliday = (date: string, nameVi: string, nameEn: string): Holiday => ({
  date,
  nameVi,
  nameEn,
  kind: 'public',
});
const isWeekend = (date: string) => {
  const weekday = (((dayNumberOf(date) - 4) % 7) + 7) % 7;
  return weekday >= 5;
};

/**
 * The statutory public holidays of a year (Labour Code 2019, art. 112) with the compensatory days
 * when one falls on a weekend. Tết is taken by convention as the lunar year's last day and the new
 * year's first four; the Government's yearly announcement (bridge days, make-up Saturdays, 1 or
 * 3 September) is what an administrator enters as the year's configured calendar.
 */
export function statutoryHolidays(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new RangeError(`Year ${year} is out of range`);
  const newYear = lunarNewYear(year);
  const tet = [-1, 0, 1, 2, 3].map((offset) =>
    offset < 0
      ? publicHoliday(addDays(newYear, offset), 'Tết Nguyên Đán (ngày cuối năm âm lịch)', "Lunar New Year's Eve")
      : publicHoliday(
          addDays(newYear, offset),
          `Tết Nguyên Đán (mùng ${offset + 1})`,
          `Lunar New Year (day ${offset + 1})`,
        ),
  );
  const publicHolidays = [
    publicHoliday(dateIn(year, 1, 1), 'Tết Dương lịch', "New Year's Day"),
    ...tet,
    publicHoliday(lunarToSolar(year, 3, 10), 'Giỗ Tổ Hùng Vương', 'Hùng Kings Commemoration'),
    publicHoliday(dateIn(year, 4, 30), 'Ngày Chiến thắng', 'Reunification Day'),
    publicHoliday(dateIn(year, 5, 1), 'Ngày Quốc tế Lao động', 'International Labour Day'),
    publicHoliday(dateIn(year, 9, 1), 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'),
    publicHoliday(dateIn(year, 9, 2), 'Quốc khánh', 'National Day'),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return withCompensatoryDays(publicHolidays);
}

/**
 * Art. 112(3): a public holiday on a weekly day off is made up on the next working day(s). Holidays
 * are taken in date order, so two weekend holidays in a row give two days after the block.
 */
function withCompensatoryDays(publicHolidays: Holiday[]): Holiday[] {
  const taken = new Set(publicHolidays.map((holiday) => holiday.date));
  const compensatory: Holiday[] = [];
  for (const holiday of publicHolidays) {
    if (!isWeekend(holiday.date)) continue;
    let date = addDays(holiday.date, 1);
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    compensatory.push({
      date,
      nameVi: `Nghỉ bù ${holiday.nameVi}`,
      nameEn: `In lieu of ${holiday.nameEn}`,
      kind: 'compensatory',
    });
  }
  return [...publicHolidays, ...compensatory].sort((a, b) => a.date.localeCompare(b.date));
}
