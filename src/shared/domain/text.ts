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
