import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink, ButtonLink } from '../../components/router-links.tsx';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canReadTasks, sessionQuery } from '../../lib/session.ts';
import { documentRoute } from '../../router.tsx';
import { TaskTable } from '../tasks/task-table.tsx';
import { citingTasksQuery, documentQuery } from './directives-api.ts';
import { issuerName } from './document-table.tsx';

export function DocumentPage() {
  const { t, locale } = useI18n();
  const { documentId } = documentRoute.useParams();
  const query = useQuery(documentQuery(documentId));
  const { data: session } = useQuery(sessionQuery);
  const document = query.data;
  useDocumentTitle(`${document?.number ?? t('directives.title')} · ${t('app.name')}`);

  if (!document) {
    return <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
  }
  return (
    <Stack gap="md" maw={1100}>
      <AnchorLink to="/directives" size="sm">
        {t('directives.backToList')}
      </AnchorLink>
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={1}>{document.number}</Title>
          <Badge variant="light">{t(`documentType.${document.docType}`)}</Badge>
        </Group>
        <Text size="lg">{document.title}</Text>
      </Stack>
      <Paper withBorder p="md" component="section" aria-labelledby="document-details-title">
        <Title order={2} size="h4" id="document-details-title" mb="sm">
          {t('directives.details')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" component="dl" m={0}>
          <Stack gap={2}>
            <Text component="dt" size="sm" c="dimmed">
              {t('directives.issuer')}
            </Text>
            <Text component="dd" m={0}>
              {issuerName(locale, document)}
            </Text>
          </Stack>
          <Stack gap={2}>
            <Text component="dt" size="sm" c="dimmed">
              {t('directives.issuedOn')}
            </Text>
            <Text component="dd" m={0}>
              {formatDate(locale, document.issuedOn)}
            </Text>
          </Stack>
        </SimpleGrid>
      </Paper>
      {canReadTasks(session) ? <CitingTasks documentId={document.id} /> : null}
    </Stack>
  );
}

/** The first tasks that cite the document, within the reader's scope; the task list has them all. */
function CitingTasks({ documentId }: { documentId: string }) {
  const { t, locale } = useI18n();
  const query = useQuery(citingTasksQuery(documentId));
  const total = query.data?.total ?? 0;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="document-tasks-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="document-tasks-title">
          {t('directives.citingTasks')}
        </Title>
        {total > 0 ? (
          <ButtonLink to="/tasks" search={{ document: documentId }} variant="default" size="xs">
            {t(query.data?.totalIsCapped ? 'directives.allCitingTasksOver' : 'directives.allCitingTasks', {
              total: formatNumber(locale, total),
            })}
          </ButtonLink>
        ) : null}
      </Group>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && query.data.items.length === 0 ? <Text c="dimmed">{t('directives.noCitingTasks')}</Text> : null}
      {query.data && query.data.items.length > 0 ? (
        <TaskTable tasks={query.data.items} caption={t('directives.citingTasks')} />
      ) : null}
    </Paper>
  );
}
