import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './calendar-date.ts';
import {
  achievementOf,
  DEFAULT_STATUS_THRESHOLDS,
  expectedValueOn,
  nextTargetOn,
  statusOf,
  thresholdsProblem,
  type Trajectory,
} from './indicator-achievement.ts';

/** The online share of public-service applications: 60% at the end of 2024, 80% by 2030 (Resolution 57). */
const online: Trajectory = {
  direction: 'higher',
  baseline: { date: '2024-12-31', value: 60 },
  targets: [{ date: '2030-12-31', value: 80 }],
};

/** Days to resolve a dossier: 20 at the end of 2024, 10 by 2027, 5 by 2030; lower is better. */
const daysToResolve: Trajectory = {
  direction: 'lower',
  baseline: { date: '2024-12-31', value: 20 },
  targets: [
    { date: '2030-12-31', value: 5 },
    { date: '2027-12-31', value: 10 },
  ],
};

describe('the expected value on a day', () => {
  it('is the baseline before it, linear between points, the last target after it', () => {
    expect(expectedValueOn(online, '2024-01-01')).toBe(60);
    expect(expectedValueOn(online, '2024-12-31')).toBe(60);
    // 2,191 days from baseline to target; 2025-09-30 is 273 days in.
    expect(expectedValueOn(online, '2025-09-30')).toBeCloseTo(60 + (20 * 273) / 2191, 10);
    expect(expectedValueOn(online, '2030-12-31')).toBe(80);
    expect(expectedValueOn(online, '2045-12-31')).toBe(80);
  });

  it('follows a path given in any order, point after point', () => {
    expect(expectedValueOn(daysToResolve, '2027-12-31')).toBe(10);
    expect(expectedValueOn(daysToResolve, '2029-06-30')).toBeCloseTo(10 - (5 * 547) / 1096, 10);
  });

  it('ignores a target dated on or before the baseline', () => {
    const stale = { ...online, targets: [{ date: '2020-01-01', value: 10 }, ...online.targets] };
    expect(expectedValueOn(stale, '2025-09-30')).toBe(expectedValueOn(online, '2025-09-30'));
  });

  it('names the next target, or the last one once they are all past', () => {
    expect(nextTargetOn(daysToResolve, '2026-01-01')).toEqual({ date: '2027-12-31', value: 10 });
    expect(nextTargetOn(daysToResolve, '2028-01-01')).toEqual({ date: '2030-12-31', value: 5 });
    expect(nextTargetOn(daysToResolve, '2040-01-01')).toEqual({ date: '2030-12-31', value: 5 });
    expect(nextTargetOn({ ...online, targets: [] }, '2026-01-01')).toBeNull();
  });
});

describe('achievement', () => {
  it('is 1 on the trajectory, 0 at the baseline, negative the wrong way, above 1 ahead', () => {
    const day = '2027-12-31';
    const expected = expectedValueOn(online, day);
    expect(achievementOf(online, { date: day, value: expected })).toBeCloseTo(1, 10);
    expect(achievementOf(online, { date: day, value: 60 })).toBe(0);
    expect(achievementOf(online, { date: day, value: 55 })).toBeLessThan(0);
    expect(achievementOf(online, { date: day, value: 80 })).toBeGreaterThan(1);
  });

  it('reads 73.5% in Q3 2025 against the 2030 target as well ahead of the trajectory', () => {
    const achievement = achievementOf(online, { date: '2025-09-30', value: 73.5 });
    expect(achievement).toBeCloseTo(13.5 / ((20 * 273) / 2191), 10);
    expect(statusOf(achievement)).toBe('on_track');
  });

  it('counts a fall as progress where lower is better', () => {
    expect(achievementOf(daysToResolve, { date: '2027-12-31', value: 10 })).toBe(1);
    expect(achievementOf(daysToResolve, { date: '2027-12-31', value: 15 })).toBe(0.5);
    expect(achievementOf(daysToResolve, { date: '2027-12-31', value: 25 })).toBe(-0.5);
  });

  it('where no improvement is expected yet, holding the value is 1 and falling short is 0', () => {
    expect(achievementOf(online, { date: '2024-12-31', value: 60 })).toBe(1);
    expect(achievementOf(online, { date: '2024-12-31', value: 59 })).toBe(0);
    const hold: Trajectory = { ...online, targets: [{ date: '2030-12-31', value: 60 }] };
    expect(achievementOf(hold, { date: '2027-01-01', value: 61 })).toBe(1);
  });

  const dates = fc.integer({ min: 1, max: 6000 }).map((days) => addDays('2024-12-31', days));
  const values = fc.double({ min: -1e6, max: 1e6, noNaN: true });

  it('stays a number when the expected improvement is too small to divide by', () => {
    // fast-check found it: an improvement of 5e-324 expected, 8.9e-16 made, gave Infinity.
    const tiny: Trajectory = {
      direction: 'higher',
      baseline: { date: '2024-12-31', value: -5e-324 },
      targets: [{ date: '2030-12-31', value: 5e-324 }],
    };
    expect(achievementOf(tiny, { date: '2026-07-02', value: 8.881784197001252e-16 })).toBe(1);
    expect(achievementOf(tiny, { date: '2026-07-02', value: -1 })).toBe(0);
  });

  it('is the same for an indicator and its mirror in the other direction', () => {
    fc.assert(
      fc.property(values, values, dates, values, (base, target, date, observed) => {
        const higher: Trajectory = {
          direction: 'higher',
          baseline: { date: '2024-12-31', value: base },
          targets: [{ date: '2030-12-31', value: target }],
        };
        const lower: Trajectory = {
          direction: 'lower',
          baseline: { date: '2024-12-31', value: -base },
          targets: [{ date: '2030-12-31', value: -target }],
        };
        const a = achievementOf(higher, { date, value: observed });
        const b = achievementOf(lower, { date, value: -observed });
        expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
      }),
    );
  });

  it('grows with the observed value where higher is better, and is 1 on the trajectory', () => {
    fc.assert(
      fc.property(
        values,
        fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
        dates,
        values,
        values,
        (base, rise, date, x, y) => {
          const trajectory: Trajectory = {
            direction: 'higher',
            baseline: { date: '2024-12-31', value: base },
            targets: [{ date: '2030-12-31', value: base + rise }],
          };
          const [low, high] = x <= y ? [x, y] : [y, x];
          expect(achievementOf(trajectory, { date, value: low })).toBeLessThanOrEqual(
            achievementOf(trajectory, { date, value: high }),
          );
          const onTrajectory = achievementOf(trajectory, { date, value: expectedValueOn(trajectory, date) });
          expect(onTrajectory).toBeCloseTo(1, 6);
        },
      ),
    );
  });
});

describe('status', () => {
  it('is on track, at risk or off track by the thresholds, and no data without a value', () => {
    expect(statusOf(1.2)).toBe('on_track');
    expect(statusOf(DEFAULT_STATUS_THRESHOLDS.onTrack)).toBe('on_track');
    expect(statusOf(0.8)).toBe('at_risk');
    expect(statusOf(DEFAULT_STATUS_THRESHOLDS.atRisk)).toBe('at_risk');
    expect(statusOf(0.5)).toBe('off_track');
    expect(statusOf(-3)).toBe('off_track');
    expect(statusOf(null)).toBe('no_data');
    expect(statusOf(Number.NaN)).toBe('no_data');
    expect(statusOf(0.8, { onTrack: 0.8, atRisk: 0.5 })).toBe('on_track');
  });

  it('refuses thresholds that cannot order the statuses', () => {
    expect(thresholdsProblem(DEFAULT_STATUS_THRESHOLDS)).toBeNull();
    expect(thresholdsProblem({ onTrack: 0.7, atRisk: 0.7 })).toBe('not_ordered');
    expect(thresholdsProblem({ onTrack: 0.7, atRisk: 0.9 })).toBe('not_ordered');
    expect(thresholdsProblem({ onTrack: 0.7, atRisk: 0 })).toBe('not_positive');
    expect(thresholdsProblem({ onTrack: Number.POSITIVE_INFINITY, atRisk: 0.5 })).toBe('not_finite');
  });
});
