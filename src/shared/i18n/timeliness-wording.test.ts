import { describe, expect, it } from 'vitest';
import { translate } from './index.ts';

/**
 * Overdue (open, past its deadline) and completed late are two different facts; in French "En
 * retard" named both (decision 0024). Each language now has words for each that cannot be confused.
 */
describe('the words for overdue and for completed late', () => {
  it.each([
    ['vi', 'Quá hạn', 'Hoàn thành trễ hạn', '400 đúng hạn · 85 hoàn thành trễ hạn'],
    ['en', 'Overdue', 'Completed late', '400 on time · 85 completed late'],
    ['fr', 'En retard', 'Achevée en retard', '400 à temps · 85 achevées en retard'],
  ] as const)('%s: "%s" is open past its deadline, "%s" was completed after it', (locale, overdue, late, split) => {
    expect(translate(locale, 'timeliness.overdue')).toBe(overdue);
    expect(translate(locale, 'dashboard.overdue')).toBe(overdue);
    expect(translate(locale, 'timeliness.late')).toBe(late);
    expect(translate(locale, 'dashboard.completedSplit', { onTime: 400, late: 85 })).toBe(split);
  });

  it.each([
    ['vi', 'quá hạn 3 ngày', 'hoàn thành trễ 3 ngày'],
    ['en', '3 days late', 'completed 3 days late'],
    ['fr', '3 jours de retard', 'achevée avec 3 jours de retard'],
  ] as const)('%s: an open task is "%s", a late result "%s"', (locale, open, completed) => {
    expect(translate(locale, 'tasks.daysLate', { days: 3 })).toBe(open);
    expect(translate(locale, 'tasks.completedDaysLate', { days: 3 })).toBe(completed);
  });
});
