import { Button, FileInput, Group, NumberInput, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { EVIDENCE_MAX_BYTES, EVIDENCE_TYPES, isAcceptedName } from '../../../shared/domain/evidence.ts';
import type { CreateProgressReport, TaskDetail } from '../../../shared/schemas/tasks.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from './form-message.tsx';
import { taskFormErrors, useTaskMutation } from './task-mutations.ts';
import { reportProgress, uploadEvidence } from './tasks-api.ts';

const ACCEPT = Object.keys(EVIDENCE_TYPES)
  .map((extension) => `.${extension}`)
  .join(',');

const FIELDS = ['percent', 'narrative', 'difficulties', 'proposals', 'evidenceFileIds'] as const;

export function ReportProgressForm({ task, onDone }: { task: TaskDetail; onDone: () => void }) {
  const { t } = useI18n();
  // Starts from the last reported percentage: a report usually moves it on from there.
  const [percent, setPercent] = useState<number | string>(task.progressPercent);
  const [narrative, setNarrative] = useState('');
  const [difficulties, setDifficulties] = useState('');
  const [proposals, setProposals] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // Files are uploaded first, then named in the report: a refused report keeps them for the retry.
  const [uploaded, setUploaded] = useState(new Map<File, string>());
  const mutation = useTaskMutation(
    task,
    async (input: CreateProgressReport) => {
      const ids = new Map(uploaded);
      for (const file of files) {
        if (!ids.has(file)) ids.set(file, (await uploadEvidence(task.id, file)).id);
      }
      setUploaded(ids);
      return reportProgress(task.id, { ...input, evidenceFileIds: files.map((file) => ids.get(file) ?? '') });
    },
    onDone,
  );
  const { byField, formMessage } = taskFormErrors(t, mutation.error, FIELDS);
  const refused = files.find((file) => !isAcceptedName(file.name) || file.size > EVIDENCE_MAX_BYTES);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (refused) return;
    mutation.mutate({
      // An empty box is sent as is (NaN is not JSON): the server names the field in its errors.
      percent: typeof percent === 'number' ? percent : Number.parseInt(percent, 10),
      narrative,
      difficulties: difficulties.trim() || undefined,
      proposals: proposals.trim() || undefined,
    });
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        <FormMessage message={formMessage} />
        <NumberInput
          label={t('task.percent')}
          required
          min={0}
          max={100}
          clampBehavior="none"
          allowDecimal={false}
          value={percent}
          onChange={setPercent}
          error={byField.percent}
          maw={200}
        />
        <Textarea
          label={t('task.narrative')}
          required
          autosize
          minRows={3}
          value={narrative}
          onChange={(event) => setNarrative(event.currentTarget.value)}
          error={byField.narrative}
        />
        <Textarea
          label={t('task.difficulties')}
          autosize
          minRows={2}
          value={difficulties}
          onChange={(event) => setDifficulties(event.currentTarget.value)}
          error={byField.difficulties}
        />
        <Textarea
          label={t('task.proposals')}
          autosize
          minRows={2}
          value={proposals}
          onChange={(event) => setProposals(event.currentTarget.value)}
          error={byField.proposals}
        />
        <FileInput
          label={t('task.evidence')}
          description={t('task.evidenceHint', { megabytes: EVIDENCE_MAX_BYTES / 1024 / 1024 })}
          multiple
          clearable
          accept={ACCEPT}
          value={files}
          onChange={setFiles}
          error={refused ? t('task.evidenceRefused', { name: refused.name }) : byField.evidenceFileIds}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('task.reportSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
