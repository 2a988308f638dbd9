import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TimelinessCounts } from '../../../shared/domain/headline.ts';
import { countByTimeliness, type TaskFilter } from '../tasks/task-queries.repository.ts';
import { pathDepth } from '../../../shared/domain/roles.ts';

/** A lead agency's counts by timeliness (with its province), as the scope counts its tasks. */
export interface LeadTally {
  organizationId: string;
  provinceId: string | null;
  counts: TimelinessCounts;
}

/** A task group's counts in the scope; tasks without a group under a null id. */
export interface GroupTally {
  taskGroupId: string | null;
  counts: TimelinessCounts;
}

export interface Tallies {
  leads: LeadTally[];
  groups: GroupTally[];
}

/**
 * How a reading finds each key's counts on `as_of`: `key` probes the latest row of each key at or
 * before it (one index probe a key: fast while a scope holds a few hundred keys), `date` scans the
 * rows holding on that day across every lead key at once (one range-index scan, migration 0011:
 * what the whole country, with all of them, needs).
 */
export type TallyReading = 'key' | 'date';

/** The root's scope holds every lead key: read by date there, by key below (decision 0011). */
export const readingFor = (scopePath: string): TallyReading => (pathDepth(scopePath) <= 1 ? 'date' : 'key');

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

/**
 * The lead keys' rows holding on `asOf` ([day, until)), read from the range index alone, first:
 * MATERIALIZED keeps the planner from probing each key's rows instead (it misjudges the range).
 */
function leadTalliesOn(db: Db, asOf: string) {
  return db
    .with(
      (cte) => cte('holding').materialized(),
      (qb) =>
        qb
          .selectFrom('task_tally')
          .select(['key_id', 'on_time', 'late', 'ongoing', 'on_track', 'due_soon', 'overdue'])
          .where('is_lead', '=', true)
          .where(sql<boolean>`daterange(day, until) @> ${asOf}::date`),
    )
    .selectFrom('task_tally_key as k')
    .innerJoin('holding as x', 'x.key_id', 'k.id');
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
 * Kept buckets as timeliness counts. For another due-soon window than the kept one, the open tasks
 * not overdue (on track + due soon) are split again by `dueSoon`, counted apart on the deadline index.
 */
function countsOf(sums: Sums, dueSoon: number | undefined): TimelinessCounts {
  const soon = dueSoon ?? Number(sums.due_soon);
  return {
    on_time: Number(sums.on_time),
    late: Number(sums.late),
    ongoing: Number(sums.ongoing),
    overdue: Number(sums.overdue),
    due_soon: soon,
    on_track: Number(sums.on_track) + Number(sums.due_soon) - soon,
  };
}

/**
 * The dashboard's counts from the tallies (migration 0008, decision 0011), for a scope as of a
 * date: what countByTimeliness counts over every task, read from a few thousand keys.
 */
export async function talliedCounts(
  db: Db,
  filter: TaskFilter & { scopePath: string },
  reading: TallyReading = readingFor(filter.scopePath),
): Promise<Tallies> {
  const depth = pathDepth(filter.scopePath);
  const [leads, groups, dueSoonRows] = await Promise.all([
    (reading === 'date' ? leadTalliesOn(db, filter.asOf) : talliesAsOf(db, filter.asOf))
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
  return {
    leads: leads.map((lead) => ({
      // A lead key always names its agency (migration 0008).
      organizationId: lead.organization_id ?? '',
      provinceId: lead.province_id,
      counts: countsOf(lead, dueSoonRows && (dueSoon.get(`l|${lead.organization_id}|${lead.province_id ?? ''}`) ?? 0)),
    })),
    groups: groups.map((group) => ({
      taskGroupId: group.task_group_id,
      counts: countsOf(group, dueSoonRows && (dueSoon.get(`g|${group.task_group_id ?? ''}`) ?? 0)),
    })),
  };
}
