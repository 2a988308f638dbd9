import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { organizationSearchQuery } from '../features/organizations/organizations-api.ts';
import { localName, useI18n } from '../lib/i18n.tsx';

interface OrgPickerProps {
  label: string;
  value: Organization | null;
  onChange: (organization: Organization | null) => void;
  error?: string | undefined;
  required?: boolean;
}

/**
 * Picks one of ~3,500 organizations by asking the server (which ignores diacritics) as the person
 * types, instead of loading them all into the page.
 */
export function OrgPicker({ label, value, onChange, error, required }: OrgPickerProps) {
  const { t, locale } = useI18n();
  const labelOf = (organization: Organization) => `${localName(locale, organization)} (${organization.code})`;
  // A picker opened with a choice already made (from the URL, a parent task) shows that choice.
  const [search, setSearch] = useState(() => (value ? labelOf(value) : ''));
  const [debouncedSearch] = useDebouncedValue(search, 250);
  // Once chosen, the search box shows the chosen label: do not search for that text.
  const isShowingChoice = value !== null && search === labelOf(value);
  const query = useQuery(organizationSearchQuery(isShowingChoice ? '' : debouncedSearch, 20));

  const found = query.data?.items ?? [];
  const options = value && !found.some((organization) => organization.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label={label}
      placeholder={t('orgPicker.placeholder')}
      required={required}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered: show what it found, even when it matched without diacritics.
      filter={({ options: all }) => all}
      data={options.map((organization) => ({ value: organization.id, label: labelOf(organization) }))}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((organization) => organization.id === id) ?? null)}
      nothingFoundMessage={debouncedSearch && !query.isFetching ? t('common.noResults') : undefined}
      error={error}
    />
  );
}
