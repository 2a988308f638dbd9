import { NativeSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { TASK_STATES } from '../../../shared/domain/task-lifecycle.ts';
import { TIMELINESS } from '../../../shared/domain/timeliness.ts';
import { countActive, DateFilter, FilterPanel, MultiSelectFilter } from '../../components/list-filters.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { localName, useI18n } from '../../lib/i18n.tsx';
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

/** The task list's filters, the search always in sight and on a phone the rest on demand. */
export function TaskListFilters({ search, onChange, onClear }: FiltersProps) {
  const { t, locale } = useI18n();
  const programmes = useQuery(programmesQuery).data?.items ?? [];
  const documents = useQuery(directivesQuery).data?.items ?? [];

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
    <FilterPanel
      label={t('tasks.filters')}
      searchLabel={t('tasks.search')}
      searchPlaceholder={t('tasks.searchPlaceholder')}
      q={search.q}
      onSearch={(q) => onChange({ q })}
      collapse={{ gridId: 'task-filters', activeCount: countActive(search, ACTIVE_FILTERS) }}
      onClear={onClear}
    >
      <MultiSelectFilter
        label={t('tasks.state')}
        anyLabel={t('tasks.anyValue')}
        values={TASK_STATES}
        labelOf={(state) => t(`taskState.${state}`)}
        value={search.state}
        onChange={(state) => onChange({ state })}
      />
      <MultiSelectFilter
        label={t('tasks.timeliness')}
        anyLabel={t('tasks.anyValue')}
        values={TIMELINESS}
        labelOf={(value) => t(`timeliness.${value}`)}
        value={search.timeliness}
        onChange={(timeliness) => onChange({ timeliness })}
      />
      <OrgIdPicker label={t('tasks.agency')} value={search.agency} onChange={(agency) => onChange({ agency })} />
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
      <DateFilter
        label={t('tasks.deadlineFrom')}
        value={search.deadline_from}
        onChange={(deadline_from) => onChange({ deadline_from })}
      />
      <DateFilter
        label={t('tasks.deadlineTo')}
        value={search.deadline_to}
        onChange={(deadline_to) => onChange({ deadline_to })}
      />
      <OrgIdPicker label={t('reading.scope')} value={search.scope} onChange={(scope) => onChange({ scope })} />
      <DateFilter label={t('reading.asOf')} value={search.as_of} onChange={(as_of) => onChange({ as_of })} />
      <NativeSelect
        label={t('tasks.sort')}
        value={search.sort ?? 'deadline'}
        onChange={(event) => onChange({ sort: event.currentTarget.value as TaskSort })}
        data={TASK_SORTS.map((sort) => ({ value: sort, label: t(`tasks.sort.${sort}`) }))}
      />
    </FilterPanel>
  );
}
