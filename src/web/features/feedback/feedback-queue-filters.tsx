import { Button, Group, MultiSelect, NativeSelect, Paper, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import {
  FEEDBACK_FIELDS,
  FEEDBACK_SORTS,
  FEEDBACK_STATES,
  FEEDBACK_TYPES,
  type FeedbackSort,
} from '../../../shared/domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../../../shared/domain/feedback-service-level.ts';
import { OrgIdPicker } from '../../components/org-id-picker.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { listOf, optionalDate } from '../../lib/search-params.ts';
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
  const [text, setText] = useState(search.q ?? '');
  const applyText = useDebouncedCallback((value: string) => onChange({ q: value.trim() || undefined }), 350);
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const [isExpanded, setExpanded] = useState(false);
  const isShowingAll = !isPhone || isExpanded;
  const activeCount = ACTIVE_FILTERS.filter((name) => search[name] !== undefined).length;

  return (
    <Paper withBorder p="md" component="section" aria-label={t('feedbackQueue.filters')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" id="feedback-filters">
          <TextInput
            type="search"
            label={t('feedbackQueue.search')}
            placeholder={t('feedbackQueue.searchPlaceholder')}
            value={text}
            onChange={(event) => {
              setText(event.currentTarget.value);
              applyText(event.currentTarget.value);
            }}
          />
          {isShowingAll ? (
            <>
              <MultiSelect
                label={t('feedbackQueue.state')}
                placeholder={search.state ? undefined : t('feedbackQueue.any')}
                data={FEEDBACK_STATES.map((value) => ({ value, label: t(`feedbackState.${value}`) }))}
                value={listOf(search.state, FEEDBACK_STATES)}
                onChange={(values) => onChange({ state: values.join(',') || undefined })}
                clearable
              />
              <MultiSelect
                label={t('feedbackQueue.serviceLevel')}
                placeholder={search.service_level ? undefined : t('feedbackQueue.any')}
                data={SERVICE_LEVEL_STATES.map((value) => ({ value, label: t(`serviceLevel.${value}`) }))}
                value={listOf(search.service_level, SERVICE_LEVEL_STATES)}
                onChange={(values) => onChange({ service_level: values.join(',') || undefined })}
                clearable
              />
              <MultiSelect
                label={t('feedbackForm.type')}
                placeholder={search.type ? undefined : t('feedbackQueue.any')}
                data={FEEDBACK_TYPES.map((value) => ({ value, label: t(`feedbackType.${value}`) }))}
                value={listOf(search.type, FEEDBACK_TYPES)}
                onChange={(values) => onChange({ type: values.join(',') || undefined })}
                clearable
              />
              <MultiSelect
                label={t('feedbackForm.field')}
                placeholder={search.field ? undefined : t('feedbackQueue.any')}
                data={FEEDBACK_FIELDS.map((value) => ({ value, label: t(`feedbackField.${value}`) }))}
                value={listOf(search.field, FEEDBACK_FIELDS)}
                onChange={(values) => onChange({ field: values.join(',') || undefined })}
                clearable
              />
              <OrgIdPicker
                label={t('feedbackQueue.assignedOrganization')}
                value={search.organization}
                onChange={(organization) => onChange({ organization })}
              />
              <TextInput
                type="date"
                label={t('feedbackQueue.receivedFrom')}
                value={search.received_from ?? ''}
                onChange={(event) => onChange({ received_from: optionalDate(event.currentTarget.value) })}
              />
              <TextInput
                type="date"
                label={t('feedbackQueue.receivedTo')}
                value={search.received_to ?? ''}
                onChange={(event) => onChange({ received_to: optionalDate(event.currentTarget.value) })}
              />
              <NativeSelect
                label={t('feedbackQueue.sort')}
                value={search.sort ?? 'due'}
                onChange={(event) => onChange({ sort: event.currentTarget.value as FeedbackSort })}
                data={FEEDBACK_SORTS.map((sort) => ({ value: sort, label: t(`feedbackQueue.sort.${sort}`) }))}
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
              aria-controls="feedback-filters"
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
