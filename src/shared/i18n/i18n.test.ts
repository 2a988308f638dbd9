import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { ORGANIZATION_KINDS } from '../domain/organization-kinds.ts';
import { ROLES } from '../domain/roles.ts';
import { en } from './en.ts';
import { CATALOGUES, LOCALES, isMessageKey, negotiateLocale, translate } from './index.ts';

const englishKeys = Object.keys(en).sort();
const VIETNAMESE_DIACRITICS = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

describe('message catalogues', () => {
  it.each(LOCALES)('%s has exactly the keys of the English source', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(englishKeys);
  });

  it.each(LOCALES)('every %s message parses as ICU MessageFormat', (locale) => {
    for (const [key, message] of Object.entries(CATALOGUES[locale])) {
      expect(() => new IntlMessageFormat(message, locale), `${locale} ${key}`).not.toThrow();
    }
  });

  it('has a label for every organization kind and role, and every error code the server uses', () => {
    const required = [
      ...ORGANIZATION_KINDS.map((kind) => `orgKind.${kind}`),
      ...ROLES.map((role) => `role.${role}`),
      ...['validation', 'invalid_json', 'not_found', 'unauthenticated', 'forbidden', 'invalid_credentials']
        .concat(['too_many_attempts', 'csrf', 'conflict', 'precondition_required', 'duplicate'])
        .concat(['payload_too_large', 'unsupported_media_type', 'account_disabled', 'data_dir_locked'])
        .concat(['internal', 'rate_limited'])
        .map((code) => `error.${code}`),
    ];
    expect(required.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it('writes Vietnamese with its diacritics, not in stripped ASCII', () => {
    const vi = CATALOGUES.vi;
    // A sentence of three words or more always has a diacritic in Vietnamese; short labels
    // such as "Sau" or "STT" may legitimately have none.
    const words = (message: string) =>
      message
        .replace(/\{[^}]*\}/g, ' ')
        .split(/\s+/)
        .filter(Boolean);
    const withoutDiacritics = Object.entries(vi).filter(
      ([key, message]) =>
        key !== 'orgs.searchPlaceholder' && words(message).length >= 3 && !VIETNAMESE_DIACRITICS.test(message),
    );
    expect(withoutDiacritics).toEqual([]);
    expect(vi['signIn.title']).toBe('Đăng nhập');
    expect(vi['orgKind.commune']).toBe('Xã');
  });
});

describe('translate', () => {
  it('fills in ICU arguments and plurals', () => {
    expect(translate('en', 'error.too_many_attempts', { minutes: 1 })).toContain('1 minute.');
    expect(translate('en', 'error.too_many_attempts', { minutes: 15 })).toContain('15 minutes');
    expect(translate('vi', 'error.too_many_attempts', { minutes: 15 })).toContain('15 phút');
    expect(translate('fr', 'error.duplicate', { field: 'email' })).toBe('Ce champ email est déjà utilisé.');
  });

  it('returns the same text when called again (compiled formats are cached)', () => {
    expect(translate('vi', 'orgs.results', { count: 3 })).toBe(translate('vi', 'orgs.results', { count: 3 }));
  });
});

describe('negotiateLocale', () => {
  it.each([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.5,en;q=0.7', 'en'],
    ['de, ja', 'vi'],
    ['en;q=0, fr', 'fr'],
    ['VI-vn', 'vi'],
    ['*', 'vi'],
  ] as const)('%s → %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });
});
