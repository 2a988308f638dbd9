import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  DEFAULT_LOCALE,
  LOCALES,
  isLocale,
  isMessageKey,
  translate,
  type Locale,
  type MessageKey,
  type MessageParams,
} from '../../shared/i18n/index.ts';
import { setRequestLanguage } from './api-client.ts';
import { nameIn } from '../../shared/domain/localized-name.ts';

const STORAGE_KEY = 'steerboard.locale';

export type Translate = (key: MessageKey, params?: MessageParams) => string;

interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: Translate;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** The saved choice, else Vietnamese: the product speaks Vietnamese first, whatever the browser says. */
export function readSavedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readSavedLocale);

  // Set synchronously during render too, so the very first requests already carry the language.
  setRequestLanguage(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this page only.
    }
    setRequestLanguage(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({ locale, setLocale, t: (key, params) => translate(locale, key, params) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** Translates a key built at run time (a kind or role from the API), showing the raw value if unknown. */
export function translateDynamic(t: Translate, key: string, fallback: string): string {
  return isMessageKey(key) ? t(key) : fallback;
}

/** An organization's or group's name in the UI language: the rule of shared/domain/localized-name.ts. */
export const localName = nameIn;

export { LOCALES, type Locale };
