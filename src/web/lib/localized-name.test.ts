import { describe, expect, it } from 'vitest';
import { localName } from './i18n.tsx';
import { nameIn } from '../../shared/domain/localized-name.ts';

const ministry = { nameVi: 'Bộ Khoa học và Công nghệ', nameEn: 'Ministry of Science and Technology' };

describe('names in the interface language (decision 0024)', () => {
  it('shows the official Vietnamese name in French, where no French name exists, not the English one', () => {
    expect(nameIn('fr', ministry)).toBe('Bộ Khoa học và Công nghệ');
    expect(nameIn('vi', ministry)).toBe('Bộ Khoa học và Công nghệ');
  });

  it('shows the English name in English, and the Vietnamese one when it has none', () => {
    expect(nameIn('en', ministry)).toBe('Ministry of Science and Technology');
    expect(nameIn('en', { nameVi: 'Xã Hồng Định', nameEn: '' })).toBe('Xã Hồng Định');
    expect(nameIn('en', { nameVi: 'Xã Hồng Định', nameEn: null })).toBe('Xã Hồng Định');
  });

  it('is the rule the screens use', () => {
    expect(localName('fr', ministry)).toBe(nameIn('fr', ministry));
  });
});
