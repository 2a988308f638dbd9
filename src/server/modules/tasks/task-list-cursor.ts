import { z } from 'zod';
import { TASK_SORTS, type TaskSort } from '../../../shared/domain/task-vocabulary.ts';
import { AppError } from '../../errors.ts';

/**
 * Where a page of the task list ends (decision 0023): the sort it was read in, the last task's value
 * of that sort and its code, the tie-breaker that makes the order total. The next page starts after
 * them, so that it costs the same whatever comes before, and a task added or moved meanwhile neither
 * repeats a row nor skips one, as an offset would.
 */
export interface TaskListCursor {
  sort: TaskSort;
  /** The last task's deadline (null for a standing duty, listed last), progress percentage, title or code. */
  value: string | number | null;
  code: string;
}

const SORT_VALUE = {
  deadline: z.iso.date().nullable(),
  progress: z.number().int().min(0).max(100),
  title: z.string().max(1000),
  code: z.string().max(100),
} as const;

const sortValueOf = (sort: TaskSort) => SORT_VALUE[sort.replace(/^-/, '') as keyof typeof SORT_VALUE];

const CursorSchema = z.tuple([z.enum(TASK_SORTS), z.unknown(), z.string().min(1).max(100)]);

export function encodeTaskCursor(cursor: TaskListCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.code])).toString('base64url');
}

/** The cursor of a request, which must come from a page read in the same sort. */
export function decodeTaskCursor(text: string | undefined, sort: TaskSort): TaskListCursor | undefined {
  if (text === undefined) return undefined;
  const parsed = CursorSchema.safeParse(parseJson(Buffer.from(text, 'base64url').toString('utf8')));
  const value = parsed.success ? sortValueOf(parsed.data[0]).safeParse(parsed.data[1]) : undefined;
  if (!parsed.success || !value?.success) throw invalidCursor('error.cursor.invalid');
  if (parsed.data[0] !== sort) throw invalidCursor('error.cursor.other_order');
  return { sort, value: value.data, code: parsed.data[2] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Worded by the problem handler in the caller's language, from the catalogue key. */
const invalidCursor = (key: 'error.cursor.invalid' | 'error.cursor.other_order') =>
  new AppError('validation', `Refused cursor (${key})`, {}, [{ path: 'querystring.cursor', message: key }]);
