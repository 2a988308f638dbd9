import fc from 'fast-check';

/**
 * What an adversary types into a field: the characters that break storage (NUL, lone surrogates),
 * encodings, parsers and layouts, and the values that break date and number arithmetic. Mixed
 * into every generated request by the API fuzz test (decision 0017).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0001\u0008\u000b\u001f',
  '\t\n\r',
  'line\nbreak',
  '\ud800',
  'x\udc00y',
  '\ud83d',
  '😀',
  '👩‍👩‍👧‍👦',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום',
  '\ufeffBOM',
  '\ufffe\uffff',
  'Ω≈ç√',
  'Hà Nội',
  "' OR 1=1 --",
  "'; DROP TABLE task; --",
  '%00',
  '%',
  '%zz',
  '%ED%A0%80',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>',
  '\\',
  '"',
  '{}',
  '[]',
  'null',
  'undefined',
  'NaN',
  '__proto__',
  'constructor',
  '${7*7}{{7*7}}',
  '0000-01-01',
  '9999-12-31',
  '2025-02-30',
  '2024-02-29',
  '-0001-01-01',
  '+275760-09-13',
  '1899-12-31',
  '3000-01-01',
  '2025-13-01',
  '2025-1-1',
  '2025-01-01T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'a'.repeat(101),
  'ệ'.repeat(2_001),
  'x'.repeat(10_001),
];

/** Numbers as a query string carries them: text that parses oddly or overflows. */
export const HOSTILE_NUMBER_TEXTS: readonly string[] = [
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e308',
  '1e309',
  '-1e308',
  '5e-324',
  '0x1F',
  '1_000',
  ' 7 ',
  '٣',
  '9007199254740993',
  '-2147483649',
  '2147483648',
  '1.5',
  '',
];

/** Numbers as JSON carries them (NaN and Infinity become null there). */
export const HOSTILE_NUMBERS: readonly number[] = [
  -0,
  0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];

/** Any UTF-16 code unit, lone surrogates and control characters included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** A hostile string: a known one, random code units, or random graphemes of any script. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 4 },
  { arbitrary: fc.string({ unit: codeUnit, maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 1 },
);

/** A value of the wrong type, or nested where a scalar is expected. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, {}, [], [null], ['a', 'b']),
  // An own property named __proto__, as JSON.parse makes it: prototype pollution attempts.
  fc.constant<unknown>(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}')),
  fc.constantFrom(...HOSTILE_NUMBERS),
  hostileString,
  fc.letrec((tie) => ({
    nested: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constant('deep'),
      fc.array(tie('nested'), { maxLength: 2 }),
      fc.dictionary(fc.string({ maxLength: 5 }), tie('nested'), { maxKeys: 2 }),
    ),
  })).nested,
);
