import type { Db } from '../../db/database.ts';
import { feedbackReadScopes, maySeeTrackingCode } from '../../../shared/domain/feedback-permissions.ts';
import { roleAllows } from '../../../shared/domain/roles.ts';
import type { SearchHit } from '../../../shared/schemas/search.ts';
import type { Principal } from '../../kernel/principal.ts';
import { type FeedbackHitRow, findHitByTrackingCode, searchItems } from './feedback-search.repository.ts';

export const readsFeedback = (principal: Principal): boolean =>
  principal.grants.some((grant) => roleAllows(grant.role, 'feedback.read'));

/** An item as this reader may see it: its tracking code only to its handlers (decision 0018). */
const toHit = (principal: Principal, row: FeedbackHitRow): SearchHit => ({
  kind: 'feedback',
  id: row.id,
  code: maySeeTrackingCode(principal.grants, row.assigned_path) ? row.tracking_code : null,
  title: row.title,
  organization:
    row.assigned_name_vi !== null && row.assigned_name_en !== null
      ? { nameVi: row.assigned_name_vi, nameEn: row.assigned_name_en }
      : null,
  date: row.received_on,
  state: row.state,
});

/** The items holding every word among those the caller may read (the queue's read scope). */
export async function findFeedbackByWords(db: Db, principal: Principal, words: string[], limit: number) {
  if (!readsFeedback(principal) || words.length === 0) return [];
  const scopes = feedbackReadScopes(principal.grants);
  const rows = await searchItems(db, words, scopes === 'all' ? undefined : scopes, limit);
  return rows.map((row) => toHit(principal, row));
}

/**
 * The item of a tracking code, for those who may see that code on it (its handlers): to anyone else
 * the code opens nothing more than the public status page does.
 */
export async function findFeedbackByTrackingCode(
  db: Db,
  principal: Principal,
  trackingCode: string,
): Promise<SearchHit | undefined> {
  if (!readsFeedback(principal)) return undefined;
  const row = await findHitByTrackingCode(db, trackingCode);
  if (!row || !maySeeTrackingCode(principal.grants, row.assigned_path)) return undefined;
  return toHit(principal, row);
}
