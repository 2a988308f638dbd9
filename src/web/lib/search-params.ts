import { isCalendarDate } from '../../shared/domain/calendar-date.ts';

/**
 * Readers for URL search parameters. A link may be typed or edited by hand: anything that is not
 * what a screen expects is dropped rather than sent to the server or thrown at the person.
 */
export const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

export const optionalDate = (value: unknown): string | undefined =>
  typeof value === 'string' && isCalendarDate(value) ? value : undefined;

/**
 * A comma-separated list of known values ("overdue,due_soon"), kept as a string so that the URL
 * reads as the API's own query string rather than as JSON; undefined when none is known.
 */
export function optionalList<T extends string>(value: unknown, allowed: readonly T[]): string | undefined {
  const known = listOf(value, allowed);
  return known.length > 0 ? known.join(',') : undefined;
}

export function listOf<T extends string>(value: unknown, allowed: readonly T[]): T[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return [...new Set(items.filter((item): item is T => typeof item === 'string' && allowed.includes(item as T)))];
}

export function optionalOneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && allowed.includes(value as T) ? (value as T) : undefined;
}

export function optionalPositiveInteger(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(number) && number > 0 ? number : undefined;
}

/** The cursor of the page shown, and its number for "page 2"; a number without its cursor means page 1. */
export interface Paging {
  cursor?: string;
  page?: number;
}

/** The page of a list view: a page number without its cursor means nothing, and the first page is then shown. */
export function pagingOf(search: Record<string, unknown>): Paging {
  const cursor = optionalString(search.cursor);
  return { cursor, page: cursor ? optionalPositiveInteger(search.page) : undefined };
}

/** The view with filters changed: back to the first page, as the old cursor belongs to the old filters. */
export function withFilters<T extends Paging>(search: T, changes: Partial<T>): T {
  return { ...search, ...changes, cursor: undefined, page: undefined };
}
