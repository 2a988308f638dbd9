import { Alert, Badge, Button, FileInput, Group, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ImportJob, ImportReport, ImportRowStatus } from '../../../shared/schemas/spreadsheets.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { FormMessage } from '../tasks/form-message.tsx';
import { taskImportRoute } from '../../router.tsx';
import { importJobQuery, importTemplateUrl, isJobUnderWay, queueImport } from './task-import-api.ts';

const XLSX_ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
// A row at fault stands out in red (dark enough for white text to pass WCAG AA); the others
// are outlined, as task states are. The word carries the meaning too.
const STATUS_BADGES: Record<ImportRowStatus, { color: string; variant: 'filled' | 'outline' }> = {
  create: { color: 'gray.8', variant: 'outline' },
  update: { color: 'gray.8', variant: 'outline' },
  unchanged: { color: 'gray.8', variant: 'outline' },
  error: { color: 'red.9', variant: 'filled' },
};
const BADGE_STYLE = { textTransform: 'none', width: 'max-content' } as const;

/**
 * Tasks from a filled-in template: "Check" queues a dry run and shows each row; "Apply" writes
 * them all, offered only once a check found no row at fault. Each runs as a job on the server:
 * its id is in the URL (?job=), so the progress and then the report are there again after
 * leaving the page. The chosen file stays chosen when the server refuses, so that the person can
 * fix it and try again.
 */
export function TaskImportPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('taskImport.title')} · ${t('app.name')}`);
  const queryClient = useQueryClient();
  const navigate = useNavigate({ from: '/tasks/import' });
  const { job: jobId } = taskImportRoute.useSearch();
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const jobQuery = useQuery({ ...importJobQuery(jobId ?? ''), enabled: !!jobId });
  const job = jobId ? jobQuery.data : undefined;
  const report = job?.state === 'succeeded' ? job.report : null;
  const isUnderWay = isJobUnderWay(job);

  const mutation = useMutation({
    mutationFn: ({ upload, dryRun }: { upload: File; dryRun: boolean }) => queueImport(upload, dryRun),
    onMutate: () => setMessage(null),
    onSuccess: (queued) => {
      queryClient.setQueryData(importJobQuery(queued.id).queryKey, queued);
      void navigate({ search: { job: queued.id }, replace: true });
    },
    onError: (error) => setMessage(error.message),
  });

  useEffect(() => {
    if (report?.applied) void queryClient.invalidateQueries({ queryKey: ['tasks'] });
  }, [report?.applied, queryClient]);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    setMessage(null);
    mutation.reset();
    void navigate({ search: {}, replace: true });
  };
  const run = (dryRun: boolean) => {
    if (file) mutation.mutate({ upload: file, dryRun });
  };

  const isApplied = report?.applied === true;
  const isBusy = mutation.isPending || isUnderWay;
  const canApply =
    !!file && !!report && report.dryRun && report.summary.error === 0 && report.rows.length > 0 && !isBusy;
  const refusal =
    message ??
    (jobId && jobQuery.isError ? t('taskImport.jobMissing') : null) ??
    job?.failure?.message ??
    (report && !report.dryRun && !report.applied ? t('error.import_rejected') : null);

  return (
    <Stack gap="md">
      <Title order={1}>{t('taskImport.title')}</Title>
      <Text>{t('taskImport.intro')}</Text>
      <div>
        <Button component="a" href={importTemplateUrl()} download variant="default">
          {t('taskImport.template')}
        </Button>
      </div>
      <Paper withBorder p="md">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            run(true);
          }}
        >
          <Stack gap="sm">
            <FileInput
              label={t('taskImport.file')}
              placeholder={t('taskImport.filePlaceholder')}
              accept={XLSX_ACCEPT}
              value={file}
              onChange={chooseFile}
              disabled={isApplied || isBusy}
            />
            <Group gap="sm">
              <Button
                type="submit"
                disabled={!file || isApplied || isBusy}
                loading={isBusy && (mutation.variables?.dryRun ?? job?.dryRun) === true}
              >
                {t('taskImport.check')}
              </Button>
              <Button
                color="green"
                disabled={!canApply}
                loading={isBusy && (mutation.variables?.dryRun ?? job?.dryRun) === false}
                onClick={() => run(false)}
              >
                {t('taskImport.apply')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
      {job && isUnderWay ? <JobProgress job={job} /> : null}
      <FormMessage message={refusal} />
      {report ? <ImportResult report={report} /> : null}
    </Stack>
  );
}

/** The rows done out of the file's; before the workbook is read, the job is waiting or reading. */
function JobProgress({ job }: { job: ImportJob }) {
  const { t, locale } = useI18n();
  const total = job.rowsTotal ?? 0;
  const percent = total > 0 ? Math.round((job.rowsProcessed / total) * 100) : 0;
  const label =
    job.state === 'queued'
      ? t('taskImport.queued')
      : total > 0
        ? t('taskImport.progress', {
            processed: formatNumber(locale, job.rowsProcessed),
            total: formatNumber(locale, total),
          })
        : t('taskImport.reading');
  return (
    <Stack gap={4}>
      <Progress value={percent} size="lg" animated aria-label={t('taskImport.progressLabel')} aria-valuetext={label} />
      <Text size="sm" role="status" id="task-import-progress">
        {label}
      </Text>
    </Stack>
  );
}

/**
 * "Thời hạn hoàn thành (ô I7): …": the column as the template heads it, in the report's language,
 * and the cell to go to; a problem of the row as a whole is its message alone.
 */
function RowError({ error }: { error: ImportReport['rows'][number]['errors'][number] }) {
  const { t } = useI18n();
  // Reports stored before columns had titles name the column by its key.
  const column = error.columnTitle ?? error.column;
  if (!column) return error.message;
  return (
    <>
      <Text span fw={600}>
        {error.cell ? t('taskImport.errorAt', { column, cell: error.cell }) : column}
      </Text>
      {`: ${error.message}`}
    </>
  );
}

function ImportResult({ report }: { report: ImportReport }) {
  const { t, locale } = useI18n();
  const { summary } = report;
  const counts = {
    create: formatNumber(locale, summary.create),
    update: formatNumber(locale, summary.update),
    unchanged: formatNumber(locale, summary.unchanged),
    error: formatNumber(locale, summary.error),
  };
  return (
    <Stack gap="sm">
      {report.applied ? (
        <Alert color="green" role="status">
          <Stack gap="xs">
            <Text>{t('taskImport.applied', counts)}</Text>
            <AnchorLink to="/tasks" search={{}}>
              {t('taskImport.toList')}
            </AnchorLink>
          </Stack>
        </Alert>
      ) : (
        <Text fw={600} role="status" id="task-import-summary">
          {t('taskImport.summary', counts)}
        </Text>
      )}
      {summary.error > 0 ? <Text c="red.9">{t('taskImport.fixErrors')}</Text> : null}
      {report.rows.length === 0 ? (
        <Text>{t('taskImport.noRows')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped verticalSpacing="xs">
            <caption>{t('taskImport.rows')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('taskImport.row')}</Table.Th>
                <Table.Th scope="col">{t('taskImport.status')}</Table.Th>
                <Table.Th scope="col">{t('tasks.code')}</Table.Th>
                <Table.Th scope="col">{t('tasks.taskTitle')}</Table.Th>
                <Table.Th scope="col">{t('taskImport.errors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.rows.map((row) => (
                <Table.Tr key={row.row} data-status={row.status}>
                  <Table.Th scope="row">{formatNumber(locale, row.row)}</Table.Th>
                  <Table.Td>
                    <Badge {...STATUS_BADGES[row.status]} radius="sm" style={BADGE_STYLE}>
                      {t(`taskImportStatus.${row.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{row.code ?? ''}</Table.Td>
                  <Table.Td>{row.title ?? ''}</Table.Td>
                  <Table.Td>
                    {row.errors.length > 0 ? (
                      <ul style={{ margin: 0, paddingInlineStart: '1.1em' }}>
                        {row.errors.map((error, index) => (
                          <li key={index}>
                            <RowError error={error} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
