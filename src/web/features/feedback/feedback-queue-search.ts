import { FEEDBACK_FIELDS, FEEDBACK_SORTS, FEEDBACK_STATES, FEEDBACK_TYPES } from '../../../shared/domain/feedback.ts';
import type { FeedbackSort } from '../../../shared/domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../../../shared/domain/feedback-service-level.ts';
import {
  optionalDate,
  optionalList,
  optionalOneOf,
  optionalPositiveInteger,
  optionalString,
} from '../../lib/search-params.ts';

/** Everything that makes a view of the queue; kept in the URL so that a link reproduces it. */
export interface FeedbackQueueSearch {
  /** Comma-separated, as the API takes them: "received,accepted". */
  state?: string;
  type?: string;
  field?: string;
  /** The assigned organization's id or code (its units included). */
  organization?: string;
  service_level?: string;
  q?: string;
  received_from?: string;
  received_to?: string;
  sort?: FeedbackSort;
  cursor?: string;
  page?: number;
}

export function validateFeedbackQueueSearch(search: Record<string, unknown>): FeedbackQueueSearch {
  const cursor = optionalString(search.cursor);
  return {
    state: optionalList(search.state, FEEDBACK_STATES),
    type: optionalList(search.type, FEEDBACK_TYPES),
    field: optionalList(search.field, FEEDBACK_FIELDS),
    organization: optionalString(search.organization),
    service_level: optionalList(search.service_level, SERVICE_LEVEL_STATES),
    q: optionalString(search.q),
    received_from: optionalDate(search.received_from),
    received_to: optionalDate(search.received_to),
    sort: optionalOneOf(search.sort, FEEDBACK_SORTS),
    cursor,
    // A page number without its cursor means nothing: the first page is then shown.
    page: cursor ? optionalPositiveInteger(search.page) : undefined,
  };
}

/** The view with one filter changed: back to the first page, as the old cursor belongs to the old filters. */
export function withQueueFilter(
  search: FeedbackQueueSearch,
  changes: Partial<FeedbackQueueSearch>,
): FeedbackQueueSearch {
  return { ...search, ...changes, cursor: undefined, page: undefined };
}
