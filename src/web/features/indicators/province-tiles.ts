/**
 * The 34 provinces as tiles at their approximate place on the map (row from the north, column from
 * the west), by the national statistics office code: a tile-grid map, since no boundary data ships.
 * Each tile keeps its neighbours roughly where a reader expects them.
 */
export const PROVINCE_TILES: Readonly<Record<string, { row: number; column: number }>> = {
  '12': { row: 0, column: 1 },
  '15': { row: 0, column: 2 },
  '08': { row: 0, column: 3 },
  '04': { row: 0, column: 4 },
  '11': { row: 1, column: 0 },
  '14': { row: 1, column: 1 },
  '25': { row: 1, column: 2 },
  '19': { row: 1, column: 3 },
  '20': { row: 1, column: 4 },
  '01': { row: 2, column: 2 },
  '24': { row: 2, column: 3 },
  '22': { row: 2, column: 4 },
  '37': { row: 3, column: 2 },
  '33': { row: 3, column: 3 },
  '31': { row: 3, column: 4 },
  '38': { row: 4, column: 2 },
  '40': { row: 5, column: 2 },
  '42': { row: 6, column: 3 },
  '44': { row: 7, column: 3 },
  '46': { row: 8, column: 3 },
  '48': { row: 9, column: 4 },
  '52': { row: 10, column: 3 },
  '51': { row: 10, column: 4 },
  '66': { row: 11, column: 3 },
  '56': { row: 11, column: 4 },
  '68': { row: 12, column: 3 },
  '80': { row: 13, column: 1 },
  '79': { row: 13, column: 2 },
  '75': { row: 13, column: 3 },
  '91': { row: 14, column: 0 },
  '82': { row: 14, column: 1 },
  '86': { row: 14, column: 2 },
  '92': { row: 15, column: 1 },
  '96': { row: 16, column: 1 },
};

/**
 * What fits on a tile: "Thành phố Hà Nội" → "Hà Nội", "Tỉnh Cao Bằng" → "Cao Bằng"; in English
 * "Cao Bang Province" → "Cao Bang", "Hanoi (capital city)" → "Hanoi".
 */
export function shortProvinceName(locale: string, names: { nameVi: string; nameEn: string }): string {
  if (locale === 'en' && names.nameEn) return names.nameEn.replace(/\s*(\(capital city\)|Province|City)$/u, '');
  return names.nameVi.replace(/^(Thành phố|Tỉnh)\s+/u, '');
}
