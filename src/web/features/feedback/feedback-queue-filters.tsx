import { NativeSelect } from '@mantine/core';
import {
  FEEDBACK_FIELDS,
  FEEDBACK_SORTS,
  FEEDBACK_STATES,
  FEEDBACK_TYPES,
  type FeedbackSort,
} from '../../../shared/domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../../../shared/domain/feedback-service-level.ts';
import { countActive, DateFilter, FilterPanel, MultiSelectFilter } from '../../components/list-filters.tsx';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import type { FeedbackQueueSearch } from './feedback-queue-search.ts';

interface FiltersProps {
  search: FeedbackQueueSearch;
  onChange: (changes: Partial<FeedbackQueueSearch>) => void;
  onClear: () => void;
}

const ACTIVE_FILTERS = [
  'state',
  'type',
  'field',
  'organization',
  'service_level',
  'received_from',
  'received_to',
] as const satisfies ReadonlyArray<keyof FeedbackQueueSearch>;

/** As on the task list: every control applies at once and the URL follows each change. */
export function FeedbackQueueFilters({ search, onChange, onClear }: FiltersProps) {
  const { t } = useI18n();

  return (
    <FilterPanel
      label={t('feedbackQueue.filters')}
      searchLabel={t('feedbackQueue.search')}
      searchPlaceholder={t('feedbackQueue.searchPlaceholder')}
      q={search.q}
      onSearch={(q) => onChange({ q })}
      collapse={{ gridId: 'feedback-filters', activeCount: countActive(search, ACTIVE_FILTERS) }}
      onClear={onClear}
    >
      <MultiSelectFilter
        label={t('feedbackQueue.state')}
        anyLabel={t('feedbackQueue.any')}
        values={FEEDBACK_STATES}
        labelOf={(value) => t(`feedbackState.${value}`)}
        value={search.state}
        onChange={(state) => onChange({ state })}
      />
      <MultiSelectFilter
        label={t('feedbackQueue.serviceLevel')}
        anyLabel={t('feedbackQueue.any')}
        values={SERVICE_LEVEL_STATES}
        labelOf={(value) => t(`serviceLevel.${value}`)}
        value={search.service_level}
        onChange={(service_level) => onChange({ service_level })}
      />
      <MultiSelectFilter
        label={t('feedbackForm.type')}
        anyLabel={t('feedbackQueue.any')}
        values={FEEDBACK_TYPES}
        labelOf={(value) => t(`feedbackType.${value}`)}
        value={search.type}
        onChange={(type) => onChange({ type })}
      />
      <MultiSelectFilter
        label={t('feedbackForm.field')}
        anyLabel={t('feedbackQueue.any')}
        values={FEEDBACK_FIELDS}
        labelOf={(value) => t(`feedbackField.${value}`)}
        value={search.field}
        onChange={(field) => onChange({ field })}
      />
      <OrgIdPicker
        label={t('feedbackQueue.assignedOrganization')}
        value={search.organization}
        onChange={(organization) => onChange({ organization })}
      />
      <DateFilter
        label={t('feedbackQueue.receivedFrom')}
        value={search.received_from}
        onChange={(received_from) => onChange({ received_from })}
      />
      <DateFilter
        label={t('feedbackQueue.receivedTo')}
        value={search.received_to}
        onChange={(received_to) => onChange({ received_to })}
      />
      <NativeSelect
        label={t('feedbackQueue.sort')}
        value={search.sort ?? 'due'}
        onChange={(event) => onChange({ sort: event.currentTarget.value as FeedbackSort })}
        data={FEEDBACK_SORTS.map((sort) => ({ value: sort, label: t(`feedbackQueue.sort.${sort}`) }))}
      />
    </FilterPanel>
  );
}
