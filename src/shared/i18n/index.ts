import { IntlMessageFormat } from 'intl-messageformat';
import { en, type Catalogue, type MessageKey } from './en.ts';
import { fr } from './fr.ts';
import { vi } from './vi.ts';

export type { Catalogue, MessageKey } from './en.ts';

/** Vietnamese first: the order is also the order of the language switch. */
export const LOCALES = ['vi', 'en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'vi';

export const CATALOGUES: Record<Locale, Catalogue> = { vi, en, fr };

export type MessageParams = Record<string, string | number | Date>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

// Parsing ICU messages is the costly part, and the same few hundred messages are formatted
// again and again (every problem+json, every render), so each one is compiled once.
const compiled = new Map<string, IntlMessageFormat>();

function formatterFor(locale: Locale, key: MessageKey): IntlMessageFormat {
  const cacheKey = `${locale}\u0000${key}`;
  let formatter = compiled.get(cacheKey);
  if (!formatter) {
    formatter = new IntlMessageFormat(CATALOGUES[locale][key], locale);
    compiled.set(cacheKey, formatter);
  }
  return formatter;
}

/** The message `key` in `locale`, with its ICU arguments filled in. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const formatted = formatterFor(locale, key).format<string>(params);
  return Array.isArray(formatted) ? formatted.join('') : String(formatted);
}

/**
 * The best of our locales for an Accept-Language header ("fr-CA,fr;q=0.9,en;q=0.8"):
 * highest quality first, matching on the primary language subtag; Vietnamese otherwise.
 */
export function negotiateLocale(acceptLanguageHeader?: string | null): Locale {
  if (!acceptLanguageHeader) return DEFAULT_LOCALE;
  const ranges = acceptLanguageHeader
    .split(',')
    .map((part, index) => {
      const [tag = '', ...attributes] = part.trim().split(';');
      const qualityAttribute = attributes.find((attribute) => attribute.trim().startsWith('q='));
      const quality = qualityAttribute ? Number(qualityAttribute.trim().slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split('-')[0] ?? '', quality, index };
    })
    .filter((range) => range.language !== '' && Number.isFinite(range.quality) && range.quality > 0)
    // Equal qualities keep the header's order.
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  const match = ranges.find((range) => isLocale(range.language));
  return match && isLocale(match.language) ? match.language : DEFAULT_LOCALE;
}
