import { TASK_STATES } from '../../../shared/domain/task-lifecycle.ts';
import { TIMELINESS } from '../../../shared/domain/timeliness.ts';
import { TASK_SORTS, type TaskSort } from '../../../shared/domain/task-vocabulary.ts';
import {
  optionalDate,
  optionalList,
  optionalOneOf,
  optionalString,
  pagingOf,
  type Paging,
} from '../../lib/search-params.ts';

export { TASK_SORTS, type TaskSort };

/**
 * Everything that makes a view of the task list, the page shown included (its cursor, and its number for
 * "page 2" and "51–100"); kept in the URL so that a link reproduces it.
 */
export interface TaskListSearch extends Paging {
  scope?: string;
  as_of?: string;
  /** Comma-separated, as the API takes them: "assigned,in_progress". */
  state?: string;
  timeliness?: string;
  agency?: string;
  group?: string;
  document?: string;
  deadline_from?: string;
  deadline_to?: string;
  q?: string;
  sort?: TaskSort;
}

export function validateTaskListSearch(search: Record<string, unknown>): TaskListSearch {
  return {
    scope: optionalString(search.scope),
    as_of: optionalDate(search.as_of),
    state: optionalList(search.state, TASK_STATES),
    timeliness: optionalList(search.timeliness, TIMELINESS),
    agency: optionalString(search.agency),
    group: optionalString(search.group),
    document: optionalString(search.document),
    deadline_from: optionalDate(search.deadline_from),
    deadline_to: optionalDate(search.deadline_to),
    q: optionalString(search.q),
    sort: optionalOneOf(search.sort, TASK_SORTS),
    ...pagingOf(search),
  };
}
