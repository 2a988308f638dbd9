import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bandsProblem,
  cappedAchievement,
  DEFAULT_SCORE_WEIGHTS,
  lightOf,
  rankByScore,
  scoreOf,
  scorePartsOf,
  weightsProblem,
} from './scorecard.ts';

describe('the scorecard formula', () => {
  it('weighs on-time completion, overdue and late tasks and the indicators, out of 100', () => {
    const parts = scorePartsOf({ total: 4, completedOnTime: 2, completedLate: 1, overdue: 1 }, { count: 2, sum: 1.5 });
    expect(parts).toEqual({ onTime: 0.5, notOverdue: 0.75, notLate: 0.75, indicators: 0.75 });
    // 40 × 0.5 + 20 × 0.75 + 10 × 0.75 + 30 × 0.75 = 65
    expect(scoreOf(parts, DEFAULT_SCORE_WEIGHTS)).toBe(65);
  });

  it('shares the weight of a part the agency does not have among the others', () => {
    const withoutIndicators = scorePartsOf(
      { total: 2, completedOnTime: 1, completedLate: 0, overdue: 1 },
      { count: 0, sum: 0 },
    );
    // (40 × 0.5 + 20 × 0.5 + 10 × 1) / 70
    expect(scoreOf(withoutIndicators, DEFAULT_SCORE_WEIGHTS)).toBe(57.1);
    const withoutTasks = scorePartsOf(
      { total: 0, completedOnTime: 0, completedLate: 0, overdue: 0 },
      { count: 1, sum: 0.8 },
    );
    expect(scoreOf(withoutTasks, DEFAULT_SCORE_WEIGHTS)).toBe(80);
    expect(
      scoreOf(
        scorePartsOf({ total: 0, completedOnTime: 0, completedLate: 0, overdue: 0 }, { count: 0, sum: 0 }),
        DEFAULT_SCORE_WEIGHTS,
      ),
    ).toBeNull();
  });

  it('counts an indicator ahead of its path as achieved, one behind for what it achieved, a stale one as nothing', () => {
    expect(cappedAchievement(2.4, false)).toBe(1);
    expect(cappedAchievement(0.6, false)).toBe(0.6);
    expect(cappedAchievement(-0.5, false)).toBe(0);
    expect(cappedAchievement(1.2, true)).toBe(0);
    expect(cappedAchievement(null, false)).toBe(0);
  });

  it('keeps every score within 0–100, whatever the weights and parts', () => {
    const part = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null });
    const weight = fc.double({ min: 0, max: 1000, noNaN: true });
    fc.assert(
      fc.property(part, part, part, part, weight, weight, weight, weight, (a, b, c, d, w, x, y, z) => {
        const score = scoreOf(
          { onTime: a, notOverdue: b, notLate: c, indicators: d },
          {
            onTime: w,
            notOverdue: x,
            notLate: y,
            indicators: z,
          },
        );
        return score === null || (score >= 0 && score <= 100);
      }),
    );
  });

  it('lights green, yellow or red by the bands', () => {
    expect([80, 79.9, 60, 59.9].map((score) => lightOf(score))).toEqual(['ready', 'warning', 'warning', 'slow']);
    expect(lightOf(70, { ready: 70, warning: 50 })).toBe('ready');
  });

  it('ranks equal scores equal, the next after them skipping places, the unscored last', () => {
    const ranked = rankByScore([
      { code: 'B', nameVi: 'Bộ B', score: 70 },
      { code: 'A', nameVi: 'Bộ A', score: 80 },
      { code: 'C', nameVi: 'Bộ C', score: null },
      { code: 'D', nameVi: 'Bộ Đ', score: 70 },
      { code: 'E', nameVi: 'Bộ E', score: 60 },
    ]);
    expect(ranked.map((row) => [row.code, row.rank])).toEqual([
      ['A', 1],
      ['B', 2],
      ['D', 2],
      ['E', 4],
      ['C', null],
    ]);
  });

  it('refuses weights and bands it cannot use', () => {
    expect(weightsProblem({ onTime: 0, notOverdue: 0, notLate: 0, indicators: 0 })).toBe('all_zero');
    expect(weightsProblem({ onTime: -1, notOverdue: 0, notLate: 0, indicators: 5 })).toBe('negative');
    expect(weightsProblem(DEFAULT_SCORE_WEIGHTS)).toBeNull();
    expect(bandsProblem({ ready: 60, warning: 80 })).toBe('not_ordered');
    expect(bandsProblem({ ready: 120, warning: 80 })).toBe('out_of_range');
    expect(bandsProblem({ ready: 80, warning: 60 })).toBeNull();
  });
});
