/**
 * What an indicator is and what a value of it may be (decision 0032): its unit and the bounds the
 * unit sets, its level, and the states a reported value goes through. One definition for the API's
 * checks, the entry form and the spreadsheets.
 */

/** percent: a share, 0–100; count: whole things (enterprises); number: any non-negative figure; days: a duration. */
export const INDICATOR_UNITS = ['percent', 'count', 'number', 'days'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** Strategic: the Resolution's national targets; operational: what agencies deliver on the way. */
export const INDICATOR_LEVELS = ['strategic', 'operational'] as const;
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number];

/**
 * A value is `submitted` by a focal point, then `approved` or `returned` (with a reason) by
 * steering. A correction of a returned or approved value submits it again; the last approved value
 * goes on counting until the new one is approved.
 */
export const OBSERVATION_STATES = ['submitted', 'approved', 'returned'] as const;
export type ObservationState = (typeof OBSERVATION_STATES)[number];

/** Why a value cannot be a value of its unit, as a message-catalogue key suffix; null when it can. */
export type ValueProblem = 'not_finite' | 'negative' | 'over_hundred' | 'not_whole';

export function valueProblem(unit: IndicatorUnit, value: number): ValueProblem | null {
  if (!Number.isFinite(value)) return 'not_finite';
  if (value < 0) return 'negative';
  if (unit === 'percent' && value > 100) return 'over_hundred';
  if (unit === 'count' && !Number.isInteger(value)) return 'not_whole';
  return null;
}

/** The day a target "for 2030" is due: the year's last day. */
export const targetDateOf = (year: number): string => `${String(year).padStart(4, '0')}-12-31`;
