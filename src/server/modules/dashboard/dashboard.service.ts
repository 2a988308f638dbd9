import type { Db } from '../../db/database.ts';
import { headlineOf, type Headline, type TimelinessCounts } from '../../../shared/domain/headline.ts';
import type { Timeliness } from '../../../shared/domain/timeliness.ts';
import type { Dashboard, DashboardQuery } from '../../../shared/schemas/dashboard.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Principal } from '../auth/principal.ts';
import { listProgrammes } from '../directives/directives.service.ts';
import { findManyByIds } from '../organizations/organizations.repository.ts';
import { overdueSummaries } from '../tasks/task-queries.repository.ts';
import { taskFilterFor } from '../tasks/task-reading.service.ts';
import { toTaskSummary } from '../tasks/task-views.ts';
import { talliedCounts, type TimelinessCountRow as CountRow } from './task-tallies.repository.ts';

/** Sums the counts of the rows sharing a key, then turns each sum into a headline. */
function headlinesBy(rows: CountRow[], keyOf: (row: CountRow) => string | null): Map<string, Headline> {
  const counts = new Map<string, TimelinessCounts>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null || row.timeliness === null) continue;
    const bucket = counts.get(key) ?? {};
    bucket[row.timeliness as Timeliness] = (bucket[row.timeliness as Timeliness] ?? 0) + Number(row.n);
    counts.set(key, bucket);
  }
  return new Map([...counts].map(([key, value]) => [key, headlineOf(value)]));
}

/** The by-group key of tasks without a group: they are counted, in a row of their own (id null, number 0). */
const NO_GROUP = '';

const byTotal = <T extends Headline>(a: T, b: T) => b.total - a.total;

/**
 * The dashboard of a scope as of a date. Every figure comes from one grouped count in the
 * database and the shared headline rule, so lists, exports and screens agree with it.
 */
export async function getDashboard(db: Db, principal: Principal, query: DashboardQuery): Promise<Dashboard> {
  const { scope, filter } = await taskFilterFor(db, principal, query);
  const [rows, overdue] = await Promise.all([
    talliedCounts(db, { ...filter, scopePath: scope.path }),
    overdueSummaries(db, filter, 50),
  ]);
  // Each task is counted once in each grouping set: by lead agency, and by group.
  const leadRows = rows.filter((row) => Number(row.is_group_row) === 0);
  const byLead = headlinesBy(leadRows, (row) => row.lead_organization_id);
  const byGroup = headlinesBy(
    rows.filter((row) => Number(row.is_group_row) === 1),
    (row) => row.task_group_id ?? NO_GROUP,
  );
  const byProvince = headlinesBy(leadRows, (row) => row.lead_province_id);
  const organizations = new Map(
    (await findManyByIds(db, [...new Set([...byLead.keys(), ...byProvince.keys()])])).map((o) => [o.id, o]),
  );
  const groups = new Map((await listProgrammes(db)).flatMap((p) => p.groups).map((g) => [g.id, g]));
  const named = (id: string, headline: Headline) => {
    const organization = organizations.get(id);
    return {
      id,
      code: organization?.code ?? '',
      nameVi: organization?.name_vi ?? '',
      nameEn: organization?.name_en ?? '',
      ...headline,
    };
  };
  const byOrganization = [...byLead].map(([id, headline]) => named(id, headline)).sort(byTotal);
  const ranking = byOrganization
    .map((row) => ({ ...row, onTimeRate: row.total === 0 ? 0 : row.completedOnTime / row.total }))
    .sort((a, b) => b.onTimeRate - a.onTimeRate || b.total - a.total || a.code.localeCompare(b.code))
    .map((row, index) => ({ ...row, rank: index + 1 }));
  return {
    ...(headlinesBy(leadRows, () => 'all').get('all') ?? headlineOf({})),
    scope: { id: scope.id, code: scope.code, nameVi: scope.name_vi, nameEn: scope.name_en },
    asOf: filter.asOf,
    dueSoonDays: filter.dueSoonDays,
    byOrganization,
    byGroup: [...byGroup]
      .map(([id, headline]) => {
        const group = groups.get(id);
        return {
          id: id === NO_GROUP ? null : id,
          code: String(group?.number ?? ''),
          number: group?.number ?? 0,
          nameVi: group?.nameVi ?? translate('vi', 'taskForm.noGroup'),
          nameEn: group?.nameEn ?? translate('en', 'taskForm.noGroup'),
          ...headline,
        };
      })
      .sort((a, b) => a.number - b.number),
    byProvince: [...byProvince].map(([id, headline]) => named(id, headline)).sort(byTotal),
    overdueTasks: overdue.map(toTaskSummary).sort((a, b) => b.daysLate - a.daysLate),
    ranking,
  };
}
