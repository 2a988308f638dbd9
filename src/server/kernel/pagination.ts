import { AppError } from '../errors.ts';

/**
 * Offset pages behind an opaque cursor, for lists whose order is not a unique key. Keyset cursors
 * are used where the order allows it (organizations, people, audit).
 */
export function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const offset = Number(cursor);
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new AppError('validation', 'Invalid cursor', {}, [{ path: 'querystring.cursor', message: 'Invalid cursor' }]);
  }
  return offset;
}

/** Rows were read with `limit + 1`: the extra one says whether another page exists. */
export function pageFrom<T>(rows: T[], limit: number, offset: number): { page: T[]; nextCursor: string | null } {
  return { page: rows.slice(0, limit), nextCursor: rows.length > limit ? String(offset + limit) : null };
}
