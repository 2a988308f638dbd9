import { NativeSelect } from '@mantine/core';
import {
  EXPECTED_OUTPUTS,
  type ExpectedOutput,
  PRIORITIES,
  type Priority,
} from '../../../shared/domain/task-vocabulary.ts';
import { useI18n } from '../../lib/i18n.tsx';

interface SelectProps<T> {
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
}

/** The expected-output select of the new-task and edit forms, labelled from the catalogue. */
export function ExpectedOutputSelect({ value, onChange, error }: SelectProps<ExpectedOutput>) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={t('taskForm.expectedOutput')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as ExpectedOutput)}
      data={EXPECTED_OUTPUTS.map((output) => ({ value: output, label: t(`expectedOutput.${output}`) }))}
      error={error}
    />
  );
}

/** The priority select of the new-task and edit forms. */
export function PrioritySelect({ value, onChange, error }: SelectProps<Priority>) {
  const { t } = useI18n();
  return (
    <NativeSelect
      label={t('taskForm.priority')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as Priority)}
      data={PRIORITIES.map((priority) => ({ value: priority, label: t(`priority.${priority}`) }))}
      error={error}
    />
  );
}
