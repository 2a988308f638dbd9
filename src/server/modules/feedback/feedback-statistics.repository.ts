import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { COMMITTEE_TIME_ZONE } from '../../../shared/domain/calendar-date.ts';
import { escapeLike } from '../../kernel/like-patterns.ts';

export interface StatisticsFilter {
  /** Items assigned within this path. */
  scopePath: string;
  /** A whole tree's statistics also count what is not assigned to anyone yet. */
  includeUnassigned: boolean;
  receivedFrom?: string;
  receivedTo?: string;
  asOf: string;
}

/**
 * The committee's calendar day of a step: service levels are in days there, as received_on is.
 * The zone is a literal, not a parameter, so that the grouped expression is the selected one.
 */
const dayOf = (column: 'f.triaged_at' | 'f.answered_at') =>
  sql<string>`cast(timezone(${sql.lit(COMMITTEE_TIME_ZONE)}, ${sql.ref(column)}) as date)`;

function filtered(db: Db, filter: StatisticsFilter) {
  let query = db.selectFrom('feedback_item as f').where((eb) => {
    const within = eb('f.assigned_path', 'like', `${escapeLike(filter.scopePath)}%`);
    return filter.includeUnassigned ? eb.or([within, eb('f.assigned_path', 'is', null)]) : within;
  });
  if (filter.receivedFrom) query = query.where('f.received_on', '>=', filter.receivedFrom);
  if (filter.receivedTo) query = query.where('f.received_on', '<=', filter.receivedTo);
  return query;
}

/**
 * The counts per assigned organization in one grouped scan. "Within the service level" compares
 * the day of the step with the due date stored at reception, so a later change of the holiday
 * calendar does not rewrite history; "overdue" is the queue's test on `pending_due_on`.
 */
export async function countsByOrganization(db: Db, filter: StatisticsFilter) {
  return filtered(db, filter)
    .select((eb) => [
      'f.assigned_organization_id as organization_id',
      eb.fn.countAll<number>().as('received'),
      eb.fn.count<number>('f.triaged_at').as('triaged'),
      sql<number>`count(*) filter (where ${dayOf('f.triaged_at')} <= f.triage_due_on)`.as('triaged_within'),
      eb.fn.count<number>('f.answered_at').as('answered'),
      sql<number>`count(*) filter (where ${dayOf('f.answered_at')} <= f.answer_due_on)`.as('answered_within'),
      sql<number>`count(*) filter (where f.pending_due_on < cast(${filter.asOf} as date))`.as('overdue'),
    ])
    .groupBy('f.assigned_organization_id')
    .execute();
}

/**
 * How many items of each organization were received on one day and triaged (or answered) on
 * another. Working days depend on the two days only, so the service counts them once per pair
 * rather than once per item: a year of a busy intake is a few thousand pairs, not a million rows.
 */
export async function stepDayPairs(db: Db, filter: StatisticsFilter, step: 'triage' | 'answer') {
  const column = step === 'triage' ? 'f.triaged_at' : 'f.answered_at';
  const doneOn = dayOf(column);
  return filtered(db, filter)
    .where(column, 'is not', null)
    .select((eb) => [
      'f.assigned_organization_id as organization_id',
      'f.received_on',
      doneOn.as('done_on'),
      eb.fn.countAll<number>().as('items'),
    ])
    .groupBy(['f.assigned_organization_id', 'f.received_on', doneOn])
    .execute();
}

export type StepDayPair = Awaited<ReturnType<typeof stepDayPairs>>[number];
