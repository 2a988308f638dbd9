import type { Db } from '../../db/database.ts';
import { roleAllows, scopesFor } from '../../../shared/domain/roles.ts';
import type { SearchHit } from '../../../shared/schemas/search.ts';
import type { Principal } from '../../kernel/principal.ts';
import { confidentialFilterOf, mayRead } from './task-reading.service.ts';
import * as repository from './tasks.repository.ts';
import { findHit, findTaskIdByCode, searchTasks, type TaskHitRow } from './task-search.repository.ts';

const toHit = (row: TaskHitRow): SearchHit => ({
  kind: 'task',
  id: row.id,
  code: row.code,
  title: row.title,
  organization: { nameVi: row.lead_name_vi, nameEn: row.lead_name_en },
  date: row.effective_deadline,
  state: row.state,
});

export const readsTasks = (principal: Principal): boolean =>
  principal.grants.some((grant) => roleAllows(grant.role, 'task.read'));

/**
 * The tasks holding every word, among those the caller may read (mayReadTask: led, assigned or
 * coordinated within a scope where they read tasks; confidential ones as the lists show them),
 * sub-tasks included wherever they are led. One more than `limit` tells the caller there are more.
 */
export async function findTasksByWords(db: Db, principal: Principal, words: string[], limit: number) {
  if (!readsTasks(principal) || words.length === 0) return [];
  const rows = await searchTasks(
    db,
    words,
    { readableUnder: scopesFor(principal.grants, 'task.read'), ...confidentialFilterOf(principal) },
    limit,
  );
  return rows.map(toHit);
}

/** The task of this code, when the caller may read it. */
export async function findTaskByCode(db: Db, principal: Principal, code: string): Promise<SearchHit | undefined> {
  if (!readsTasks(principal)) return undefined;
  const id = await findTaskIdByCode(db, code);
  const task = id ? await repository.findTask(db, id) : undefined;
  if (!task || !mayRead(principal, task)) return undefined;
  const row = await findHit(db, task.id);
  return row ? toHit(row) : undefined;
}
