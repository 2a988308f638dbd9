import { Button, NumberInput, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { DOCUMENT_TYPES, type DocumentType } from '../../../shared/domain/task-vocabulary.ts';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { DocumentListSearch } from './directive-list-search.ts';

interface DocumentListFiltersProps {
  search: DocumentListSearch;
  onChange: (changes: Partial<DocumentListSearch>) => void;
  onClear: () => void;
}

/** Every control applies at once, and the URL follows; the text waits for typing to pause. */
export function DocumentListFilters({ search, onChange, onClear }: DocumentListFiltersProps) {
  const { t } = useI18n();
  const [text, setText] = useState(search.q ?? '');
  const applyText = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 350);
  // The year applies once it has four digits, not at "2" on the way to "2025".
  const [year, setYear] = useState<string | number>(search.year ?? '');

  return (
    <Paper withBorder p="md" component="section" aria-label={t('directives.filters')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
          <TextInput
            type="search"
            label={t('directives.search')}
            placeholder={t('directives.searchPlaceholder')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
          />
          <Select
            label={t('directives.type')}
            placeholder={t('tasks.anyValue')}
            data={DOCUMENT_TYPES.map((type) => ({ value: type, label: t(`documentType.${type}`) }))}
            value={search.type ?? null}
            onChange={(type) => onChange({ type: (type as DocumentType | null) ?? undefined })}
            clearable
          />
          <OrgIdPicker
            label={t('directives.issuer')}
            value={search.issuer}
            onChange={(issuer) => onChange({ issuer })}
          />
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
        </SimpleGrid>
        <Button
          variant="subtle"
          size="xs"
          w="fit-content"
          onClick={() => {
            setText('');
            setYear('');
            onClear();
          }}
        >
          {t('tasks.clearFilters')}
        </Button>
      </Stack>
    </Paper>
  );
}
