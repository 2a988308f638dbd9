import { Button, Group, MultiSelect, NativeSelect, Paper, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { TASK_STATES } from '../../../shared/domain/task-lifecycle.ts';
import { TIMELINESS } from '../../../shared/domain/timeliness.ts';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { listOf, optionalDate } from '../../lib/search-params.ts';
import { TASK_SORTS, type TaskListSearch, type TaskSort } from './task-list-search.ts';
import { directivesQuery, programmesQuery } from './tasks-api.ts';

interface FiltersProps {
  search: TaskListSearch;
  /** Applies changes to the view (and the URL); the list goes back to its first page. */
  onChange: (changes: Partial<TaskListSearch>) => void;
  onClear: () => void;
}

const ACTIVE_FILTERS = [
  'state',
  'timeliness',
  'agency',
  'group',
  'document',
  'deadline_from',
  'deadline_to',
  'scope',
  'as_of',
] as const satisfies ReadonlyArray<keyof TaskListSearch>;

/** Every control applies at once: there is no "Apply" to forget, and the URL follows each change. */
export function TaskListFilters({ search, onChange, onClear }: FiltersProps) {
  const { t, locale } = useI18n();
  const programmes = useQuery(programmesQuery).data?.items ?? [];
  const documents = useQuery(directivesQuery).data?.items ?? [];
  // The text box answers each keystroke; the URL (and the server) only once typing pauses.
  const [text, setText] = useState(search.q ?? '');
  const applyText = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 350);
  // On a phone a dozen filters would push the tasks out of sight: the search shows, the rest on demand.
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [isExpanded, setExpanded] = useState(false);
  const isShowingAll = !isPhone || isExpanded;
  const activeCount = ACTIVE_FILTERS.filter((name) => search[name] !== undefined).length;

  const groupOptions = programmes.flatMap((programme) =>
    programme.groups.map((group) => ({
      value: group.id,
      label: `${programmes.length > 1 ? `${programme.code} · ` : ''}${t('dashboard.groupName', {
        number: group.number,
        name: localName(locale, group),
      })}`,
    })),
  );
  const documentOptions = documents.map((document) => ({
    value: document.id,
    label: `${document.number} — ${document.title}`,
  }));

  return (
    <Paper withBorder p="md" component="section" aria-label={t('tasks.filters')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" id="task-filters">
          <TextInput
            type="search"
            label={t('tasks.search')}
            placeholder={t('tasks.searchPlaceholder')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
          />
          {isShowingAll ? (
            <>
              <MultiSelect
                label={t('tasks.state')}
                placeholder={search.state ? undefined : t('tasks.anyValue')}
                data={TASK_STATES.map((state) => ({ value: state, label: t(`taskState.${state}`) }))}
                value={listOf(search.state, TASK_STATES)}
                onChange={(values) => onChange({ state: values.join(',') || undefined })}
                clearable
              />
              <MultiSelect
                label={t('tasks.timeliness')}
                placeholder={search.timeliness ? undefined : t('tasks.anyValue')}
                data={TIMELINESS.map((value) => ({ value, label: t(`timeliness.${value}`) }))}
                value={listOf(search.timeliness, TIMELINESS)}
                onChange={(values) => onChange({ timeliness: values.join(',') || undefined })}
                clearable
              />
              <OrgIdPicker
                label={t('tasks.agency')}
                value={search.agency}
                onChange={(agency) => onChange({ agency })}
              />
              <Select
                label={t('tasks.group')}
                placeholder={t('tasks.anyValue')}
                data={groupOptions}
                value={search.group ?? null}
                onChange={(group) => onChange({ group: group ?? undefined })}
                clearable
              />
              <Select
                label={t('tasks.document')}
                placeholder={t('tasks.anyValue')}
                data={documentOptions}
                value={search.document ?? null}
                onChange={(document) => onChange({ document: document ?? undefined })}
                searchable
                clearable
              />
              <TextInput
                type="date"
                label={t('tasks.deadlineFrom')}
                value={search.deadline_from ?? ''}
                onChange={(event) => onChange({ deadline_from: optionalDate(event.currentTarget.value) })}
              />
              <TextInput
                type="date"
                label={t('tasks.deadlineTo')}
                value={search.deadline_to ?? ''}
                onChange={(event) => onChange({ deadline_to: optionalDate(event.currentTarget.value) })}
              />
              <OrgIdPicker label={t('reading.scope')} value={search.scope} onChange={(scope) => onChange({ scope })} />
              <TextInput
                type="date"
                label={t('reading.asOf')}
                value={search.as_of ?? ''}
                onChange={(event) => onChange({ as_of: optionalDate(event.currentTarget.value) })}
              />
              <NativeSelect
                label={t('tasks.sort')}
                value={search.sort ?? 'deadline'}
                onChange={(event) => onChange({ sort: event.currentTarget.value as TaskSort })}
                data={TASK_SORTS.map((sort) => ({ value: sort, label: t(`tasks.sort.${sort}`) }))}
              />
            </>
          ) : null}
        </SimpleGrid>
        <Group gap="xs">
          {isPhone ? (
            <Button
              variant="light"
              size="xs"
              aria-expanded={isExpanded}
              aria-controls="task-filters"
              onClick={() => setExpanded((value) => !value)}
            >
              {t(isExpanded ? 'tasks.fewerFilters' : 'tasks.moreFilters', { count: activeCount })}
            </Button>
          ) : null}
          <Button
            variant="subtle"
            size="xs"
            onClick={() => {
              setText('');
              onClear();
            }}
          >
            {t('tasks.clearFilters')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
