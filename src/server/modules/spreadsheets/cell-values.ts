import type { CellValue } from 'exceljs';
import { isCalendarDate } from '../../../shared/domain/calendar-date.ts';
import { foldForSearch } from '../../../shared/domain/text.ts';
import { CATALOGUES, LOCALES, type MessageKey } from '../../../shared/i18n/index.ts';

/** What a cell's value is wrong about: a message key and its arguments, worded later per caller. */
export interface CellProblem {
  message: MessageKey;
  params?: Record<string, string | number>;
  /** For a closed list: the labels of the allowed values, listed in the caller's language. */
  choiceKeys?: MessageKey[];
}

export type CellResult<T> = { value: T } | { problem: CellProblem };

/**
 * The text a person sees in a cell, whatever exceljs made of it: rich text, a hyperlink and a
 * formula all come back as objects.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('hyperlink' in value) return String(value.text).trim();
  if ('result' in value) return cellText(value.result as CellValue);
  return '';
}

const EXCEL_EPOCH_OFFSET_DAYS = 25_569; // days from 1899-12-30 to 1970-01-01
const DAY_MS = 86_400_000;

/** A UTC instant to its calendar date, rounded to the minute: Excel stores dates as fractional days. */
const dateOfInstant = (ms: number) => new Date(Math.round(ms / 60_000) * 60_000).toISOString().slice(0, 10);

/**
 * A calendar date from a real Excel date, a serial number (a date typed in a General cell),
 * 'YYYY-MM-DD' or 'DD/MM/YYYY' (how Vietnamese offices write dates). Empty gives null.
 */
export function cellDate(value: CellValue): CellResult<string | null> {
  const invalid = { problem: { message: 'import.invalid_date' as const } };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? invalid : { value: dateOfInstant(value.getTime()) };
  if (typeof value === 'number') {
    if (value < 1 || value > 2_958_465) return invalid;
    return { value: dateOfInstant((value - EXCEL_EPOCH_OFFSET_DAYS) * DAY_MS) };
  }
  if (value && typeof value === 'object' && 'result' in value) return cellDate(value.result as CellValue);
  const text = cellText(value);
  if (text === '') return { value: null };
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = dayFirst ? `${dayFirst[3]}-${dayFirst[2]?.padStart(2, '0')}-${dayFirst[1]?.padStart(2, '0')}` : text;
  return isCalendarDate(iso) ? { value: iso } : invalid;
}

export function cellWholeNumber(value: CellValue): CellResult<number | null> {
  const text = cellText(value);
  if (text === '') return { value: null };
  return /^\d{1,4}$/.test(text) ? { value: Number(text) } : { problem: { message: 'import.invalid_number' } };
}

const YES = new Set(['co', 'yes', 'oui', 'true', 'x', '1']);
const NO = new Set(['khong', 'no', 'non', 'false', '0']);

/** có / không, yes / no (and oui / non, x, 1 / 0), or a real boolean; empty is no. */
export function cellBoolean(value: CellValue): CellResult<boolean> {
  if (typeof value === 'boolean') return { value };
  const folded = foldForSearch(cellText(value));
  if (folded === '' || NO.has(folded)) return { value: false };
  if (YES.has(folded)) return { value: true };
  return { problem: { message: 'import.invalid_boolean' } };
}

/**
 * One of a closed list (expected output, priority), given by its key or by its label in any of
 * our languages, ignoring case and diacritics: "Khẩn", "khan", "Urgent" and "urgent" all match.
 */
export function cellChoice<T extends string>(
  value: CellValue,
  choices: readonly T[],
  labelKey: (choice: T) => MessageKey,
): CellResult<T | null> {
  const folded = foldForSearch(cellText(value));
  if (folded === '') return { value: null };
  const match = choices.find(
    (choice) =>
      foldForSearch(choice) === folded ||
      LOCALES.some((locale) => foldForSearch(CATALOGUES[locale][labelKey(choice)]) === folded),
  );
  if (match) return { value: match };
  return { problem: { message: 'import.invalid_choice', choiceKeys: choices.map(labelKey) } };
}

/** A comma- (or semicolon-) separated list of codes, trimmed, without repeats. */
export function cellCodes(value: CellValue): string[] {
  return [
    ...new Set(
      cellText(value)
        .split(/[,;\n]/)
        .map((code) => code.trim())
        .filter(Boolean),
    ),
  ];
}
