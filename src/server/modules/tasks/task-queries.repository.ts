import { type ExpressionBuilder, type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { countUpTo } from '../../db/count-up-to.ts';
import type { Db } from '../../db/database.ts';
import type { Database, TaskTable } from '../../db/schema.ts';
import type { TaskSort } from '../../../shared/domain/task-vocabulary.ts';
import { addDays } from '../../../shared/domain/calendar-date.ts';
import { type ListCount, TASK_LIST_COUNT_CAP } from '../../../shared/domain/list-count.ts';
import { OPEN_STATES, type TaskState } from '../../../shared/domain/task-lifecycle.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';
import { escapeLike } from '../../kernel/like-patterns.ts';
import { daysLateSql, periodCovers, readsCurrentState, timelinessSql } from './timeliness-sql.ts';
import { matchesWords } from '../../db/search-sql.ts';
import type { TaskListCursor } from './task-list-cursor.ts';
import { afterCursor, type SortExpression } from './task-list-keyset.ts';
import { pathDepth } from '../../../shared/domain/roles.ts';

export interface TaskFilter {
  asOf: string;
  dueSoonDays: number;
  /** Tasks led within this path; a sub-task unless its parent is led strictly inside it (countedIn). */
  scopePath?: string;
  states?: TaskState[];
  timeliness?: Timeliness[];
  leadPath?: string;
  groupId?: string;
  documentId?: string;
  parentId?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  /** Words of a search (searchQueryWords): tasks holding them all. */
  words?: string[];
  ids?: string[];
  /**
   * Which confidential tasks the reader sees: unset, all of them (inspectors); `none`, none (exports);
   * otherwise those led, assigned or coordinated within one of these paths (`task.read_confidential`).
   */
  confidential?: 'none' | { readableUnder: string[] };
}

/** The states whose periods can have one of these timeliness classes. */
function statesGiving(classes: Timeliness[]): TaskState[] {
  const states = new Set<TaskState>();
  for (const value of classes) {
    for (const state of value === 'on_time' || value === 'late' ? (['completed'] as const) : OPEN_STATES)
      states.add(state);
  }
  return [...states];
}

/**
 * Tasks a scope counts: led within it, a sub-task unless its parent is led by a unit strictly inside
 * it (there it is part of its parent). The parent's lead agency, which assigned it, counts it
 * (decision 0021): a province sees its communes' sub-tasks; the country, only the province's task.
 */
function countedIn(scopePath: string) {
  const scope = `${scopePath}%`;
  return (eb: ExpressionBuilder<Database & { t: TaskTable }, 't'>) =>
    eb.and([
      eb('t.lead_path', 'like', scope),
      eb.or([
        eb('t.parent_lead_path', 'is', null),
        eb('t.parent_lead_path', 'not like', scope),
        eb('t.parent_lead_path', '=', scopePath),
      ]),
    ]);
}

/**
 * The confidential tasks a reader may see, as mayReadTask decides one by one (decision 0015): a task
 * is kept unless it is confidential and out of reach. Written as "not among the hidden ones" so that
 * the test is a probe of the small index of confidential tasks, not a read of each task's row.
 */
/**
 * Whether the task under `alias` takes part within one of `paths` — led there, assigned from there,
 * or coordinated there — as mayReadTask decides it for a reader of those scopes.
 */
export function takesPartWithin(alias: 't' | 'c', paths: readonly string[]): RawBuilder<boolean> {
  if (paths.length === 0) return sql<boolean>`false`;
  const task = sql.raw(alias);
  const under = sql`ARRAY[${sql.join(paths.map((path) => sql`${`${escapeLike(path)}%`}`))}]`;
  return sql<boolean>`(${task}.lead_path LIKE ANY (${under})
    OR EXISTS (SELECT 1 FROM organization a WHERE a.id = ${task}.assigner_organization_id AND a.path LIKE ANY (${under}))
    OR EXISTS (SELECT 1 FROM task_coordinator k JOIN organization o ON o.id = k.organization_id
      WHERE k.task_id = ${task}.id AND o.path LIKE ANY (${under})))`;
}

export function confidentialVisible(rule: NonNullable<TaskFilter['confidential']>): RawBuilder<boolean> {
  if (rule === 'none' || rule.readableUnder.length === 0) {
    return sql<boolean>`NOT EXISTS (SELECT 1 FROM task c WHERE c.id = t.id AND c.is_confidential)`;
  }
  return sql<boolean>`NOT EXISTS (
    SELECT 1 FROM task c
    WHERE c.id = t.id AND c.is_confidential AND NOT ${takesPartWithin('c', rule.readableUnder)}
  )`;
}

/** Tasks as they stood on `asOf`: those assigned later have no period covering it and drop out. */
function tasksAsOf(db: Db, filter: TaskFilter) {
  const timeliness = timelinessSql(filter.asOf, filter.dueSoonDays);
  let query = db
    .selectFrom('task as t')
    .innerJoin('task_period as p', (join) => join.onRef('p.task_id', '=', 't.id').on(periodCovers(filter.asOf)));
  if (filter.scopePath) {
    query = query.where(countedIn(filter.scopePath));
  }
  if (filter.confidential) query = query.where(confidentialVisible(filter.confidential));
  if (filter.states?.length) query = query.where('p.state', 'in', filter.states);
  if (filter.timeliness?.length) {
    // In plain columns where the rule allows, so that the planner estimates rows rightly (it guesses
    // 0.5% for a CASE) and can use the index of open periods by deadline (decision 0009). Overdue
    // is exactly "open and as_of past the deadline"; other classes keep the rule itself.
    query = query.where('p.state', 'in', statesGiving(filter.timeliness));
    if (filter.timeliness.every((value) => value === 'overdue')) {
      query = query.where('p.effective_deadline', '<', sql<string>`cast(${filter.asOf} as date)`);
    } else if (filter.timeliness.every((value) => value === 'due_soon')) {
      // Due soon is exactly "open and the deadline within the window": a range on the same index.
      query = query
        .where('p.effective_deadline', '>=', filter.asOf)
        .where('p.effective_deadline', '<=', addDays(filter.asOf, filter.dueSoonDays));
    } else {
      query = query.where(timeliness, 'in', filter.timeliness);
    }
  }
  if (filter.leadPath) query = query.where('t.lead_path', 'like', `${filter.leadPath}%`);
  if (filter.groupId) query = query.where('t.task_group_id', '=', filter.groupId);
  if (filter.documentId) query = query.where('t.source_document_id', '=', filter.documentId);
  if (filter.parentId) query = query.where('t.parent_task_id', '=', filter.parentId);
  if (filter.deadlineFrom) query = query.where('p.effective_deadline', '>=', filter.deadlineFrom);
  if (filter.deadlineTo) query = query.where('p.effective_deadline', '<=', filter.deadlineTo);
  if (filter.words?.length) query = query.where(matchesWords('t', filter.words));
  if (filter.ids)
    query = query.where('t.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  return query;
}

type TasksAsOf = ReturnType<typeof tasksAsOf>;

/**
 * A task's progress percentage as of `asOf` (decision 0014): the latest row of its history at or
 * before that day, one probe of the (task_id, day) key, 0 before the first. As a correlated
 * subquery, PostgreSQL runs it after the sort and limit, for the page's rows only, unless the list
 * is sorted by it. From today on it is the task's own column, which setProgress keeps equal to the
 * latest row (progress-as-of.test.ts and the seed test hold the two equal): today's readings, the
 * most frequent, probe nothing.
 */
export function progressAsOf(asOf: string): RawBuilder<number> {
  if (readsCurrentState(asOf)) return sql<number>`t.progress_percent`;
  return sql<number>`coalesce((
    SELECT h.percent FROM task_progress h
    WHERE h.task_id = t.id AND h.day <= cast(${asOf} as date)
    ORDER BY h.day DESC LIMIT 1
  ), 0)`;
}

/**
 * The names shown beside each task. Joined only here, not in tasksAsOf: the counts need no names, and
 * PostgreSQL cannot drop an inner join even when the foreign key guarantees its row (decision 0009).
 */
function withSummaryColumns(query: TasksAsOf, filter: TaskFilter) {
  return query
    .innerJoin('organization as lead', 'lead.id', 't.lead_organization_id')
    .innerJoin('organization as assigner', 'assigner.id', 't.assigner_organization_id')
    .leftJoin('task_group as g', 'g.id', 't.task_group_id')
    .select([
      't.id',
      't.code',
      't.title',
      't.programme_id',
      't.task_group_id',
      'g.number as task_group_number',
      't.lead_organization_id',
      'lead.code as lead_code',
      'lead.name_vi as lead_name_vi',
      'lead.name_en as lead_name_en',
      't.assigner_organization_id',
      'assigner.code as assigner_code',
      'assigner.name_vi as assigner_name_vi',
      'assigner.name_en as assigner_name_en',
      't.parent_task_id',
      't.deadline',
      'p.effective_deadline',
      'p.state',
      timelinessSql(filter.asOf, filter.dueSoonDays).as('timeliness'),
      daysLateSql(filter.asOf).as('days_late'),
      'p.completed_on',
      progressAsOf(filter.asOf).as('progress_percent'),
      't.priority',
      't.is_confidential',
      't.child_count',
      't.version',
    ]);
}

export type TaskSummaryRow = Awaited<ReturnType<ReturnType<typeof withSummaryColumns>['execute']>>[number];

/**
 * Sorts by columns, and by progress as the summary's output column `progress_percent`, which is the
 * progress of the reading's day (an output column's bare name wins over the task's column of that
 * name): the expression written again would be a second probe per task, its date being another
 * parameter.
 */
const SORTS = {
  deadline: ['p.effective_deadline', 'asc'],
  '-deadline': ['p.effective_deadline', 'desc'],
  code: ['t.code', 'asc'],
  '-code': ['t.code', 'desc'],
  progress: ['progress_percent', 'asc'],
  '-progress': ['progress_percent', 'desc'],
  title: ['t.title', 'asc'],
  '-title': ['t.title', 'desc'],
} as const satisfies Record<TaskSort, readonly [string, 'asc' | 'desc']>;

/** What each sort orders by, as a condition on the next page restates it (WHERE cannot name an output column). */
function sortExpression(sort: TaskSort, filter: TaskFilter): SortExpression {
  const [column] = SORTS[sort];
  return column === 'progress_percent' ? progressAsOf(filter.asOf) : sql.ref(column);
}

/**
 * Whether the filter keeps a small part of the tree (a ministry, a department, a commune: depth 3 and
 * below), a task's sub-tasks, a document's tasks or given ones. Walking the periods in deadline order
 * meets mostly tasks led elsewhere there (one ministry's first page: 30,868 tasks read for 20, 510 ms
 * on a busy machine); reading that part's tasks and sorting them takes a few milliseconds.
 */
function isNarrow(filter: TaskFilter): boolean {
  const path = filter.leadPath ?? filter.scopePath;
  return (path !== undefined && pathDepth(path) >= 3) || Boolean(filter.parentId || filter.documentId || filter.ids);
}

/** A page of the list: the first `limit` tasks of the order, or those after a page's cursor (decision 0023). */
export async function listSummaries(
  db: Db,
  filter: TaskFilter,
  page: { sort: TaskSort; limit: number; after?: TaskListCursor },
): Promise<TaskSummaryRow[]> {
  const after = page.after;
  const tasks = after
    ? tasksAsOf(db, filter).where(afterCursor(after, sortExpression(page.sort, filter)))
    : tasksAsOf(db, filter);
  return inListOrder(withSummaryColumns(tasks, filter), page.sort, filter).limit(page.limit).execute();
}

/** The list's order: the sort, then the code. */
function inListOrder<Q extends SelectQueryBuilder<Database & { t: TaskTable }, 't', object>>(
  query: Q,
  sort: TaskSort,
  filter: TaskFilter,
): Q {
  const [column, direction] = SORTS[sort];
  // `+ 0` orders the same way but hides the deadline index from the planner (isNarrow).
  const ordered =
    column === 'p.effective_deadline' && isNarrow(filter) ? sql`p.effective_deadline + 0` : sql.ref(column);
  return query
    .orderBy(ordered, (order) => (direction === 'asc' ? order.asc() : order.desc()).nullsLast())
    .orderBy(sql`t.code COLLATE "C"`) as Q;
}

/** The cursor of the page ending with `row`: its value of the sort, and its code. */
export function cursorAfter(row: TaskSummaryRow, sort: TaskSort): TaskListCursor {
  return { sort, value: sortValueOf(row, SORTS[sort][0]), code: row.code };
}

function sortValueOf(row: TaskSummaryRow, column: (typeof SORTS)[TaskSort][0]): string | number | null {
  switch (column) {
    case 'p.effective_deadline':
      return row.effective_deadline;
    case 'progress_percent':
      return row.progress_percent;
    case 't.title':
      return row.title;
    case 't.code':
      return row.code;
  }
}

/** Whether the filter keeps tasks from the whole tree: no scope below the root, no lead agency. */
function isNationwide(filter: TaskFilter): boolean {
  return (filter.scopePath === undefined || pathDepth(filter.scopePath) < 2) && !filter.leadPath && !isNarrow(filter);
}

/**
 * How many tasks match, counted up to TASK_LIST_COUNT_CAP: a broad filter's exact count was most of a
 * page's time. Nationwide and by deadline, the list's default, it counts the first matches in the
 * page's own order, walking the periods' deadline index as the page does (decision 0030): counted in
 * no order, PostgreSQL took one task in two for overdue (one in ten is) and looked for today's 1,001
 * overdue tasks task by task (45 ms, against 9). Within a province that walk meets mostly tasks led
 * elsewhere, and its tasks are read first, in no order.
 */
export function countSummaries(db: Db, filter: TaskFilter, sort: TaskSort): Promise<ListCount> {
  const matches = tasksAsOf(db, filter).select('t.id');
  const walksDeadlines = (sort === 'deadline' || sort === '-deadline') && isNationwide(filter);
  return countUpTo(db, walksDeadlines ? inListOrder(matches, sort, filter) : matches, TASK_LIST_COUNT_CAP);
}

/**
 * Counts by timeliness, in two grouping sets read in one pass: by lead agency (with its province),
 * and by task group (`is_group_row` = 1). Every dashboard figure derives from these.
 */
export async function countByTimeliness(db: Db, filter: TaskFilter) {
  const timeliness = timelinessSql(filter.asOf, filter.dueSoonDays);
  const tasks = tasksAsOf(db, filter)
    .select(['t.lead_organization_id', 't.task_group_id', 't.lead_province_id', timeliness.as('timeliness')])
    .as('x');
  return db
    .selectFrom(tasks)
    .select([
      'x.lead_organization_id',
      'x.task_group_id',
      'x.lead_province_id',
      'x.timeliness',
      sql<number>`GROUPING(x.lead_organization_id)`.as('is_group_row'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(
      sql`GROUPING SETS ((x.lead_organization_id, x.lead_province_id, x.timeliness), (x.task_group_id, x.timeliness))`,
    )
    .execute();
}

/**
 * The ids of the most overdue tasks of the filter. Over the whole country, walking open periods in
 * deadline order finds fifty overdue ones at once. On a past day, within a province or a ministry,
 * most of what that walk meets is led elsewhere: there, the scope's tasks come first (an index-only
 * read of the scope index, kept apart from the planner's choice by MATERIALIZED), then their periods
 * — half the time. Today's readings walk only today's open periods (decision 0030), and the planner
 * chooses well there: a province's fifty in 11 ms, against 40 by its tasks first.
 */
async function mostOverdueIds(db: Db, filter: TaskFilter, limit: number): Promise<string[]> {
  const overdue = { ...filter, timeliness: ['overdue'] satisfies Timeliness[] };
  const scopeOnly = Object.keys(filter).every((key) =>
    ['asOf', 'dueSoonDays', 'scopePath', 'confidential'].includes(key),
  );
  if (!filter.scopePath || pathDepth(filter.scopePath) < 2 || !scopeOnly || readsCurrentState(filter.asOf)) {
    const rows = await tasksAsOf(db, overdue)
      .select('t.id')
      .orderBy('p.effective_deadline', 'asc')
      .orderBy(sql`t.code COLLATE "C"`)
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  }
  const scopePath = filter.scopePath;
  const rows = await db
    .with(
      (cte) => cte('scoped').materialized(),
      (qb) => qb.selectFrom('task as t').select(['t.id', 't.code']).where(countedIn(scopePath)),
    )
    .selectFrom('scoped as t')
    .innerJoin('task_period as p', (join) => join.onRef('p.task_id', '=', 't.id').on(periodCovers(filter.asOf)))
    .select('t.id')
    .where('p.state', 'in', [...OPEN_STATES])
    .where('p.effective_deadline', '<', sql<string>`cast(${filter.asOf} as date)`)
    .$if(filter.confidential !== undefined, (query) => query.where(confidentialVisible(filter.confidential!)))
    .orderBy('p.effective_deadline', 'asc')
    .orderBy(sql`t.code COLLATE "C"`)
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * The most overdue tasks: first their ids alone, which the indexes answer without reading a task
 * row, then their summaries; fetching the wide rows of every candidate made this the slowest part of
 * a province's dashboard (decision 0009).
 */
export async function overdueSummaries(db: Db, filter: TaskFilter, limit: number): Promise<TaskSummaryRow[]> {
  const ids = await mostOverdueIds(db, filter, limit);
  if (ids.length === 0) return [];
  const overdue = { ...filter, timeliness: ['overdue'] satisfies Timeliness[] };
  const rows = await withSummaryColumns(tasksAsOf(db, { ...overdue, ids }), filter).execute();
  const position = new Map(ids.map((id, index) => [id, index]));
  return rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0));
}
