import { normalizeTrackingCode } from './feedback.ts';
import { foldForSearch } from './text.ts';

/**
 * Search is by words (decision 0022): a text and a query are folded by foldForSearch (no case, no
 * diacritics, "đ" as "d"), then cut into words at anything that is not a letter, a mark or a digit.
 * The database indexes the words of each searchable row (`search_text`, written by searchDocument)
 * and finds the rows holding every word of the query, in any order, the last one as a prefix.
 */
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;

/** A query's words beyond this many add nothing a person means, and each one costs an index probe. */
export const MAX_SEARCH_WORDS = 12;

/** The folded words of a text, in order. */
export function searchWords(text: string): string[] {
  return foldForSearch(text)
    .split(NON_WORD)
    .filter((word) => word !== '');
}

/**
 * What a row stores in `search_text`: the words of its searchable parts, joined by single spaces. The
 * database cuts that text at spaces only, so its words are exactly the ones searchWords gives.
 */
export function searchDocument(...parts: string[]): string {
  return searchWords(parts.join(' ')).join(' ');
}

/** A query: its distinct words, the last one typed perhaps unfinished. Empty when it has none. */
export function searchQueryWords(query: string): string[] {
  const words = [...new Set(searchWords(query))];
  return words.slice(0, MAX_SEARCH_WORDS);
}

// A task code: a programme code and a number, then a sub-task number per level of cascade
// (R57-0344, R57-0344.1). Imported tasks may bring codes of their own, of the same shape.
const TASK_CODE = /^[A-Z0-9]+(?:[-_/][A-Z0-9]+)+(?:\.[0-9]+)*$/;

/** The task code a query could be, typed in any case; undefined when it cannot be one. */
export function taskCodeIn(query: string): string | undefined {
  const code = query.trim().toUpperCase();
  return TASK_CODE.test(code) && /[0-9]/.test(code) ? code : undefined;
}

/** A directive document's number a query could be (57-NQ/TW, 01-CV/BCĐTW): one token with a digit. */
export function documentNumberIn(query: string): string | undefined {
  const token = query.trim();
  return token !== '' && !/\s/.test(token) && /[0-9]/.test(token) ? token : undefined;
}

/** The feedback tracking code a query could be (as the public status page reads it), if any. */
export function trackingCodeIn(query: string): string | undefined {
  const compact = query.trim();
  // A sentence is not a code, even when its letters would make one once spaces are dropped.
  return /\s/.test(compact) ? undefined : normalizeTrackingCode(compact);
}
