import { describe, expect, it } from 'vitest';
import {
  MAX_SEARCH_WORDS,
  searchDocument,
  searchQueryWords,
  searchWords,
  taskCodeIn,
  trackingCodeIn,
} from './search.ts';

describe('searchWords', () => {
  it.each([
    ['Bộ Khoa học và Công nghệ', ['bo', 'khoa', 'hoc', 'va', 'cong', 'nghe']],
    ['Kỹ năng số cho cán bộ', ['ky', 'nang', 'so', 'cho', 'can', 'bo']],
    ['Cơ chế thử nghiệm (sandbox) cho fintech', ['co', 'che', 'thu', 'nghiem', 'sandbox', 'cho', 'fintech']],
    ['R57-0344.1 Chuyển đổi số', ['r57', '0344', '1', 'chuyen', 'doi', 'so']],
    ['Cách mạng công nghiệp 4.0', ['cach', 'mang', 'cong', 'nghiep', '4', '0']],
    ['nguyen.van.a@mic.gov.vn', ['nguyen', 'van', 'a', 'mic', 'gov', 'vn']],
    ['Thành phố Hà Nội | Hanoi | 01', ['thanh', 'pho', 'ha', 'noi', 'hanoi', '01']],
    ['Bà Rịa – Vũng Tàu', ['ba', 'ria', 'vung', 'tau']],
    ['  ', []],
  ])('%j → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });

  it('ignores the form of diacritics (NFC or NFD) and the case', () => {
    expect(searchWords('Ha\u0300 No\u0323\u0302i')).toEqual(searchWords('HÀ NỘI'));
  });
});

describe('searchDocument', () => {
  it('stores words separated by single spaces, so that the database cuts them where searchWords does', () => {
    expect(searchDocument('R57-0344', 'Đào tạo kỹ năng số, cho cán bộ!')).toBe(
      'r57 0344 dao tao ky nang so cho can bo',
    );
  });

  it('is unchanged when applied again, so that a migration can rewrite old rows from their text', () => {
    const once = searchDocument('Thành phố Hà Nội | Hanoi | 01');
    expect(searchDocument(once)).toBe(once);
  });
});

describe('searchQueryWords', () => {
  it('keeps each word once, in the order typed, and at most MAX_SEARCH_WORDS', () => {
    expect(searchQueryWords('số số Kỹ năng')).toEqual(['so', 'ky', 'nang']);
    const many = Array.from({ length: 30 }, (_, index) => `w${index}`).join(' ');
    expect(searchQueryWords(many)).toHaveLength(MAX_SEARCH_WORDS);
  });
});

describe('codes', () => {
  it.each([
    ['R57-0344', 'R57-0344'],
    [' r57-0344.1 ', 'R57-0344.1'],
    ['R57-0344.1.2', 'R57-0344.1.2'],
    ['BENCH-000123', 'BENCH-000123'],
    ['fintech sandbox', undefined],
    ['fintech', undefined],
    ['R57', undefined],
    ['ky-nang', undefined],
  ])('task code in %j: %j', (query, code) => {
    expect(taskCodeIn(query)).toBe(code);
  });

  it.each([
    ['PA-7K3M9Q2XZA', 'PA-7K3M9Q2XZA'],
    ['pa-7k3m9q2xza', 'PA-7K3M9Q2XZA'],
    ['7K3M9Q2XZA', 'PA-7K3M9Q2XZA'],
    ['PA 7K3M 9Q2X ZA', undefined],
    ['fintech sandbox', undefined],
  ])('tracking code in %j: %j', (query, code) => {
    expect(trackingCodeIn(query)).toBe(code);
  });
});
