import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/task-vocabulary.ts';
import {
  optionalDate,
  optionalOneOf,
  optionalPositiveInteger,
  optionalString,
  pagingOf,
  type Paging,
} from '../../lib/search-params.ts';

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
