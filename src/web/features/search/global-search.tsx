import { Combobox, Loader, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { SearchHit } from '../../../shared/schemas/search.ts';
import { formatDate } from '../../lib/format.ts';
import { localName, translateDynamic, useI18n } from '../../lib/i18n.tsx';
import { globalSearchQuery } from './search-api.ts';

const optionValue = (hit: SearchHit) => `${hit.kind}:${hit.id}`;

/**
 * The search box of the app's header (decision 0022): results grouped by kind as the person types,
 * arrows and Enter to open one (an ARIA combobox and listbox); Enter on a code typed whole (a task
 * code, a tracking code, a document number) opens that item at once.
 */
export function GlobalSearch() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value.trim(), 250);
  const { data, isFetching } = useQuery(globalSearchQuery(debounced));
  const result = debounced ? data : undefined;
  const hits = result ? [...(result.goTo ? [result.goTo] : []), ...result.groups.flatMap((group) => group.items)] : [];

  const open = async (hit: SearchHit) => {
    setValue('');
    combobox.closeDropdown();
    if (hit.kind === 'task') await navigate({ to: '/tasks/$taskId', params: { taskId: hit.id }, search: {} });
    else if (hit.kind === 'feedback') await navigate({ to: '/feedback/$feedbackId', params: { feedbackId: hit.id } });
    else if (hit.kind === 'document') await navigate({ to: '/directives/$documentId', params: { documentId: hit.id } });
    else if (hit.kind === 'meeting') await navigate({ to: '/meetings/$meetingId', params: { meetingId: hit.id } });
    else await navigate({ to: '/organizations', search: { org: hit.id } });
  };

  // Enter without a chosen option: a code typed whole goes to its item, even before the list shows.
  const submitTyped = async () => {
    const q = value.trim();
    if (!q) return;
    const answer = await queryClient.fetchQuery(globalSearchQuery(q)).catch(() => undefined);
    if (answer?.goTo) await open(answer.goTo);
  };

  const describe = (hit: SearchHit) =>
    [
      hit.code,
      hit.organization ? localName(locale, hit.organization) : null,
      hit.date ? formatDate(locale, hit.date) : null,
      hit.state
        ? translateDynamic(t, `${hit.kind === 'task' ? 'taskState' : 'feedbackState'}.${hit.state}`, hit.state)
        : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const option = (hit: SearchHit, label?: string) => (
    <Combobox.Option value={optionValue(hit)} key={`${label ? 'goto' : 'hit'}:${optionValue(hit)}`}>
      <Text size="sm" fw={label ? 700 : 500} lineClamp={2}>
        {label ?? hit.title}
      </Text>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {label ? hit.title : describe(hit)}
      </Text>
    </Combobox.Option>
  );

  const groups = (result?.groups ?? [])
    .filter((group) => group.items.length > 0)
    .map((group) => (
      <Combobox.Group label={t(`search.group.${group.kind}`)} key={group.kind}>
        {group.items.map((hit) => option(hit))}
        {group.hasMore ? (
          <Text size="xs" c="dimmed" px="sm" pb={4}>
            {t('search.hasMore')}
          </Text>
        ) : null}
      </Combobox.Group>
    ));

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(chosen) => {
        const hit = hits.find((candidate) => optionValue(candidate) === chosen);
        if (hit) void open(hit);
      }}
      width={480}
      position="bottom-start"
    >
      <Combobox.Target withExpandedAttribute>
        <TextInput
          // The ARIA 1.2 combobox: a text field that controls the list of results below it.
          role="combobox"
          aria-autocomplete="list"
          aria-label={t('search.label')}
          placeholder={t('search.placeholder')}
          type="search"
          value={value}
          w={{ base: 150, xs: 240, md: 360 }}
          rightSection={isFetching && debounced ? <Loader size={14} /> : null}
          onChange={(event) => {
            setValue(event.currentTarget.value);
            combobox.openDropdown();
            combobox.resetSelectedOption();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && combobox.getSelectedOptionIndex() === -1) {
              event.preventDefault();
              void submitTyped();
            }
            if (event.key === 'Escape') setValue('');
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!debounced}>
        <Combobox.Options mah={420} style={{ overflowY: 'auto' }}>
          {result?.goTo ? option(result.goTo, t('search.goTo', { code: result.goTo.code ?? '' })) : null}
          {groups}
          {result && !result.goTo && groups.length === 0 ? (
            <Combobox.Empty>{isFetching ? t('search.searching') : t('search.nothing')}</Combobox.Empty>
          ) : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
