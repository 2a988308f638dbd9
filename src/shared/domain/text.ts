/**
 * Folds Vietnamese (and any Latin) text for search: lower case, no diacritics, "đ" as "d",
 * spaces collapsed. One definition for the database column, the API and the screens, so that
 * "ha noi" finds "Hà Nội" everywhere.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Why a string is refused as text from a person (decision 0017). */
export type TextFault = 'control_character' | 'lone_surrogate';

// C0 control characters have no place in what people type: NUL cannot be stored in PostgreSQL
// text, the others break XML (Open311) and what screens and exports show. Tab, line feed and
// carriage return are kept in multi-line text (descriptions, reports, answers), where people
// paste them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_CONTROL = /[\u0000-\u001f]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MULTI_LINE_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// With the u flag a well-formed pair is one code point: only a surrogate on its own matches. It
// is no character at all and has no UTF-8 encoding (PostgreSQL's JSON refuses its escape).
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with `value` as text typed by a person, if anything. */
export function textFault(value: string, multiline = false): TextFault | undefined {
  if ((multiline ? MULTI_LINE_CONTROL : SINGLE_LINE_CONTROL).test(value)) return 'control_character';
  if (LONE_SURROGATE.test(value)) return 'lone_surrogate';
  return undefined;
}
