import { describe, expect, it } from 'vitest';
import { rankAgencies } from './agency-ranking.ts';

const agency = (code: string, nameVi: string, completedOnTime: number, total: number) => ({
  code,
  nameVi,
  completedOnTime,
  total,
});

describe('the ranking of agencies by on-time completion (decision 0024)', () => {
  it('gives equal rates an equal rank and skips the places they take: 1, 1, 3', () => {
    const ranked = rankAgencies([
      agency('B', 'Bộ Y tế', 3, 5),
      agency('A', 'Bộ Công an', 6, 10),
      agency('C', 'Bộ Tài chính', 1, 5),
    ]);
    expect(ranked.map((row) => [row.rank, row.code, row.onTimeRate])).toEqual([
      [1, 'A', 0.6],
      [1, 'B', 0.6],
      [3, 'C', 0.2],
    ]);
  });

  it('lists a tie by official name in Vietnamese order, whatever the order it came in', () => {
    const names = ['Tỉnh Điện Biên', 'Tỉnh Đắk Lắk', 'Thành phố Đà Nẵng', 'Tỉnh Cao Bằng', 'Tỉnh Dĩ An', 'Bộ Y tế'];
    const rows = names.map((name, index) => agency(String(index), name, 0, 4));
    const expected = ['Bộ Y tế', 'Thành phố Đà Nẵng', 'Tỉnh Cao Bằng', 'Tỉnh Dĩ An', 'Tỉnh Đắk Lắk', 'Tỉnh Điện Biên'];
    expect(rankAgencies(rows).map((row) => row.nameVi)).toEqual(expected);
    expect(rankAgencies([...rows].reverse()).map((row) => row.nameVi)).toEqual(expected);
    expect(new Set(rankAgencies(rows).map((row) => row.rank))).toEqual(new Set([1]));
  });

  it('compares rates exactly, not as rounded percentages', () => {
    // 2/3 and 667/1000 both show as 67 %, but are not equal.
    const ranked = rankAgencies([agency('X', 'X', 2, 3), agency('Y', 'Y', 667, 1000), agency('Z', 'Z', 0, 0)]);
    expect(ranked.map((row) => [row.rank, row.code])).toEqual([
      [1, 'Y'],
      [2, 'X'],
      [3, 'Z'],
    ]);
  });

  it('keeps a total order: same name, then code', () => {
    const ranked = rankAgencies([agency('02', 'Xã An Bình', 1, 2), agency('01', 'Xã An Bình', 1, 2)]);
    expect(ranked.map((row) => [row.rank, row.code])).toEqual([
      [1, '01'],
      [1, '02'],
    ]);
  });
});
