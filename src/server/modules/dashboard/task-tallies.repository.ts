import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';
import { countByTimeliness, type TaskFilter } from '../tasks/task-queries.repository.ts';
import { pathDepth } from '../../../shared/domain/roles.ts';

/** Counts by timeliness in the shape of countByTimeliness: lead rows, and group rows (is_group_row = 1). */
export interface TimelinessCountRow {
  lead_organization_id: string | null;
  lead_province_id: string | null;
  task_group_id: string | null;
  timeliness: Timeliness | null;
  is_group_row: number;
  n: number;
}

/** The running counts of each key of a kind at the latest day at or before `asOf`, one index probe a key. */
function talliesAsOf(db: Db, asOf: string) {
  return db.selectFrom('task_tally_key as k').innerJoinLateral(
    (eb) =>
      eb
        .selectFrom('task_tally as t')
        .select(['t.on_time', 't.late', 't.ongoing', 't.on_track', 't.due_soon', 't.overdue'])
        .whereRef('t.key_id', '=', 'k.id')
        .where('t.day', '<=', asOf)
        .orderBy('t.day', 'desc')
        .limit(1)
        .as('x'),
    (join) => join.onTrue(),
  );
}

const SUMS = [
  sql<number>`sum(x.on_time)`.as('on_time'),
  sql<number>`sum(x.late)`.as('late'),
  sql<number>`sum(x.ongoing)`.as('ongoing'),
  sql<number>`sum(x.on_track)`.as('on_track'),
  sql<number>`sum(x.due_soon)`.as('due_soon'),
  sql<number>`sum(x.overdue)`.as('overdue'),
];

type Sums = Record<'on_time' | 'late' | 'ongoing' | 'on_track' | 'due_soon' | 'overdue', number | string>;

/** The due-soon window the tallies keep (migration 0008): the default one, DEFAULT_DUE_SOON_DAYS. */
const TALLIED_DUE_SOON_DAYS = 7;

/**
 * Kept buckets as timeliness classes. For another due-soon window than the kept one, the open tasks
 * not overdue (on track + due soon) are split again by `dueSoon`, counted apart on the deadline index.
 */
function classesOf(sums: Sums, dueSoon: number | undefined): [Timeliness, number][] {
  const notOverdue = Number(sums.on_track) + Number(sums.due_soon);
  const soon = dueSoon ?? Number(sums.due_soon);
  const classes: [Timeliness, number][] = [
    ['on_time', Number(sums.on_time)],
    ['late', Number(sums.late)],
    ['ongoing', Number(sums.ongoing)],
    ['overdue', Number(sums.overdue)],
    ['due_soon', soon],
    ['on_track', notOverdue - soon],
  ];
  return classes.filter(([, n]) => n !== 0);
}

/**
 * The dashboard's counts from the tallies (migration 0008, decision 0011), for a scope as of a
 * date: the same rows as countByTimeliness over every task, read from a few thousand keys.
 */
export async function talliedCounts(db: Db, filter: TaskFilter & { scopePath: string }): Promise<TimelinessCountRow[]> {
  const depth = pathDepth(filter.scopePath);
  const [leads, groups, dueSoonRows] = await Promise.all([
    talliesAsOf(db, filter.asOf)
      .where('k.kind', '=', 'lead')
      .where('k.path', 'like', `${filter.scopePath}%`)
      .where('k.shared_depth', '<', depth)
      .select(['k.organization_id', 'k.province_id', ...SUMS])
      .groupBy(['k.organization_id', 'k.province_id'])
      .execute(),
    talliesAsOf(db, filter.asOf)
      .where('k.kind', '=', 'scope')
      .where('k.path', '=', filter.scopePath)
      .select(['k.task_group_id', ...SUMS])
      .groupBy('k.task_group_id')
      .execute(),
    filter.dueSoonDays === TALLIED_DUE_SOON_DAYS
      ? undefined
      : countByTimeliness(db, { ...filter, timeliness: ['due_soon'] }),
  ]);
  // Keyed by lead agency and province, or by group (tasks without a group under '').
  const dueSoon = new Map<string, number>();
  for (const row of dueSoonRows ?? []) {
    const key =
      Number(row.is_group_row) === 1
        ? `g|${row.task_group_id ?? ''}`
        : `l|${row.lead_organization_id}|${row.lead_province_id ?? ''}`;
    dueSoon.set(key, (dueSoon.get(key) ?? 0) + Number(row.n));
  }
  const rows: TimelinessCountRow[] = [];
  for (const lead of leads) {
    const leadDueSoon = dueSoonRows && (dueSoon.get(`l|${lead.organization_id}|${lead.province_id ?? ''}`) ?? 0);
    for (const [timeliness, n] of classesOf(lead, leadDueSoon)) {
      rows.push({
        lead_organization_id: lead.organization_id,
        lead_province_id: lead.province_id,
        task_group_id: null,
        timeliness,
        is_group_row: 0,
        n,
      });
    }
  }
  for (const group of groups) {
    const groupDueSoon = dueSoonRows && (dueSoon.get(`g|${group.task_group_id ?? ''}`) ?? 0);
    for (const [timeliness, n] of classesOf(group, groupDueSoon)) {
      rows.push({
        lead_organization_id: null,
        lead_province_id: null,
        task_group_id: group.task_group_id,
        timeliness,
        is_group_row: 1,
        n,
      });
    }
  }
  return rows;
}
