import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { programmesQuery } from './tasks-api.ts';

/**
 * The programme and task group a new task goes in. Until the person picks one, the programme is the
 * first (the demo has one: R57).
 */
export function useProgrammeChoice(initial?: { programmeId: string | null; groupId: string | null }) {
  const programmes = useQuery(programmesQuery).data?.items ?? [];
  const [chosenProgrammeId, setProgrammeId] = useState<string | null>(initial?.programmeId ?? null);
  const [groupId, setGroupId] = useState<string | null>(initial?.groupId ?? null);
  const programmeId = chosenProgrammeId ?? programmes[0]?.id ?? '';
  return { programmes, programmeId, groupId, setProgrammeId, setGroupId };
}

/** The programme and group selects: the groups are the programme's, and another programme clears the group. */
export function ProgrammeGroupFields({
  choice,
  disabled,
  programmeError,
  groupError,
}: {
  choice: ReturnType<typeof useProgrammeChoice>;
  /** The programme is fixed, as a sub-task's is its parent's. */
  disabled?: boolean;
  programmeError: string | undefined;
  groupError: string | undefined;
}) {
  const { t, locale } = useI18n();
  const { programmes, programmeId, groupId, setProgrammeId, setGroupId } = choice;
  const programme = programmes.find((candidate) => candidate.id === programmeId);
  return (
    <>
      <Select
        label={t('taskForm.programme')}
        required
        disabled={disabled}
        data={programmes.map((item) => ({ value: item.id, label: `${item.code} — ${localName(locale, item)}` }))}
        value={programmeId || null}
        onChange={(value) => {
          setProgrammeId(value);
          setGroupId(null);
        }}
        error={programmeError}
      />
      <Select
        label={t('taskForm.group')}
        placeholder={t('taskForm.noGroup')}
        clearable
        data={(programme?.groups ?? []).map((group) => ({
          value: group.id,
          label: t('dashboard.groupName', { number: group.number, name: localName(locale, group) }),
        }))}
        value={groupId}
        onChange={setGroupId}
        error={groupError}
      />
    </>
  );
}
