import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { readTypedDate, writeNumericDate } from '../../shared/domain/calendar-date-format.ts';
import { formatDate } from '../lib/format.ts';
import { useI18n } from '../lib/i18n.tsx';

type Props = Omit<TextInputProps, 'value' | 'onChange' | 'type' | 'min' | 'max'> & {
  /** 'YYYY-MM-DD', or '' for none. */
  value: string;
  /** Called with 'YYYY-MM-DD' once the text names a real day, '' when cleared or not (yet) a date. */
  onChange: (value: string) => void;
  min?: string | undefined;
  max?: string | undefined;
};

/**
 * A date typed in the interface language's order (dd/mm/yyyy in vi and fr), never in the browser's:
 * `<input type="date">` shows the browser locale's order, so a Vietnamese screen in an en-US
 * browser read 12/03/2026 for 3 December (decision 0024). Days outside [min, max] are named as
 * such beside the field; the server refuses them too.
 */
export function CalendarDateInput({ value, onChange, min, max, error, description, ...props }: Props) {
  const { t, locale } = useI18n();
  const [text, setText] = useState(() => (value ? writeNumericDate(locale, value) : ''));
  const typed = text.trim() === '' ? '' : readTypedDate(locale, text);
  // A new `value` that the text does not already say (a reset, another language) replaces the text.
  const [shown, setShown] = useState({ value, locale });
  if (value !== shown.value || locale !== shown.locale) {
    setShown({ value, locale });
    if (value !== (typed ?? '') || locale !== shown.locale) setText(value ? writeNumericDate(locale, value) : '');
  }

  const [isLeft, setIsLeft] = useState(false);
  const ownError =
    typed === null
      ? isLeft
        ? t('date.invalid', { example: writeNumericDate(locale, '2026-12-03') })
        : null
      : typed !== '' && min && typed < min
        ? t('date.tooEarly', { date: formatDate(locale, min) })
        : typed !== '' && max && typed > max
          ? t('date.tooLate', { date: formatDate(locale, max) })
          : null;

  return (
    <TextInput
      {...props}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('date.placeholder')}
      value={text}
      description={description ?? (min ? t('date.onOrAfter', { date: formatDate(locale, min) }) : undefined)}
      error={error || ownError}
      onBlur={() => setIsLeft(true)}
      onChange={(event) => {
        const next = event.currentTarget.value;
        const date = next.trim() === '' ? '' : (readTypedDate(locale, next) ?? '');
        setIsLeft(false);
        setText(next);
        if (date !== value) onChange(date);
      }}
    />
  );
}
