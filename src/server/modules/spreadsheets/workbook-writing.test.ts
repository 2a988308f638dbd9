import { describe, expect, it } from 'vitest';
import { csvTable } from './csv-writing.ts';
import { sheetName } from './workbook-writing.ts';

describe('sheet names', () => {
  it('keeps a name that fits, without the characters Excel refuses', () => {
    expect(sheetName('Theo tỉnh, thành phố')).toBe('Theo tỉnh, thành phố');
    expect(sheetName('Hướng dẫn / Instructions')).toBe('Hướng dẫn Instructions');
  });

  it('cuts a longer name at the last word that fits, never inside a word', () => {
    expect(sheetName('Classement par achèvement à temps des organismes')).toBe('Classement par achèvement à');
    expect(sheetName('Xếp hạng theo tỷ lệ hoàn thành đúng hạn')).toBe('Xếp hạng theo tỷ lệ hoàn thành');
    expect(sheetName('A'.repeat(40))).toHaveLength(31);
  });
});

describe('CSV tables', () => {
  it('writes a header and rows of its width, UTF-8 with a byte-order mark, formulas defused', () => {
    const csv = csvTable(['Mã', 'Tên'], [['=1+1', 'Hà Nội, "Thủ đô"']]).toString('utf8');
    expect(csv).toBe('\uFEFFMã,Tên\r\n\'=1+1,"Hà Nội, ""Thủ đô"""\r\n');
  });

  it('refuses a row of another width: a CSV is one rectangular table', () => {
    expect(() => csvTable(['Mã', 'Tên'], [['01']])).toThrow(/a row of 1 cells under a header of 2/);
  });
});
