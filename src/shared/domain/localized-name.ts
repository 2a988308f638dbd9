import type { Locale } from '../i18n/index.ts';

/**
 * The name of an organization (or task group) in the interface language (decision 0024). The
 * Vietnamese name is the official one and always present; the English one is a translation, and
 * there is no French one. So English shows the English name when there is one, and every other
 * language shows the official Vietnamese name rather than a translation into a third language.
 */
export function nameIn(locale: Locale, names: { nameVi: string; nameEn?: string | null | undefined }): string {
  return locale === 'en' && names.nameEn ? names.nameEn : names.nameVi;
}

/**
 * An indicator's name in the interface language: indicators are defined with a name in each of the
 * three languages, unlike organizations, since a report in French names them in French.
 */
export function indicatorNameIn(locale: Locale, names: { nameVi: string; nameEn: string; nameFr: string }): string {
  return locale === 'en' ? names.nameEn : locale === 'fr' ? names.nameFr : names.nameVi;
}
