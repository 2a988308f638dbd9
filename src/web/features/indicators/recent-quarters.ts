import { today } from '../../../shared/domain/calendar-date.ts';
import { periodContaining, previousPeriod } from '../../../shared/domain/reporting-periods.ts';

/** The quarter under way and the eight before it, newest first: what a scorecard is asked for. */
export function recentQuarters(count = 9): string[] {
  const quarters: string[] = [];
  for (let period = periodContaining('quarter', today()); quarters.length < count; period = previousPeriod(period)) {
    quarters.push(period.key);
  }
  return quarters;
}

/** The last quarter ended: the scorecards' default. */
export const lastEndedQuarter = (): string => previousPeriod(periodContaining('quarter', today())).key;
