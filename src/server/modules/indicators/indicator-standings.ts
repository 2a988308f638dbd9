import type { CalendarDate } from '../../../shared/domain/calendar-date.ts';
import {
  achievementOf,
  type StatusThresholds,
  statusOf,
  type Trajectory,
  expectedValueOn,
  nextTargetOn,
} from '../../../shared/domain/indicator-achievement.ts';
import { targetDateOf } from '../../../shared/domain/indicator-values.ts';
import { latestDuePeriod } from '../../../shared/domain/reporting-periods.ts';
import type { IndicatorStanding } from '../../../shared/schemas/indicators.ts';
import type { IndicatorRow, ReporterWithOrganization } from './indicators.repository.ts';

/** What the readings of one indicator hold, gathered by the repository for many at once. */
export interface IndicatorReadings {
  indicator: IndicatorRow;
  reporters: ReporterWithOrganization[];
  /** The indicator's own targets, and each organization's own by its id. */
  targets: { organizationId: string | null; year: number; value: number }[];
  approved: Map<string, { periodKey: string; periodEnd: CalendarDate; value: number }>;
  reported: Map<string, { latestReportedEnd: CalendarDate | null; waiting: number }>;
}

interface OwnTrajectory {
  trajectory: Trajectory;
  own: boolean;
}

/**
 * An organization's trajectory on the indicator: its own baseline and targets where it set them
 * (a province's plan), else the indicator's.
 */
export function trajectoryOf(
  readings: Pick<IndicatorReadings, 'indicator' | 'targets'>,
  reporter: Pick<ReporterWithOrganization, 'organization_id' | 'baseline_value' | 'baseline_date'> | undefined,
): OwnTrajectory {
  const { indicator } = readings;
  const ownTargets = reporter
    ? readings.targets.filter((target) => target.organizationId === reporter.organization_id)
    : [];
  const targets =
    ownTargets.length > 0 ? ownTargets : readings.targets.filter((target) => target.organizationId === null);
  const ownBaseline =
    reporter && reporter.baseline_value !== null && reporter.baseline_date !== null
      ? { date: reporter.baseline_date, value: reporter.baseline_value }
      : null;
  return {
    own: ownTargets.length > 0 || ownBaseline !== null,
    trajectory: {
      direction: indicator.direction,
      baseline: ownBaseline ?? { date: indicator.baseline_date, value: indicator.baseline_value },
      targets: targets.map((target) => ({ date: targetDateOf(target.year), value: target.value })),
    },
  };
}

/** Stale: nothing reported for the latest period due (its end `dueEnd`), or never reported. */
export const isStaleAgainst = (reportedEnd: CalendarDate | null | undefined, dueEnd: CalendarDate): boolean =>
  !reportedEnd || reportedEnd < dueEnd;

export const yearOfTarget = (date: CalendarDate): number => Number(date.slice(0, 4));

/** Where one reporting organization stands on `asOf`: the one reading of standing for every screen and report. */
export function standingOf(
  readings: IndicatorReadings,
  reporter: ReporterWithOrganization,
  asOf: CalendarDate,
  thresholds: StatusThresholds,
): IndicatorStanding {
  const { trajectory, own } = trajectoryOf(readings, reporter);
  const latest = readings.approved.get(reporter.organization_id) ?? null;
  const reported = readings.reported.get(reporter.organization_id);
  const due = latestDuePeriod(readings.indicator.frequency, asOf);
  const stale = isStaleAgainst(reported?.latestReportedEnd, due.end);
  // A stale organization has no status: an old value does not say where it stands now.
  const achievement = latest ? achievementOf(trajectory, { date: latest.periodEnd, value: latest.value }) : null;
  return {
    organization: {
      id: reporter.organization_id,
      code: reporter.code,
      nameVi: reporter.name_vi,
      nameEn: reporter.name_en,
    },
    baseline: { value: trajectory.baseline.value, date: trajectory.baseline.date },
    targets: trajectory.targets.map((target) => ({ year: yearOfTarget(target.date), value: target.value })),
    ownTrajectory: own,
    latest,
    expected: latest ? expectedValueOn(trajectory, latest.periodEnd) : null,
    achievement,
    status: statusOf(stale ? null : achievement, thresholds),
    stale,
    latestDuePeriod: due.key,
    waiting: reported?.waiting ?? 0,
  };
}

/** The next target of the indicator's own trajectory on `asOf`. */
export function nextIndicatorTarget(readings: IndicatorReadings, asOf: CalendarDate) {
  const next = nextTargetOn(trajectoryOf(readings, undefined).trajectory, asOf);
  return next ? { year: yearOfTarget(next.date), value: next.value } : null;
}
