/**
 * Commune names are not in the reference data, only their counts; the demo synthesises plausible
 * Vietnamese names (two common place-name syllables), unique within each province and the same on
 * every run, so that a search for "xa an binh" finds "Xã An Bình" wherever it was generated.
 */
import { seededRandom } from './random.ts';

const SYLLABLES = [
  'An',
  'Bình',
  'Hòa',
  'Tân',
  'Phú',
  'Long',
  'Thạnh',
  'Phước',
  'Mỹ',
  'Hưng',
  'Vĩnh',
  'Đông',
  'Tây',
  'Nam',
  'Quang',
  'Minh',
  'Thanh',
  'Hồng',
  'Kim',
  'Ngọc',
  'Trung',
  'Đức',
  'Hiệp',
  'Thuận',
  'Lộc',
  'Xuân',
  'Hải',
  'Sơn',
  'Thái',
  'Yên',
  'Cẩm',
  'Gia',
  'Định',
  'Tiên',
  'Lạc',
  'Phong',
  'Hà',
  'Lâm',
  'Thủy',
  'Nghĩa',
  'Khánh',
  'Điền',
] as const;

export type CommuneKind = 'commune' | 'ward' | 'special_zone';
const PREFIX: Record<CommuneKind, string> = { commune: 'Xã', ward: 'Phường', special_zone: 'Đặc khu' };
const PREFIX_EN: Record<CommuneKind, string> = { commune: 'Commune', ward: 'Ward', special_zone: 'Special zone' };

const withoutDiacritics = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');

export interface CommuneName {
  kind: CommuneKind;
  nameVi: string;
  nameEn: string;
}

export function communeNames(provinceCode: string, counts: Record<CommuneKind, number>): CommuneName[] {
  const random = seededRandom(Number(provinceCode) * 7919);
  const used = new Set<string>();
  const names: CommuneName[] = [];
  for (const kind of ['ward', 'commune', 'special_zone'] as const) {
    for (let index = 0; index < counts[kind]; index += 1) {
      let base: string;
      do {
        const first = random.pick(SYLLABLES);
        const second = random.pick(SYLLABLES);
        base = first === second ? first : `${first} ${second}`;
      } while (used.has(base));
      used.add(base);
      names.push({ kind, nameVi: `${PREFIX[kind]} ${base}`, nameEn: `${withoutDiacritics(base)} ${PREFIX_EN[kind]}` });
    }
  }
  return names;
}
