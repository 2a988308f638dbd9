/**
 * An agency's scorecard for a period (decision 0033): one published formula combining its tasks
 * and its indicators, with weights an administrator sets. Defined once here, so that the API, the
 * scorecard screens, the heat map and the quarterly report give every agency the same score.
 *
 * score = 100 × Σ weight × part / Σ weight, over the parts the agency has:
 * - `onTime`: tasks completed on time / tasks (the dashboard's ranking rate);
 * - `notOverdue`: 1 − overdue tasks / tasks;
 * - `notLate`: 1 − tasks completed late / tasks;
 * - `indicators`: the mean achievement of the indicators it reports, each capped to [0, 1] (being
 *   ahead on one indicator does not make up for another), a stale or missing one counting 0.
 * An agency without tasks has no task parts, one reporting no indicator no indicator part: the
 * weights of the parts it has are shared out again, and the card says which parts were counted.
 */
import type { Headline } from './headline.ts';

export const SCORE_PARTS = ['onTime', 'notOverdue', 'notLate', 'indicators'] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

export type ScoreWeights = Record<ScorePart, number>;

export const DEFAULT_SCORE_WEIGHTS: ScoreWeights = { onTime: 40, notOverdue: 20, notLate: 10, indicators: 30 };

/** The traffic lights of the committee's heat map: green "ready", yellow "warning", red "slow". */
export const SCORE_LIGHTS = ['ready', 'warning', 'slow'] as const;
export type ScoreLight = (typeof SCORE_LIGHTS)[number];

/** The score from which a card is green (`ready`) or yellow (`warning`); below, red (`slow`). */
export interface ScoreBands {
  ready: number;
  warning: number;
}

export const DEFAULT_SCORE_BANDS: ScoreBands = { ready: 80, warning: 60 };

/** What is wrong with weights, or null: each finite and not negative, at least one above zero. */
export function weightsProblem(weights: ScoreWeights): 'not_finite' | 'negative' | 'all_zero' | null {
  const values = SCORE_PARTS.map((part) => weights[part]);
  if (values.some((value) => !Number.isFinite(value))) return 'not_finite';
  if (values.some((value) => value < 0)) return 'negative';
  if (values.every((value) => value === 0)) return 'all_zero';
  return null;
}

/** What is wrong with bands, or null: within 0–100, ready above warning. */
export function bandsProblem(bands: ScoreBands): 'out_of_range' | 'not_ordered' | null {
  if ([bands.ready, bands.warning].some((value) => !Number.isFinite(value) || value < 0 || value > 100)) {
    return 'out_of_range';
  }
  return bands.ready > bands.warning ? null : 'not_ordered';
}

/** An indicator's share in the `indicators` part: its achievement within [0, 1]; no usable value, 0. */
export const cappedAchievement = (achievement: number | null, stale: boolean): number =>
  stale || achievement === null || !Number.isFinite(achievement) ? 0 : Math.min(1, Math.max(0, achievement));

export type ScoreParts = Record<ScorePart, number | null>;

/** The indicators an agency reports, as the `indicators` part counts them: how many, and their capped achievements summed. */
export interface IndicatorTally {
  count: number;
  sum: number;
}

/** The parts of an agency's score from its tasks' headline and its indicators' capped achievements. */
export function scorePartsOf(
  tasks: Pick<Headline, 'total' | 'completedOnTime' | 'completedLate' | 'overdue'>,
  indicators: IndicatorTally,
): ScoreParts {
  const hasTasks = tasks.total > 0;
  return {
    onTime: hasTasks ? tasks.completedOnTime / tasks.total : null,
    notOverdue: hasTasks ? 1 - tasks.overdue / tasks.total : null,
    notLate: hasTasks ? 1 - tasks.completedLate / tasks.total : null,
    indicators: indicators.count > 0 ? indicators.sum / indicators.count : null,
  };
}

/** The score, 0–100 with one decimal, of the parts the agency has; null when it has none (nothing to judge). */
export function scoreOf(parts: ScoreParts, weights: ScoreWeights): number | null {
  let weighted = 0;
  let weightSum = 0;
  for (const part of SCORE_PARTS) {
    const value = parts[part];
    if (value === null || weights[part] === 0) continue;
    weighted += weights[part] * value;
    weightSum += weights[part];
  }
  if (weightSum === 0) return null;
  return Math.round((1000 * weighted) / weightSum) / 10;
}

export function lightOf(score: number, bands: ScoreBands = DEFAULT_SCORE_BANDS): ScoreLight {
  if (score >= bands.ready) return 'ready';
  if (score >= bands.warning) return 'warning';
  return 'slow';
}

/**
 * Competition ranking by score ("1, 1, 3"): equal scores share a rank. Within a rank, by official
 * (Vietnamese) name then code, as the dashboard's ranking orders agencies. Unscored agencies come
 * last, without a rank.
 */
const vietnamese = new Intl.Collator('vi');
export function rankByScore<T extends { score: number | null; nameVi: string; code: string }>(
  rows: readonly T[],
): Array<T & { rank: number | null }> {
  const sorted = [...rows].sort(
    (a, b) => (b.score ?? -1) - (a.score ?? -1) || vietnamese.compare(a.nameVi, b.nameVi) || (a.code < b.code ? -1 : 1),
  );
  let rank = 0;
  return sorted.map((row, index) => {
    if (row.score === null) return { ...row, rank: null };
    if (index === 0 || sorted[index - 1]?.score !== row.score) rank = index + 1;
    return { ...row, rank };
  });
}
