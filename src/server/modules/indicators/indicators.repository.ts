import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { matchesWords } from '../../db/search-sql.ts';
import type { IndicatorTable } from '../../db/schema.ts';
import { type CalendarDate, COMMITTEE_TIME_ZONE } from '../../../shared/domain/calendar-date.ts';

/** The columns a definition writes (create and update alike). */
export type IndicatorColumns = Omit<IndicatorTable, 'id' | 'version' | 'created_at' | 'updated_at'>;

export interface ReporterRow {
  organizationId: string;
  baselineValue: number | null;
  baselineDate: CalendarDate | null;
}

export interface TargetRow {
  organizationId: string | null;
  year: number;
  value: number;
}

export async function insertIndicator(
  db: Db,
  columns: IndicatorColumns & { created_at: Date },
): Promise<string | undefined> {
  const row = await db
    .insertInto('indicator')
    .values(columns)
    .onConflict((conflict) => conflict.columns(['programme_id', 'code']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** Undefined when the stored version is no longer `expectedVersion`. */
export async function updateIndicatorIfVersion(
  db: Db,
  id: string,
  expectedVersion: number,
  columns: IndicatorColumns,
): Promise<number | undefined> {
  const row = await db
    .updateTable('indicator')
    .set({ ...columns, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** Whether another indicator of the programme has the code. */
export async function codeTaken(db: Db, programmeId: string, code: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('indicator').select('id').where('programme_id', '=', programmeId).where('code', '=', code);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Replaces the reporters and targets of an indicator: a definition is edited as a whole. */
export async function replaceReportersAndTargets(
  db: Db,
  indicatorId: string,
  reporters: readonly ReporterRow[],
  targets: readonly TargetRow[],
): Promise<void> {
  await db.deleteFrom('indicator_target').where('indicator_id', '=', indicatorId).execute();
  const reporterIds = reporters.map((reporter) => reporter.organizationId);
  // A reporter with values stays (its values need it); one no longer listed and without values goes.
  await db
    .deleteFrom('indicator_reporter')
    .where('indicator_id', '=', indicatorId)
    .$if(reporterIds.length > 0, (query) => query.where('organization_id', 'not in', reporterIds))
    .execute();
  if (reporters.length > 0) {
    await db
      .insertInto('indicator_reporter')
      .values(
        reporters.map((reporter) => ({
          indicator_id: indicatorId,
          organization_id: reporter.organizationId,
          baseline_value: reporter.baselineValue,
          baseline_date: reporter.baselineDate,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['indicator_id', 'organization_id']).doUpdateSet((eb) => ({
          baseline_value: eb.ref('excluded.baseline_value'),
          baseline_date: eb.ref('excluded.baseline_date'),
        })),
      )
      .execute();
  }
  if (targets.length > 0) {
    await db
      .insertInto('indicator_target')
      .values(
        targets.map((target) => ({
          indicator_id: indicatorId,
          organization_id: target.organizationId,
          year: target.year,
          value: target.value,
        })),
      )
      .execute();
  }
}

/** Organizations dropped from the reporters that still have values: they cannot be dropped. */
export async function reportersWithValues(db: Db, indicatorId: string, keep: readonly string[]): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator_observation')
    .select('organization_id')
    .distinct()
    .where('indicator_id', '=', indicatorId)
    .$if(keep.length > 0, (query) => query.where('organization_id', 'not in', keep))
    .execute();
  return rows.map((row) => row.organization_id);
}

export interface IndicatorFilter {
  programmeId?: string | undefined;
  taskGroupId?: string | undefined;
  level?: IndicatorTable['level'] | undefined;
  organizationId?: string | undefined;
  words: readonly string[];
}

/** A page of indicator ids in code order, read with limit + 1 (pageFrom). */
export async function listIndicatorIds(
  db: Db,
  filter: IndicatorFilter,
  limit: number,
  offset: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('indicator as i')
    .select('i.id')
    .$if(filter.programmeId !== undefined, (q) => q.where('i.programme_id', '=', filter.programmeId ?? ''))
    .$if(filter.taskGroupId !== undefined, (q) => q.where('i.task_group_id', '=', filter.taskGroupId ?? ''))
    .$if(filter.level !== undefined, (q) => q.where('i.level', '=', filter.level ?? 'strategic'))
    .$if(filter.organizationId !== undefined, (q) =>
      q.where((eb) =>
        eb.or([
          eb('i.responsible_organization_id', '=', filter.organizationId ?? ''),
          eb.exists(
            eb
              .selectFrom('indicator_reporter as r')
              .select(sql`1`.as('one'))
              .whereRef('r.indicator_id', '=', 'i.id')
              .where('r.organization_id', '=', filter.organizationId ?? ''),
          ),
        ]),
      ),
    )
    .where(matchesWords('i', filter.words))
    .orderBy('i.code')
    .orderBy('i.id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return rows.map((row) => row.id);
}

const ORGANIZATION_REF = ['code', 'name_vi', 'name_en', 'path'] as const;

export async function findIndicators(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('indicator as i')
    .innerJoin('organization as o', 'o.id', 'i.responsible_organization_id')
    .leftJoin('task_group as g', 'g.id', 'i.task_group_id')
    .selectAll('i')
    .select([
      'o.code as organization_code',
      'o.name_vi as organization_name_vi',
      'o.name_en as organization_name_en',
      'o.path as organization_path',
      'g.number as group_number',
      'g.name_vi as group_name_vi',
      'g.name_en as group_name_en',
    ])
    .where('i.id', 'in', ids)
    .execute();
}
export type IndicatorRow = Awaited<ReturnType<typeof findIndicators>>[number];

/** Each indicator's reporting organizations, the responsible one included. */
export async function findReporters(db: Db, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_reporter as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .select(['r.indicator_id', 'r.organization_id', 'r.baseline_value', 'r.baseline_date'])
    .select(ORGANIZATION_REF.map((column) => `o.${column}` as const))
    .where('r.indicator_id', 'in', indicatorIds)
    .orderBy('o.sort_key')
    .execute();
}
export type ReporterWithOrganization = Awaited<ReturnType<typeof findReporters>>[number];

export async function findTargets(db: Db, indicatorIds: readonly string[]) {
  if (indicatorIds.length === 0) return [];
  return db
    .selectFrom('indicator_target')
    .select(['indicator_id', 'organization_id', 'year', 'value'])
    .where('indicator_id', 'in', indicatorIds)
    .orderBy('year')
    .execute();
}

/** Every indicator's id: the scorecards read them all. */
export async function allIndicatorIds(db: Db): Promise<string[]> {
  return (await db.selectFrom('indicator').select('id').orderBy('code').execute()).map((row) => row.id);
}

/** The organizations of some kinds (the ministries, or the provinces), with their paths. */
export async function organizationsOfKinds(db: Db, kinds: readonly IndicatorKindsFilter[]) {
  return db
    .selectFrom('organization')
    .select(['id', 'code', 'name_vi', 'name_en', 'path'])
    .where('kind', 'in', kinds)
    .orderBy('sort_key')
    .execute();
}
type IndicatorKindsFilter = 'ministry' | 'ministry_level_agency' | 'province' | 'city';

/** The paths of organizations by id: a task's lead counts for the ministry or province above it. */
export async function pathsOf(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'path'])
    .where('id', '=', sql<string>`any(${[...ids]}::uuid[])`)
    .execute();
  return new Map(rows.map((row) => [row.id, row.path]));
}

/**
 * How many indicators each organization reports on `asOf`: those defined by then (in the
 * committee's time zone), so that an indicator defined later leaves earlier scorecards alone.
 */
export async function reportedCounts(db: Db, asOf: CalendarDate): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('indicator_reporter as r')
    .innerJoin('indicator as i', 'i.id', 'r.indicator_id')
    .select(['r.organization_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`(i.created_at AT TIME ZONE ${COMMITTEE_TIME_ZONE})::date <= ${asOf}::date`)
    .groupBy('r.organization_id')
    .execute();
  return new Map(rows.map((row) => [row.organization_id, Number(row.n)]));
}

/** The reporters that set a baseline of their own (few: a province's plan). */
export async function ownBaselines(db: Db) {
  return db
    .selectFrom('indicator_reporter')
    .select(['indicator_id', 'organization_id', 'baseline_value', 'baseline_date'])
    .where('baseline_value', 'is not', null)
    .execute();
}
