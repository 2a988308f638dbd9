import type { FeedbackResponseFigures } from '../../../shared/schemas/feedback-statistics.ts';

/** A value seen `weight` times: the working days of a (received, done) day pair and its items. */
export interface WeightedValue {
  value: number;
  weight: number;
}

/**
 * The median of weighted values, as percentile_cont(0.5) would give it over the expanded list:
 * the middle value for an odd total weight, the mean of the two middle ones for an even one.
 */
export function weightedMedian(values: readonly WeightedValue[]): number | null {
  const sorted = values.filter((entry) => entry.weight > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.weight, 0);
  if (total === 0) return null;
  // 0-based positions of the middle item(s) in the expanded list.
  const lowPosition = Math.floor((total - 1) / 2);
  const highPosition = Math.floor(total / 2);
  let low: number | undefined;
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.weight;
    if (low === undefined && seen > lowPosition) low = entry.value;
    if (seen > highPosition) return ((low ?? entry.value) + entry.value) / 2;
  }
  return null;
}

export const shareOf = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export interface StepCounts {
  received: number;
  triaged: number;
  triagedWithin: number;
  answered: number;
  answeredWithin: number;
  overdue: number;
}

export const NO_COUNTS: StepCounts = {
  received: 0,
  triaged: 0,
  triagedWithin: 0,
  answered: 0,
  answeredWithin: 0,
  overdue: 0,
};

export function addCounts(a: StepCounts, b: StepCounts): StepCounts {
  return {
    received: a.received + b.received,
    triaged: a.triaged + b.triaged,
    triagedWithin: a.triagedWithin + b.triagedWithin,
    answered: a.answered + b.answered,
    answeredWithin: a.answeredWithin + b.answeredWithin,
    overdue: a.overdue + b.overdue,
  };
}

export function responseFigures(
  counts: StepCounts,
  triageDays: readonly WeightedValue[],
  answerDays: readonly WeightedValue[],
): FeedbackResponseFigures {
  return {
    received: counts.received,
    triaged: counts.triaged,
    triagedWithinServiceLevel: counts.triagedWithin,
    shareTriagedWithinServiceLevel: shareOf(counts.triagedWithin, counts.triaged),
    medianTriageWorkingDays: weightedMedian(triageDays),
    answered: counts.answered,
    answeredWithinServiceLevel: counts.answeredWithin,
    shareAnsweredWithinServiceLevel: shareOf(counts.answeredWithin, counts.answered),
    medianAnswerWorkingDays: weightedMedian(answerDays),
    overdue: counts.overdue,
  };
}
