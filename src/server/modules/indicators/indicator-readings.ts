import type { Db } from '../../db/database.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import * as readings from './indicator-readings.repository.ts';

/** What a step changes in an organization's reading: a period reported, or a value approved. */
export type ReadingChange =
  { reported: CalendarDate } | { approved: { periodKey: string; periodEnd: CalendarDate; value: number } };

/**
 * Keeps the organization's reading in step with an entry or an approval, in the step's transaction
 * (decision 0032). The latest approved value is the one of the latest period approved (a period
 * approved again after a correction takes its new value); the latest reported period only moves on.
 * A step on a day before the reading's last change (only a seed acting out of order could) counts
 * from that change, so that the rows never overlap.
 */
export async function recordReading(
  db: Db,
  indicatorId: string,
  organizationId: string,
  day: CalendarDate,
  change: ReadingChange,
): Promise<void> {
  await readings.lockReporter(db, indicatorId, organizationId);
  const current = await readings.currentReading(db, indicatorId, organizationId);
  const values: readings.ReadingValues = {
    approved_period_key: current?.approved_period_key ?? null,
    approved_period_end: current?.approved_period_end ?? null,
    approved_value: current?.approved_value ?? null,
    reported_end: current?.reported_end ?? null,
  };
  if ('reported' in change) {
    if (values.reported_end !== null && values.reported_end >= change.reported) return;
    values.reported_end = change.reported;
  } else {
    const { periodKey, periodEnd, value } = change.approved;
    if (values.approved_period_end !== null && values.approved_period_end > periodEnd) return;
    values.approved_period_key = periodKey;
    values.approved_period_end = periodEnd;
    values.approved_value = value;
  }
  const from = current && current.valid_from > day ? current.valid_from : day;
  await readings.writeReading(db, indicatorId, organizationId, current?.valid_from ?? null, from, values);
}
