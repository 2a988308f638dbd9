import type { Db } from '../../db/database.ts';
import { documentNumberIn, searchQueryWords, taskCodeIn, trackingCodeIn } from '../../../shared/domain/search.ts';
import type { SearchGroup, SearchHit, SearchKind, SearchQuery, SearchResult } from '../../../shared/schemas/search.ts';
import type { Principal } from '../../kernel/principal.ts';
import {
  findDocumentByNumber,
  findDocumentsByWords,
  findMeetingsByWords,
  readsMeetings,
} from '../directives/directives-search.service.ts';
import { findFeedbackByTrackingCode, findFeedbackByWords, readsFeedback } from '../feedback/feedback-search.service.ts';
import { findOrganizationsByWords } from '../organizations/organizations-search.service.ts';
import { findTaskByCode, findTasksByWords, readsTasks } from '../tasks/task-search.service.ts';

/**
 * The item whose code was typed, if the caller may open it: a task code, a feedback tracking code
 * (for the item's handlers), a document number. Each module applies its own read gate.
 */
async function exactMatch(db: Db, principal: Principal, q: string): Promise<SearchHit | null> {
  const taskCode = taskCodeIn(q);
  const trackingCode = trackingCodeIn(q);
  const documentNumber = documentNumberIn(q);
  const [task, feedback, document] = await Promise.all([
    taskCode ? findTaskByCode(db, principal, taskCode) : undefined,
    trackingCode ? findFeedbackByTrackingCode(db, principal, trackingCode) : undefined,
    documentNumber ? findDocumentByNumber(db, documentNumber) : undefined,
  ]);
  return task ?? feedback ?? document ?? null;
}

/**
 * Everything the caller may read that holds every word of the query, grouped by kind and ranked
 * within each group, with the item of an exact code first (decision 0022). A group is listed for
 * each kind the caller may read at all, so that an empty one says "none found", not "not allowed".
 */
export async function search(db: Db, principal: Principal, query: SearchQuery): Promise<SearchResult> {
  const words = searchQueryWords(query.q);
  const take = query.limit + 1;
  const searches: Array<[SearchKind, boolean, () => Promise<SearchHit[]>]> = [
    ['task', readsTasks(principal), () => findTasksByWords(db, principal, words, take)],
    ['feedback', readsFeedback(principal), () => findFeedbackByWords(db, principal, words, take)],
    ['document', true, () => findDocumentsByWords(db, words, take)],
    ['meeting', readsMeetings(principal), () => findMeetingsByWords(db, principal, words, take)],
    ['organization', true, () => findOrganizationsByWords(db, words, take)],
  ];
  const allowed = searches.filter(([, isAllowed]) => isAllowed);
  const [goTo, ...found] = await Promise.all([
    exactMatch(db, principal, query.q),
    ...allowed.map(([, , run]) => run()),
  ]);
  const groups: SearchGroup[] = allowed.map(([kind], index) => {
    const hits = found[index] ?? [];
    return { kind, items: hits.slice(0, query.limit), hasMore: hits.length > query.limit };
  });
  return { goTo, groups };
}
