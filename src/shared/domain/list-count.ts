/**
 * How a paged list tells its size (decision 0023): its matches are counted up to a cap, and past it
 * the list says "more than" the cap. Counting every match of a broad filter was most of a list's
 * time at national scale, and past a thousand a reader needs "many", not the figure; exact figures
 * stay where the product promises them (the dashboard's headline, exports).
 */
export interface ListCount {
  /** The matches counted, at most the list's cap. */
  total: number;
  /** More match than `total`: counting stopped at the cap, so `total` is a floor. */
  totalIsCapped: boolean;
}

/** The task list: a page must stay within 30 ms over 200,000 tasks, and counting 1,001 of them costs 1–2 ms. */
export const TASK_LIST_COUNT_CAP = 1_000;

/** The handlers' feedback queue, the first list counted so: a text search over a million items stays fast up to here. */
export const FEEDBACK_QUEUE_COUNT_CAP = 10_000;

/** The count of a list whose matches were counted up to `cap + 1`. */
export function listCountOf(counted: number, cap: number): ListCount {
  return { total: Math.min(counted, cap), totalIsCapped: counted > cap };
}
