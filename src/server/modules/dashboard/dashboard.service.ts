import type { Db } from '../../db/database.ts';
import { rankAgencies } from '../../../shared/domain/agency-ranking.ts';
import { headlineOf, type Headline, type TimelinessCounts } from '../../../shared/domain/headline.ts';
import { TIMELINESS } from '../../../shared/domain/timeliness.ts';
import type { Dashboard, DashboardQuery } from '../../../shared/schemas/dashboard.ts';
import { translate } from '../../../shared/i18n/index.ts';
import type { Principal } from '../../kernel/principal.ts';
import { listProgrammes } from '../directives/directives.service.ts';
import { findManyByIds, namesWithin, type OrganizationName } from '../organizations/organizations.repository.ts';
import { overdueSummaries } from '../tasks/task-queries.repository.ts';
import { taskFilterFor } from '../tasks/task-reading.service.ts';
import { summariesOf } from '../tasks/task-summaries.service.ts';
import { talliedCounts } from './task-tallies.repository.ts';

/** Adds counts into a running total (field by field: it runs some 10,000 times for the country). */
function addTo(total: TimelinessCounts, counts: TimelinessCounts): void {
  for (const timeliness of TIMELINESS) {
    const n = counts[timeliness];
    if (n) total[timeliness] = (total[timeliness] ?? 0) + n;
  }
}

function entryOf<K>(totals: Map<K, TimelinessCounts>, key: K): TimelinessCounts {
  let entry = totals.get(key);
  if (!entry) totals.set(key, (entry = {}));
  return entry;
}

const byTotal = <T extends Headline>(a: T, b: T) => b.total - a.total;

/** The overdue tasks a dashboard shows, most days late first; its exports hold them all. */
export const OVERDUE_SHOWN = 50;

/**
 * The dashboard of a scope as of a date. Every figure comes from the tallies (decision 0011, held
 * to the live count over tasks) and the shared headline rule, so lists, exports and screens agree.
 */
export async function getDashboard(
  db: Db,
  principal: Principal,
  query: DashboardQuery,
  { overdueLimit = OVERDUE_SHOWN }: { overdueLimit?: number } = {},
): Promise<Dashboard> {
  const { scope, filter } = await taskFilterFor(db, principal, query);
  const [tallies, overdue, scopeNames, programmes] = await Promise.all([
    talliedCounts(db, { ...filter, scopePath: scope.path }),
    overdueSummaries(db, filter, overdueLimit),
    namesWithin(db, scope.path),
    listProgrammes(db),
  ]);
  // An agency may have several lead keys (one per depth it shares with its tasks' parents).
  const total: TimelinessCounts = {};
  const byLead = new Map<string, TimelinessCounts>();
  const byProvince = new Map<string, TimelinessCounts>();
  for (const { organizationId, provinceId, counts } of tallies.leads) {
    addTo(total, counts);
    addTo(entryOf(byLead, organizationId), counts);
    if (provinceId) addTo(entryOf(byProvince, provinceId), counts);
  }
  // Lead agencies lie within the scope; a province above it (the scope is one of its communes) is read apart.
  const names = new Map<string, OrganizationName>(scopeNames.map((o) => [o.id, o]));
  for (const organization of await findManyByIds(
    db,
    [...byProvince.keys()].filter((id) => !names.has(id)),
  )) {
    names.set(organization.id, organization);
  }
  // A key whose tasks are all cancelled, or not yet assigned on `as_of`, counts nothing: no row.
  const counted = (row: Headline) => row.total > 0;
  const named = ([id, counts]: [string, TimelinessCounts]) => {
    const organization = names.get(id);
    return {
      id,
      code: organization?.code ?? '',
      nameVi: organization?.name_vi ?? '',
      nameEn: organization?.name_en ?? '',
      ...headlineOf(counts),
    };
  };
  const groups = new Map(programmes.flatMap((p) => p.groups).map((g) => [g.id, g]));
  const byOrganization = [...byLead].map(named).filter(counted).sort(byTotal);
  const ranking = rankAgencies(byOrganization);
  return {
    ...headlineOf(total),
    scope: { id: scope.id, code: scope.code, nameVi: scope.name_vi, nameEn: scope.name_en },
    asOf: filter.asOf,
    dueSoonDays: filter.dueSoonDays,
    byOrganization,
    byGroup: tallies.groups
      .map(({ taskGroupId, counts }) => {
        const group = taskGroupId === null ? undefined : groups.get(taskGroupId);
        return {
          id: taskGroupId,
          code: String(group?.number ?? ''),
          number: group?.number ?? 0,
          nameVi: group?.nameVi ?? translate('vi', 'taskForm.noGroup'),
          nameEn: group?.nameEn ?? translate('en', 'taskForm.noGroup'),
          ...headlineOf(counts),
        };
      })
      .filter(counted)
      .sort((a, b) => a.number - b.number),
    byProvince: [...byProvince].map(named).filter(counted).sort(byTotal),
    overdueTasks: (await summariesOf(db, overdue, filter)).sort((a, b) => b.daysLate - a.daysLate),
    ranking,
  };
}
