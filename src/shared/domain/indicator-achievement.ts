/**
 * How far an indicator has come against where it should be (decision 0031). One definition, used by
 * the API, the screens, the scorecards, the exports and the quarterly report.
 *
 * An indicator moves from its baseline towards its targets (2025, 2030, 2045, or a path year by year).
 * Between two points of that trajectory the expected value is linear. Achievement compares the
 * distance actually covered since the baseline with the distance expected by the observation's day,
 * in the indicator's good direction. 1 means on the trajectory, 0.5 halfway behind, 0 no better than
 * the baseline, and a negative ratio a move the wrong way. A ratio above 1 is ahead of the trajectory.
 */
import { type CalendarDate, daysBetween } from './calendar-date.ts';

/** Whether a higher value is better (a share online) or a lower one (days to resolve a dossier). */
export type IndicatorDirection = 'higher' | 'lower';

export interface TrajectoryPoint {
  date: CalendarDate;
  value: number;
}

export interface Trajectory {
  direction: IndicatorDirection;
  baseline: TrajectoryPoint;
  /** Targets after the baseline, in any order: the Resolution's years, a path, or an organization's own. */
  targets: readonly TrajectoryPoint[];
}

/** The points of a trajectory in date order: the baseline, then the targets after it. */
function pointsOf(trajectory: Trajectory): TrajectoryPoint[] {
  const later = trajectory.targets.filter((target) => target.date > trajectory.baseline.date);
  return [trajectory.baseline, ...[...later].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))];
}

/**
 * The value the trajectory expects on `date`: the baseline's before it, linear between two points,
 * the last target's after the last target (a target reached is to be held).
 */
export function expectedValueOn(trajectory: Trajectory, date: CalendarDate): number {
  const points = pointsOf(trajectory);
  let previous = points[0] ?? trajectory.baseline;
  if (date <= previous.date) return previous.value;
  for (const next of points.slice(1)) {
    if (date <= next.date) {
      const span = daysBetween(previous.date, next.date);
      const elapsed = daysBetween(previous.date, date);
      return previous.value + ((next.value - previous.value) * elapsed) / span;
    }
    previous = next;
  }
  return previous.value;
}

/** The next target on or after `date`, which the reading is measured towards; the last one past them all. */
export function nextTargetOn(trajectory: Trajectory, date: CalendarDate): TrajectoryPoint | null {
  const targets = pointsOf(trajectory).slice(1);
  return targets.find((target) => target.date >= date) ?? targets.at(-1) ?? null;
}

/** The signed distance from `from` to `to` in the good direction: positive is an improvement. */
const gain = (direction: IndicatorDirection, from: number, to: number) =>
  direction === 'higher' ? to - from : from - to;

/**
 * Achievement of an observed value on its day: the improvement since the baseline over the
 * improvement the trajectory expects by then. Where none is expected yet (the baseline's day, or a
 * target equal to the baseline, or one too close to it for the ratio to be a number), holding the
 * expected value or better is 1 and falling short is 0.
 */
export function achievementOf(trajectory: Trajectory, observed: TrajectoryPoint): number {
  return achievementFrom(
    trajectory.direction,
    trajectory.baseline.value,
    expectedValueOn(trajectory, observed.date),
    observed.value,
  );
}

/**
 * The same ratio from the three values it compares, for callers that read the expected value once
 * for many observations of the same day (the scorecards: one per indicator, not one per reporter).
 */
export function achievementFrom(
  direction: IndicatorDirection,
  baselineValue: number,
  expectedValue: number,
  observedValue: number,
): number {
  const expected = gain(direction, baselineValue, expectedValue);
  const actual = gain(direction, baselineValue, observedValue);
  const ratio = actual / expected;
  // An expected improvement so small that the ratio overflows counts as none expected.
  if (expected <= 0 || !Number.isFinite(ratio)) return actual >= expected ? 1 : 0;
  return ratio;
}

/** What the heat map and the scorecards show of an indicator for an organization. */
export const INDICATOR_STATUSES = ['on_track', 'at_risk', 'off_track', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

/**
 * The achievement from which an indicator is on track or at risk; below `atRisk`, off track. An
 * admin can change them (decision 0031); these are the defaults.
 */
export interface StatusThresholds {
  onTrack: number;
  atRisk: number;
}

export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { onTrack: 0.95, atRisk: 0.75 };

/** Whether thresholds can be used: finite, on track above at risk, both above zero. */
export function thresholdsProblem(thresholds: StatusThresholds): 'not_finite' | 'not_ordered' | 'not_positive' | null {
  const { onTrack, atRisk } = thresholds;
  if (!Number.isFinite(onTrack) || !Number.isFinite(atRisk)) return 'not_finite';
  if (atRisk <= 0) return 'not_positive';
  if (onTrack <= atRisk) return 'not_ordered';
  return null;
}

/** The status of an achievement; `null` (no value for the period, or a stale one) is no data. */
export function statusOf(
  achievement: number | null,
  thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS,
): IndicatorStatus {
  if (achievement === null || !Number.isFinite(achievement)) return 'no_data';
  if (achievement >= thresholds.onTrack) return 'on_track';
  if (achievement >= thresholds.atRisk) return 'at_risk';
  return 'off_track';
}
