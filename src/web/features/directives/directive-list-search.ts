import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/task-vocabulary.ts';
import { optionalDate, optionalOneOf, optionalPositiveInteger, optionalString } from '../../lib/search-params.ts';

/** The cursor of the page shown, and its number for "page 2"; a number without its cursor means page 1. */
export interface Paging {
  cursor?: string;
  page?: number;
}

/** A view of the document list, kept in the URL so that a link reproduces it. */
export interface DocumentListSearch extends Paging {
  q?: string;
  type?: DocumentType;
  /** The issuing organization's id. */
  issuer?: string;
  year?: number;
}

export interface MeetingListSearch extends Paging {
  scope?: string;
  from?: string;
  to?: string;
}

function pagingOf(search: Record<string, unknown>): Paging {
  const cursor = optionalString(search.cursor);
  return { cursor, page: cursor ? optionalPositiveInteger(search.page) : undefined };
}

/** Years a committee of this century could have issued a document in; anything else is dropped. */
function optionalYear(value: unknown): number | undefined {
  const year = optionalPositiveInteger(value);
  return year !== undefined && year >= 1900 && year <= 2200 ? year : undefined;
}

export function validateDocumentListSearch(search: Record<string, unknown>): DocumentListSearch {
  return {
    q: optionalString(search.q),
    type: optionalOneOf(search.type, DOCUMENT_TYPES),
    issuer: optionalString(search.issuer),
    year: optionalYear(search.year),
    ...pagingOf(search),
  };
}

export function validateMeetingListSearch(search: Record<string, unknown>): MeetingListSearch {
  return {
    scope: optionalString(search.scope),
    from: optionalDate(search.from),
    to: optionalDate(search.to),
    ...pagingOf(search),
  };
}

/** The view with filters changed: back to the first page, as the old cursor belongs to the old filters. */
export function withFilters<T extends Paging>(search: T, changes: Partial<T>): T {
  return { ...search, ...changes, cursor: undefined, page: undefined };
}
