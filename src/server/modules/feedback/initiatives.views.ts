import { INITIATIVE_CRITERIA } from '../../../shared/domain/feedback.ts';
import type { InitiativeEvaluation } from '../../../shared/schemas/feedback-initiatives.ts';
import type { ItemRow } from './feedback.repository.ts';
import type { EvaluationRow } from './initiatives.repository.ts';

/** Means shown with two decimals: enough to rank initiatives, no false precision. */
const rounded = (value: number) => Math.round(value * 100) / 100;

const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

export const toEvaluation = (row: EvaluationRow): InitiativeEvaluation => ({
  id: row.id,
  evaluator: { id: row.evaluator_id, fullName: row.evaluator_name },
  novelty: row.novelty,
  feasibility: row.feasibility,
  impact: row.impact,
  resources: row.resources,
  average: rounded(meanOf(INITIATIVE_CRITERIA.map((criterion) => row[criterion]))),
  comment: row.comment,
  evaluatedAt: row.created_at.toISOString(),
});

/** Each criterion's mean over the evaluators, and the overall mean (every evaluator weighs the same). */
export function averagesOf(evaluations: readonly InitiativeEvaluation[]) {
  if (evaluations.length === 0) return null;
  const of = (criterion: (typeof INITIATIVE_CRITERIA)[number]) =>
    meanOf(evaluations.map((evaluation) => evaluation[criterion]));
  return {
    novelty: rounded(of('novelty')),
    feasibility: rounded(of('feasibility')),
    impact: rounded(of('impact')),
    resources: rounded(of('resources')),
    overall: rounded(meanOf(INITIATIVE_CRITERIA.map(of))),
  };
}

/** The task's description (10,000 characters at most, as CreateTaskSchema allows): the content, then its source. */
const DESCRIPTION_MAX = 10_000;

export function descriptionOf(item: Pick<ItemRow, 'content' | 'tracking_code'>): string {
  // Stored data is in Vietnamese, as the rest of the task's content.
  const source = `\n\nNguồn: sáng kiến ${item.tracking_code}`;
  const room = DESCRIPTION_MAX - source.length;
  const content = item.content.length > room ? `${item.content.slice(0, room - 1)}…` : item.content;
  return `${content}${source}`;
}
