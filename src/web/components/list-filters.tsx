import { Button, Group, MultiSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n.tsx';
import { listOf, optionalDate } from '../lib/search-params.ts';
import { CalendarDateInput } from './calendar-date-input.tsx';

interface FilterPanelProps {
  /** The name of the filters' region. */
  label: string;
  /** The text search, always in sight. */
  searchLabel: string;
  searchPlaceholder: string;
  q: string | undefined;
  onSearch: (q: string | undefined) => void;
  /**
   * Set where a phone should fold the filters: only the search shows there, the rest behind a button that
   * counts the filters in use (`gridId` names what it shows and hides).
   */
  collapse?: { gridId: string; activeCount: number };
  /** Clears the view; the search box empties itself. */
  onClear: () => void;
  /** The filters after the search box. */
  children: ReactNode;
}

/**
 * A list's filters: every control applies at once, there is no "Apply" to forget, and the URL follows each
 * change. The text box answers each keystroke; the URL (and the server) only once typing pauses.
 */
export function FilterPanel({
  label,
  searchLabel,
  searchPlaceholder,
  q,
  onSearch,
  collapse,
  onClear,
  children,
}: FilterPanelProps) {
  const { t } = useI18n();
  const [text, setText] = useState(q ?? '');
  const applyText = useDebouncedCallback((value: string) => onSearch(value.trim() || undefined), 350);
  // On a phone a dozen filters would push the list out of sight: the search shows, the rest on demand.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [isExpanded, setExpanded] = useState(false);
  const isFolded = collapse !== undefined && isPhone && !isExpanded;
  const clearButton = (
    <Button
      variant="subtle"
      size="xs"
      w={collapse ? undefined : 'fit-content'}
      onClick={() => {
        setText('');
        onClear();
      }}
    >
      {t('tasks.clearFilters')}
    </Button>
  );

  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" id={collapse?.gridId}>
          <TextInput
            type="search"
            label={searchLabel}
            placeholder={searchPlaceholder}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
          />
          {isFolded ? null : children}
        </SimpleGrid>
        {collapse ? (
          <Group gap="xs">
            {isPhone ? (
              <Button
                variant="light"
                size="xs"
                aria-expanded={isExpanded}
                aria-controls={collapse.gridId}
                onClick={() => setExpanded((value) => !value)}
              >
                {t(isExpanded ? 'tasks.fewerFilters' : 'tasks.moreFilters', { count: collapse.activeCount })}
              </Button>
            ) : null}
            {clearButton}
          </Group>
        ) : (
          clearButton
        )}
      </Stack>
    </Paper>
  );
}

/** How many of the named filters a view sets. */
export function countActive<T extends object>(search: T, names: ReadonlyArray<keyof T>): number {
  return names.filter((name) => search[name] !== undefined).length;
}

/** Any of a fixed set of values, kept in the URL as a comma-separated list ("overdue,due_soon"). */
export function MultiSelectFilter<T extends string>({
  label,
  anyLabel,
  values,
  labelOf,
  value,
  onChange,
}: {
  label: string;
  /** Shown while none is chosen. */
  anyLabel: string;
  values: readonly T[];
  labelOf: (value: T) => string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <MultiSelect
      label={label}
      placeholder={value ? undefined : anyLabel}
      data={values.map((item) => ({ value: item, label: labelOf(item) }))}
      value={listOf(value, values)}
      onChange={(chosen) => onChange(chosen.join(',') || undefined)}
      clearable
    />
  );
}

/** A date kept in the URL; a date half typed or cleared is no filter. */
export function DateFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return <CalendarDateInput label={label} value={value ?? ''} onChange={(date) => onChange(optionalDate(date))} />;
}
