import { describe, expect, it } from 'vitest';
import { foldForSearch, textFault } from './text.ts';

describe('foldForSearch', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['Thành phố Hà Nội', 'thanh pho ha noi'],
    ['Đắk Lắk', 'dak lak'],
    ['Xã Đông Anh', 'xa dong anh'],
    ['Thừa Thiên Huế', 'thua thien hue'],
    ['Bà Rịa – Vũng Tàu', 'ba ria – vung tau'],
    ['Phường Hoàn Kiếm', 'phuong hoan kiem'],
    ['Ủy ban Kiểm tra Trung ương', 'uy ban kiem tra trung uong'],
    ['ĐỒNG THÁP', 'dong thap'],
    ['Quản Trị Viên admin@Test.vn', 'quan tri vien admin@test.vn'],
    ['Ministry of Science', 'ministry of science'],
    ['Côte d’Ivoire, Français', 'cote d’ivoire, francais'],
    ['01.001', '01.001'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it('folds every Vietnamese vowel with every tone to its base letter', () => {
    const vowels = 'àáảãạăằắẳẵặâầấẩẫậ èéẻẽẹêềếểễệ ìíỉĩị òóỏõọôồốổỗộơờớởỡợ ùúủũụưừứửữự ỳýỷỹỵ';
    expect(foldForSearch(vowels)).toBe('aaaaaaaaaaaaaaaaa eeeeeeeeeee iiiii ooooooooooooooooo uuuuuuuuuuu yyyyy');
    expect(foldForSearch(vowels.toUpperCase())).toBe(foldForSearch(vowels));
  });

  it('gives the same result for NFC and NFD input', () => {
    for (const name of ['Hà Nội', 'Đắk Lắk', 'Thừa Thiên Huế', 'Nguyễn Thị Ứng']) {
      const nfc = name.normalize('NFC');
      const nfd = name.normalize('NFD');
      expect(nfd).not.toBe(nfc);
      expect(foldForSearch(nfd)).toBe(foldForSearch(nfc));
    }
    expect(foldForSearch('Ha\u0300 No\u0323\u0302i')).toBe('ha noi');
  });

  it('collapses and trims whitespace of every kind', () => {
    expect(foldForSearch('  Hà   Nội  ')).toBe('ha noi');
    expect(foldForSearch('Hà\tNội\n\r Đông\u00a0Anh')).toBe('ha noi dong anh');
    expect(foldForSearch('\u2003Đắk\u3000Lắk\u2009')).toBe('dak lak');
  });

  it('is idempotent, so folding a folded query changes nothing', () => {
    for (const text of ['Hà Nội', 'Đắk Lắk', '  ĐỒNG   tháp ']) {
      expect(foldForSearch(foldForSearch(text))).toBe(foldForSearch(text));
    }
  });

  it('lets a folded query match inside a folded name', () => {
    expect(foldForSearch('Thành phố Hà Nội | Hanoi | 01')).toContain(foldForSearch('HA NOI'));
    expect(foldForSearch('Tỉnh Đắk Lắk')).toContain(foldForSearch('dak lak'));
  });
});

describe('textFault', () => {
  it.each([
    ['Hà Nội', undefined],
    ['Đề nghị 😀 👩‍👩‍👧‍👦 مرحبا', undefined],
    ['\ud83d\ude00', undefined],
    ['a\u0000b', 'control_character'],
    ['\u0000', 'control_character'],
    ['bell\u0007', 'control_character'],
    ['esc\u001b[31m', 'control_character'],
    ['tab\there', 'control_character'],
    ['two\nlines', 'control_character'],
    ['\ud800', 'lone_surrogate'],
    ['x\udc00y', 'lone_surrogate'],
    ['\ude00\ud83d', 'lone_surrogate'],
    ['ok \ud83d', 'lone_surrogate'],
  ] as const)('single-line %j → %s', (value, fault) => {
    expect(textFault(value)).toBe(fault);
  });

  it('lets multi-line text keep tabs, line feeds and carriage returns, and nothing else of C0', () => {
    expect(textFault('Dòng 1\r\nDòng 2\tcột', true)).toBeUndefined();
    for (let code = 0; code < 0x20; code += 1) {
      const kept = code === 0x09 || code === 0x0a || code === 0x0d;
      expect(textFault(`a${String.fromCharCode(code)}b`, true), `U+${code.toString(16)}`).toBe(
        kept ? undefined : 'control_character',
      );
    }
    expect(textFault('a\ud800\nb', true)).toBe('lone_surrogate');
  });
});
