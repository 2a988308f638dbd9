import { NativeSelect } from '@mantine/core';
import { LOCALES, isLocale } from '../../shared/i18n/index.ts';
import { useI18n } from '../lib/i18n.tsx';

/** Each language is named in itself, so that someone who cannot read the current one still finds theirs. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <NativeSelect
      aria-label={t('header.language')}
      size="xs"
      value={locale}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) setLocale(next);
      }}
      data={LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
    />
  );
}
