import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

export interface EvaluationScores {
  novelty: number;
  feasibility: number;
  impact: number;
  resources: number;
  comment: string | null;
}

export async function evaluationsOf(db: Db, itemId: string) {
  return db
    .selectFrom('initiative_evaluation as e')
    .innerJoin('person as p', 'p.id', 'e.evaluator_id')
    .select([
      'e.id',
      'e.evaluator_id',
      'p.full_name as evaluator_name',
      'e.novelty',
      'e.feasibility',
      'e.impact',
      'e.resources',
      'e.comment',
      'e.created_at',
    ])
    .where('e.item_id', '=', itemId)
    .orderBy('e.created_at')
    .orderBy('e.id')
    .execute();
}

export type EvaluationRow = Awaited<ReturnType<typeof evaluationsOf>>[number];

export async function findEvaluation(db: Db, itemId: string, evaluatorId: string) {
  return db
    .selectFrom('initiative_evaluation')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('evaluator_id', '=', evaluatorId)
    .executeTakeFirst();
}

/**
 * One evaluation per evaluator: a second one replaces the first (the unique key decides, so two
 * concurrent saves by the same person cannot make two rows). `created_at` becomes the time of the
 * last scoring: what a reader of the evaluation wants to know.
 */
export async function saveEvaluation(
  tx: Db,
  itemId: string,
  evaluatorId: string,
  scores: EvaluationScores,
  at: Date,
): Promise<void> {
  await tx
    .insertInto('initiative_evaluation')
    .values({ item_id: itemId, evaluator_id: evaluatorId, ...scores, created_at: at })
    .onConflict((conflict) =>
      conflict.columns(['item_id', 'evaluator_id']).doUpdateSet({
        novelty: sql.ref('excluded.novelty'),
        feasibility: sql.ref('excluded.feasibility'),
        impact: sql.ref('excluded.impact'),
        resources: sql.ref('excluded.resources'),
        comment: sql.ref('excluded.comment'),
        created_at: sql.ref('excluded.created_at'),
      }),
    )
    .execute();
}

export async function findTaskRef(db: Db, taskId: string) {
  return db.selectFrom('task').select(['id', 'code', 'title']).where('id', '=', taskId).executeTakeFirst();
}
