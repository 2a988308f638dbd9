import { NumberInput, Select } from '@mantine/core';
import { useState } from 'react';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/task-vocabulary.ts';
import { FilterPanel } from '../../components/list-filters.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { DocumentListSearch } from './directive-list-search.ts';

interface DocumentListFiltersProps {
  search: DocumentListSearch;
  onChange: (changes: Partial<DocumentListSearch>) => void;
  onClear: () => void;
}

/** The document list's filters, few enough to stay in sight on a phone. */
export function DocumentListFilters({ search, onChange, onClear }: DocumentListFiltersProps) {
  const { t } = useI18n();
  // The year applies once it has four digits, not at "2" on the way to "2025".
  const [year, setYear] = useState<string | number>(search.year ?? '');

  return (
    <FilterPanel
      label={t('directives.filters')}
      searchLabel={t('directives.search')}
      searchPlaceholder={t('directives.searchPlaceholder')}
      q={search.q}
      onSearch={(q) => onChange({ q })}
      onClear={() => {
        setYear('');
        onClear();
      }}
    >
      <Select
        label={t('directives.type')}
        placeholder={t('tasks.anyValue')}
        data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentType.${type}`) }))}
        value={search.type ?? null}
        onChange={(type) => onChange({ type: (type as DocumentType | null) ?? undefined })}
        clearable
      />
      <OrgIdPicker label={t('directives.issuer')} value={search.issuer} onChange={(issuer) => onChange({ issuer })} />
      <NumberInput
        label={t('directives.year')}
        min={1900}
        max={2200}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator={false}
        value={year}
        onChange={(value) => {
          setYear(value);
          const number = typeof value === 'number' ? value : Number.NaN;
          if (value === '') onChange({ year: undefined });
          else if (number >= 1900 && number <= 2200) onChange({ year: number });
        }}
      />
    </FilterPanel>
  );
}
