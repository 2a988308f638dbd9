import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { TaskState } from '../../../shared/domain/task-lifecycle.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';
import { escapeLike } from '../organizations/organizations.repository.ts';
import { daysLateSql, periodCovers, timelinessSql } from './timeliness-sql.ts';

export interface TaskFilter {
  asOf: string;
  dueSoonDays: number;
  /** Tasks led within this path; a sub-task only when its parent is led outside it. */
  scopePath?: string;
  states?: TaskState[];
  timeliness?: Timeliness[];
  leadPath?: string;
  groupId?: string;
  documentId?: string;
  parentId?: string;
  deadlineFrom?: string;
  deadlineTo?: string;
  folded?: string;
  ids?: string[];
}

/** Tasks as they stood on `asOf`: those assigned later have no period covering it and drop out. */
function tasksAsOf(db: Db, filter: TaskFilter) {
  const timeliness = timelinessSql(filter.asOf, filter.dueSoonDays);
  let query = db
    .selectFrom('task as t')
    .innerJoin('task_period as p', (join) => join.onRef('p.task_id', '=', 't.id').on(periodCovers(filter.asOf)))
    .innerJoin('organization as lead', 'lead.id', 't.lead_organization_id')
    .innerJoin('organization as assigner', 'assigner.id', 't.assigner_organization_id')
    .leftJoin('task_group as g', 'g.id', 't.task_group_id');
  if (filter.scopePath) {
    const scope = `${filter.scopePath}%`;
    query = query
      .where('t.lead_path', 'like', scope)
      .where((eb) => eb.or([eb('t.parent_lead_path', 'is', null), eb('t.parent_lead_path', 'not like', scope)]));
  }
  if (filter.states?.length) query = query.where('p.state', 'in', filter.states);
  if (filter.timeliness?.length) query = query.where(timeliness, 'in', filter.timeliness);
  if (filter.leadPath) query = query.where('t.lead_path', 'like', `${filter.leadPath}%`);
  if (filter.groupId) query = query.where('t.task_group_id', '=', filter.groupId);
  if (filter.documentId) query = query.where('t.source_document_id', '=', filter.documentId);
  if (filter.parentId) query = query.where('t.parent_task_id', '=', filter.parentId);
  if (filter.deadlineFrom) query = query.where('p.effective_deadline', '>=', filter.deadlineFrom);
  if (filter.deadlineTo) query = query.where('p.effective_deadline', '<=', filter.deadlineTo);
  if (filter.folded) query = query.where('t.search_text', 'like', `%${escapeLike(filter.folded)}%`);
  if (filter.ids)
    query = query.where('t.id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  return query;
}

type TasksAsOf = ReturnType<typeof tasksAsOf>;

function withSummaryColumns(query: TasksAsOf, filter: TaskFilter) {
  return query.select([
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
    't.progress_percent',
    't.priority',
    't.is_confidential',
    't.child_count',
    't.version',
  ]);
}

export type TaskSummaryRow = Awaited<ReturnType<ReturnType<typeof withSummaryColumns>['execute']>>[number];

const SORTS = {
  deadline: ['p.effective_deadline', 'asc'],
  '-deadline': ['p.effective_deadline', 'desc'],
  code: ['t.code', 'asc'],
  '-code': ['t.code', 'desc'],
  progress: ['t.progress_percent', 'asc'],
  '-progress': ['t.progress_percent', 'desc'],
  title: ['t.title', 'asc'],
  '-title': ['t.title', 'desc'],
} as const;
export type TaskSort = keyof typeof SORTS;

export async function listSummaries(
  db: Db,
  filter: TaskFilter,
  page: { sort: TaskSort; offset: number; limit: number },
): Promise<TaskSummaryRow[]> {
  const [column, direction] = SORTS[page.sort];
  return withSummaryColumns(tasksAsOf(db, filter), filter)
    .orderBy(sql.ref(column), sql.raw(`${direction} NULLS LAST`))
    .orderBy(sql`t.code COLLATE "C"`)
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

export async function countSummaries(db: Db, filter: TaskFilter): Promise<number> {
  const row = await tasksAsOf(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Counts by lead agency, group, province and timeliness: every dashboard figure derives from these. */
export async function countByTimeliness(db: Db, filter: TaskFilter) {
  const timeliness = timelinessSql(filter.asOf, filter.dueSoonDays);
  return tasksAsOf(db, filter)
    .select([
      't.lead_organization_id',
      't.task_group_id',
      't.lead_province_id',
      timeliness.as('timeliness'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .groupBy(['t.lead_organization_id', 't.task_group_id', 't.lead_province_id', sql`4`])
    .execute();
}

export async function overdueSummaries(db: Db, filter: TaskFilter, limit: number): Promise<TaskSummaryRow[]> {
  return withSummaryColumns(tasksAsOf(db, { ...filter, timeliness: ['overdue'] }), filter)
    .orderBy('p.effective_deadline', 'asc')
    .orderBy(sql`t.code COLLATE "C"`)
    .limit(limit)
    .execute();
}
