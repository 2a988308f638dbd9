import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { IndicatorReadingTable } from '../../db/schema.ts';
import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';

export type ReadingValues = Pick<
  IndicatorReadingTable,
  'approved_period_key' | 'approved_period_end' | 'approved_value' | 'reported_end'
>;

/**
 * Locks the organization's place among the indicator's reporters: two writes to its reading wait
 * for each other, even on the day its current row is replaced.
 */
export async function lockReporter(db: Db, indicatorId: string, organizationId: string): Promise<void> {
  await db
    .selectFrom('indicator_reporter')
    .select('indicator_id')
    .where('indicator_id', '=', indicatorId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function currentReading(db: Db, indicatorId: string, organizationId: string) {
  return db
    .selectFrom('indicator_reading')
    .selectAll()
    .where('indicator_id', '=', indicatorId)
    .where('organization_id', '=', organizationId)
    .where('valid_to', 'is', null)
    .executeTakeFirst();
}

/** The reading from `day` on: replaces the current row if it began that day, else closes it and opens one. */
export async function writeReading(
  db: Db,
  indicatorId: string,
  organizationId: string,
  currentFrom: CalendarDate | null,
  day: CalendarDate,
  values: ReadingValues,
): Promise<void> {
  const rows = db
    .updateTable('indicator_reading')
    .where('indicator_id', '=', indicatorId)
    .where('organization_id', '=', organizationId);
  if (currentFrom === day) {
    await rows.set(values).where('valid_from', '=', day).execute();
    return;
  }
  if (currentFrom !== null) await rows.set({ valid_to: day }).where('valid_from', '=', currentFrom).execute();
  await db
    .insertInto('indicator_reading')
    .values({ indicator_id: indicatorId, organization_id: organizationId, valid_from: day, valid_to: null, ...values })
    .execute();
}

/** The readings of some indicators holding on `asOf`: one row per reporting organization, found by key. */
export async function readingsOn(db: Db, indicatorIds: readonly string[], asOf: CalendarDate) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_reading')
    .select([
      'indicator_id',
      'organization_id',
      'approved_period_key',
      'approved_period_end',
      'approved_value',
      'reported_end',
    ])
    .where('indicator_id', '=', sql<string>`any(${[...indicatorIds]}::uuid[])`)
    .where('valid_from', '<=', asOf)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', asOf)]))
    .execute();
}

/** What the scorecards read of every organization's reading on `asOf`: its figures, without names or keys. */
export async function figuresOn(db: Db, asOf: CalendarDate) {
  return db
    .selectFrom('indicator_reading')
    .select(['indicator_id', 'organization_id', 'approved_period_end', 'approved_value', 'reported_end'])
    .where(sql<boolean>`daterange(valid_from, valid_to) @> ${asOf}::date`)
    .execute();
}

/** Values awaiting approval now, by indicator and organization (a small partial index). */
export async function waitingCounts(db: Db, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_observation')
    .select(['indicator_id', 'organization_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'submitted')
    .where('indicator_id', '=', sql<string>`any(${[...indicatorIds]}::uuid[])`)
    .groupBy(['indicator_id', 'organization_id'])
    .execute();
}
