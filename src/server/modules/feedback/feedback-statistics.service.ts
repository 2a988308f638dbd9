import type { Db } from '../../db/database.ts';
import { type CalendarDate, calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import { isRootScope, readsAllFeedback } from '../../../shared/domain/feedback-permissions.ts';
import { ANSWER_WORKING_DAYS, TRIAGE_WORKING_DAYS } from '../../../shared/domain/feedback-service-level.ts';
import { can, roleAllows } from '../../../shared/domain/roles.ts';
import { type WorkingCalendar, workingDaysBetween } from '../../../shared/domain/working-days.ts';
import type {
  FeedbackOrganizationStatistics,
  FeedbackStatistics,
  FeedbackStatisticsQuery,
} from '../../../shared/schemas/feedback-statistics.ts';
import { forbidden } from '../../errors.ts';
import type { Principal } from '../../kernel/principal.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import type { OrganizationRow } from '../organizations/organizations.repository.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import {
  addCounts,
  NO_COUNTS,
  responseFigures,
  type StepCounts,
  type WeightedValue,
} from './feedback-statistics.figures.ts';
import * as statistics from './feedback-statistics.repository.ts';
import { organizationNames } from './feedback.repository.ts';

/**
 * The scope of the statistics: the one asked for, if the caller reads feedback there; else the
 * caller's own (the root for those who read everything: root handlers, inspectors).
 */
async function statisticsScope(db: Db, principal: Principal, scope: string | undefined): Promise<OrganizationRow> {
  const grant = principal.grants.find((g) => roleAllows(g.role, 'feedback.read'));
  if (!grant) throw forbidden('read feedback statistics');
  const readsAll = readsAllFeedback(principal.grants);
  const ownId = readsAll ? grant.scopePath.split('/')[1] : grant.scopePath.split('/').at(-2);
  const organization = await getOrganization(db, scope ?? ownId ?? '');
  if (!readsAll && !can(principal.grants, 'feedback.read', organization.path)) {
    throw forbidden('read feedback statistics in this scope');
  }
  return organization;
}

const keyOf = (organizationId: string | null) => organizationId ?? '';

/** Working days of each (received, done) pair, counted once per pair and kept per organization. */
function workingDaysByOrganization(pairs: statistics.StepDayPair[], calendar: WorkingCalendar) {
  const byOrganization = new Map<string, WeightedValue[]>();
  for (const pair of pairs) {
    const key = keyOf(pair.organization_id);
    const values = byOrganization.get(key) ?? [];
    values.push({ value: workingDaysBetween(pair.received_on, pair.done_on, calendar), weight: Number(pair.items) });
    byOrganization.set(key, values);
  }
  return byOrganization;
}

/** The calendar spanning every pair: one query, whatever the number of items. */
async function calendarFor(db: Db, pairs: statistics.StepDayPair[]) {
  let first: CalendarDate | undefined;
  let last: CalendarDate | undefined;
  for (const pair of pairs) {
    if (first === undefined || pair.received_on < first) first = pair.received_on;
    if (last === undefined || pair.done_on > last) last = pair.done_on;
  }
  return first && last ? loadWorkingCalendar(db, first, last) : undefined;
}

/**
 * Response times of a scope's organizations for items received in a period: counts and shares
 * within the service level from SQL, medians in working days from the day pairs and the calendar.
 */
export async function getFeedbackStatistics(
  db: Db,
  principal: Principal,
  query: FeedbackStatisticsQuery,
  now = new Date(),
): Promise<FeedbackStatistics> {
  const scope = await statisticsScope(db, principal, query.scope);
  const asOf = query.as_of ?? calendarDateOf(now);
  const filter: statistics.StatisticsFilter = {
    scopePath: scope.path,
    includeUnassigned: readsAllFeedback(principal.grants) && isRootScope(scope.path),
    asOf,
    ...(query.received_from ? { receivedFrom: query.received_from } : {}),
    ...(query.received_to ? { receivedTo: query.received_to } : {}),
  };
  const [countRows, triagePairs, answerPairs] = await Promise.all([
    statistics.countsByOrganization(db, filter),
    statistics.stepDayPairs(db, filter, 'triage'),
    statistics.stepDayPairs(db, filter, 'answer'),
  ]);
  const calendar = await calendarFor(db, [...triagePairs, ...answerPairs]);
  const triageDays = calendar ? workingDaysByOrganization(triagePairs, calendar) : new Map<string, WeightedValue[]>();
  const answerDays = calendar ? workingDaysByOrganization(answerPairs, calendar) : new Map<string, WeightedValue[]>();
  const names = await organizationNames(
    db,
    countRows.map((row) => row.organization_id).filter((id) => id !== null),
  );
  let totals: StepCounts = NO_COUNTS;
  const byOrganization = countRows.map((row): FeedbackOrganizationStatistics => {
    const counts: StepCounts = {
      received: Number(row.received),
      triaged: Number(row.triaged),
      triagedWithin: Number(row.triaged_within),
      answered: Number(row.answered),
      answeredWithin: Number(row.answered_within),
      overdue: Number(row.overdue),
    };
    totals = addCounts(totals, counts);
    const name = names.find((organization) => organization.id === row.organization_id);
    const key = keyOf(row.organization_id);
    return {
      organization: name ? { id: name.id, code: name.code, nameVi: name.name_vi, nameEn: name.name_en } : null,
      ...responseFigures(counts, triageDays.get(key) ?? [], answerDays.get(key) ?? []),
    };
  });
  byOrganization.sort(
    (a, b) => b.received - a.received || (a.organization?.code ?? '~').localeCompare(b.organization?.code ?? '~'),
  );
  return {
    scope: { id: scope.id, code: scope.code, nameVi: scope.name_vi, nameEn: scope.name_en },
    asOf,
    receivedFrom: query.received_from ?? null,
    receivedTo: query.received_to ?? null,
    serviceLevel: { triageWorkingDays: TRIAGE_WORKING_DAYS, answerWorkingDays: ANSWER_WORKING_DAYS },
    totals: responseFigures(totals, [...triageDays.values()].flat(), [...answerDays.values()].flat()),
    byOrganization,
  };
}
