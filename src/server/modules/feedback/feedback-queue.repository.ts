import { sql } from 'kysely';
import { escapeLike } from '../../kernel/like-patterns.ts';
import { countUpTo } from '../../db/count-up-to.ts';
import type { Db } from '../../db/database.ts';
import { COMMITTEE_TIME_ZONE } from '../../../shared/domain/calendar-date.ts';
import type { FeedbackField, FeedbackSort, FeedbackState, FeedbackType } from '../../../shared/domain/feedback.ts';
import type { ServiceLevelState } from '../../../shared/domain/feedback-service-level.ts';
import { matchesWords } from '../../db/search-sql.ts';
import { FEEDBACK_QUEUE_COUNT_CAP, type ListCount } from '../../../shared/domain/list-count.ts';

export interface QueueFilter {
  /** Assigned within one of these paths; undefined reads every item, unassigned ones included. */
  scopePaths?: string[];
  states?: FeedbackState[];
  types?: FeedbackType[];
  fields?: FeedbackField[];
  assignedPath?: string;
  serviceLevels?: ServiceLevelState[];
  /** Service levels are read as of `asOf`; due soon up to `soonLimit` (feedback-service-level.ts). */
  asOf: string;
  soonLimit: string;
  /** Words of a search (searchQueryWords): items holding them all. */
  words?: string[];
  /** The one item a tracking code typed as the search names (the caller checked it may see that code). */
  itemId?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

const date = (value: string) => sql<string>`cast(${value} as date)`;
const startOfDay = (value: string, plusDays = 0) =>
  sql<Date>`(cast(${value} as date) + cast(${plusDays} as integer))::timestamp AT TIME ZONE ${COMMITTEE_TIME_ZONE}`;

/** The service-level classes as plain comparisons on the indexed `pending_due_on`. */
function serviceLevelCondition(filter: QueueFilter, level: ServiceLevelState) {
  const due = sql.ref('f.pending_due_on');
  if (level === 'overdue') return sql<boolean>`${due} < ${date(filter.asOf)}`;
  if (level === 'due_soon') return sql<boolean>`${due} between ${date(filter.asOf)} and ${date(filter.soonLimit)}`;
  return sql<boolean>`${due} > ${date(filter.soonLimit)}`;
}

/**
 * The read scope in SQL (feedbackReadScopes): an item assigned within one of the paths. Every list
 * of items a reader sees filters with it, so that none shows what mayReadFeedback would refuse.
 */
export function assignedWithin(column: 'f.assigned_path' | 'recent.assigned_path', paths: readonly string[]) {
  if (paths.length === 0) return sql<boolean>`false`;
  const matches = paths.map((path) => sql<boolean>`${sql.ref(column)} like ${`${escapeLike(path)}%`}`);
  return sql<boolean>`(${sql.join(matches, sql` or `)})`;
}

function filtered(db: Db, filter: QueueFilter) {
  let query = db.selectFrom('feedback_item as f');
  if (filter.scopePaths) query = query.where(assignedWithin('f.assigned_path', filter.scopePaths));
  if (filter.states?.length) query = query.where('f.state', 'in', filter.states);
  if (filter.types?.length) query = query.where('f.type', 'in', filter.types);
  if (filter.fields?.length) query = query.where('f.field', 'in', filter.fields);
  if (filter.assignedPath) query = query.where('f.assigned_path', 'like', `${escapeLike(filter.assignedPath)}%`);
  const levels = filter.serviceLevels;
  if (levels?.length) query = query.where((eb) => eb.or(levels.map((level) => serviceLevelCondition(filter, level))));
  if (filter.words?.length) query = query.where(matchesWords('f', filter.words));
  if (filter.itemId) query = query.where('f.id', '=', filter.itemId);
  // As instants, so that the index on received_at serves the range (a day starts in the committee's zone).
  if (filter.receivedFrom) query = query.where('f.received_at', '>=', startOfDay(filter.receivedFrom));
  if (filter.receivedTo) query = query.where('f.received_at', '<', startOfDay(filter.receivedTo, 1));
  return query;
}

const SORTS = {
  due: ['f.pending_due_on', 'asc'],
  '-due': ['f.pending_due_on', 'desc'],
  received: ['f.received_at', 'asc'],
  '-received': ['f.received_at', 'desc'],
} as const satisfies Record<FeedbackSort, readonly [string, 'asc' | 'desc']>;

export async function listQueue(
  db: Db,
  filter: QueueFilter,
  page: { sort: FeedbackSort; offset: number; limit: number },
) {
  const [column, direction] = SORTS[page.sort];
  let query = filtered(db, filter)
    .leftJoin('organization as concerned', 'concerned.id', 'f.organization_id')
    .leftJoin('organization as assigned', 'assigned.id', 'f.assigned_organization_id')
    .leftJoin('feedback_item as duplicate', 'duplicate.id', 'f.possible_duplicate_of')
    .select((eb) => [
      'f.id',
      'f.tracking_code',
      'f.assigned_path',
      'duplicate.assigned_path as duplicate_path',
      'f.type',
      'f.field',
      'f.title',
      'f.state',
      'f.submitter_kind',
      'f.received_at',
      'f.triage_due_on',
      'f.answer_due_on',
      'f.pending_due_on',
      'f.organization_id',
      'concerned.code as concerned_code',
      'concerned.name_vi as concerned_name_vi',
      'concerned.name_en as concerned_name_en',
      'f.assigned_organization_id',
      'assigned.code as assigned_code',
      'assigned.name_vi as assigned_name_vi',
      'assigned.name_en as assigned_name_en',
      'f.possible_duplicate_of',
      'f.version',
      eb
        .selectFrom('feedback_attachment as a')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('a.item_id', '=', 'f.id')
        .as('attachment_count'),
    ]);
  // Ties keep the order of arrival, so that pages neither skip nor repeat. Received dates are never
  // null: sorting them without NULLS LAST lets PostgreSQL walk the index either way.
  if (page.sort === 'received' || page.sort === '-received') {
    query = query.orderBy('f.received_at', direction).orderBy('f.id', direction);
  } else {
    query = query
      .orderBy(sql.ref(column), (order) => (direction === 'asc' ? order.asc() : order.desc()).nullsLast())
      .orderBy('f.received_at')
      .orderBy('f.id');
  }
  return query.offset(page.offset).limit(page.limit).execute();
}

export type QueueRow = Awaited<ReturnType<typeof listQueue>>[number];

/**
 * Counting a filter's every match was most of a million-item queue's time (the exact total of a
 * text search, 300 ms; the page itself, 2 ms): counting stops past FEEDBACK_QUEUE_COUNT_CAP.
 */
export function countQueue(db: Db, filter: QueueFilter): Promise<ListCount> {
  return countUpTo(db, filtered(db, filter).select('f.id'), FEEDBACK_QUEUE_COUNT_CAP);
}
