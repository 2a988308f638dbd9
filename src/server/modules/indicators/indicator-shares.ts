import { type CalendarDate, calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import { achievementFrom, expectedValueOn, type Trajectory } from '../../../shared/domain/indicator-achievement.ts';
import { latestDuePeriod } from '../../../shared/domain/reporting-periods.ts';
import { cappedAchievement, type IndicatorTally } from '../../../shared/domain/scorecard.ts';
import type { figuresOn } from './indicator-readings.repository.ts';
import type { findTargets, IndicatorRow, ownBaselines } from './indicators.repository.ts';
import { isStaleAgainst, trajectoryOf } from './indicator-standings.ts';

type Figures = Awaited<ReturnType<typeof figuresOn>>[number];

/** Every indicator's definition, for the scorecards: read once, measured on several days. */
export interface IndicatorDefinitions {
  indicators: readonly IndicatorRow[];
  targets: Awaited<ReturnType<typeof findTargets>>;
  ownBaselines: Awaited<ReturnType<typeof ownBaselines>>;
  /** How many indicators each organization reports on the day (reportedCounts). */
  reported: ReadonlyMap<string, number>;
}

export interface OrganizationShares extends IndicatorTally {
  stale: number;
}

/**
 * What each organization's indicators bring to its scorecard on `asOf`: the rules of the standings
 * (standingOf) — its trajectory, its latest approved value, staleness — for every reporter of every
 * indicator at once. An organization with no reading for an indicator never reported it: stale, 0.
 * The indicator's own trajectory and due period are read once per indicator, its expected value once
 * per day, and a trajectory of its own only for an organization that set one (a province's plan).
 */
export function sharesOn(
  definitions: IndicatorDefinitions,
  figures: readonly Figures[],
  asOf: CalendarDate,
): Map<string, OrganizationShares> {
  const targetsOf = new Map<string, { organizationId: string | null; year: number; value: number }[]>();
  const owners = new Set<string>();
  for (const target of definitions.targets) {
    const list = targetsOf.get(target.indicator_id) ?? [];
    list.push({ organizationId: target.organization_id, year: target.year, value: target.value });
    targetsOf.set(target.indicator_id, list);
    if (target.organization_id) owners.add(target.organization_id);
  }
  const baselineOf = new Map<string, (typeof definitions.ownBaselines)[number]>();
  for (const row of definitions.ownBaselines) {
    owners.add(row.organization_id);
    baselineOf.set(`${row.indicator_id}|${row.organization_id}`, row);
  }
  const indicators = new Map(
    definitions.indicators
      // Defined after the day: not counted then (reportedCounts leaves it out of the counts too).
      .filter((indicator) => calendarDateOf(indicator.created_at) <= asOf)
      .map((indicator) => {
        const targets = targetsOf.get(indicator.id) ?? [];
        return [
          indicator.id,
          {
            indicator,
            targets,
            shared: trajectoryOf({ indicator, targets }, undefined).trajectory,
            dueEnd: latestDuePeriod(indicator.frequency, asOf).end,
          },
        ];
      }),
  );
  const trajectoryFor = (entry: NonNullable<ReturnType<typeof indicators.get>>, organizationId: string) => {
    if (!owners.has(organizationId)) return entry.shared;
    const own = baselineOf.get(`${entry.indicator.id}|${organizationId}`);
    return trajectoryOf(
      { indicator: entry.indicator, targets: entry.targets },
      own ?? { organization_id: organizationId, baseline_value: null, baseline_date: null },
    ).trajectory;
  };
  const expected = new Map<Trajectory, Map<CalendarDate, number>>();
  const expectedOn = (trajectory: Trajectory, day: CalendarDate) => {
    let byDay = expected.get(trajectory);
    if (!byDay) expected.set(trajectory, (byDay = new Map()));
    let value = byDay.get(day);
    if (value === undefined) byDay.set(day, (value = expectedValueOn(trajectory, day)));
    return value;
  };

  const shares = new Map<string, OrganizationShares>();
  for (const row of figures) {
    const entry = indicators.get(row.indicator_id);
    if (!entry) continue;
    const stale = isStaleAgainst(row.reported_end, entry.dueEnd);
    let achievement: number | null = null;
    if (!stale && row.approved_period_end !== null && row.approved_value !== null) {
      const trajectory = trajectoryFor(entry, row.organization_id);
      achievement = achievementFrom(
        trajectory.direction,
        trajectory.baseline.value,
        expectedOn(trajectory, row.approved_period_end),
        row.approved_value,
      );
    }
    const share = shares.get(row.organization_id) ?? { count: 0, sum: 0, stale: 0 };
    share.sum += cappedAchievement(achievement, stale);
    if (!stale) share.count += 1;
    shares.set(row.organization_id, share);
  }
  // Counted so far: the indicators with a reading that is not stale. The others count 0, as stale.
  for (const [organizationId, count] of definitions.reported) {
    const share = shares.get(organizationId) ?? { count: 0, sum: 0, stale: 0 };
    share.stale = count - share.count;
    share.count = count;
    shares.set(organizationId, share);
  }
  return shares;
}
