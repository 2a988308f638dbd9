import { FEEDBACK_FIELDS, FEEDBACK_SORTS, FEEDBACK_STATES, FEEDBACK_TYPES } from '../../../shared/domain/feedback.ts';
import type { FeedbackSort } from '../../../shared/domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../../../shared/domain/feedback-service-level.ts';
import {
  optionalDate,
  optionalList,
  optionalOneOf,
  optionalString,
  pagingOf,
  type Paging,
} from '../../lib/search-params.ts';

/** Everything that makes a view of the queue; kept in the URL so that a link reproduces it. */
export interface FeedbackQueueSearch extends Paging {
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
}

export function validateFeedbackQueueSearch(search: Record<string, unknown>): FeedbackQueueSearch {
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
    ...pagingOf(search),
  };
}
