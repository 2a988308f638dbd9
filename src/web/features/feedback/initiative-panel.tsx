import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { INITIATIVE_CRITERIA, type InitiativeCriterion } from '../../../shared/domain/feedback.ts';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import type { InitiativeEvaluations } from '../../../shared/schemas/feedback-initiatives.ts';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { canReadTasks, sessionQuery } from '../../lib/session.ts';
import { FormMessage } from '../tasks/form-message.tsx';
import { InitiativeAdoptionForm } from './initiative-adoption-form.tsx';
import { initiativeEvaluationsKey, initiativeEvaluationsQuery, putMyEvaluation } from './initiatives-api.ts';

/** The item the panel is about: its id, and its version when the caller reads the item itself. */
type InitiativeItem = Pick<FeedbackDetail, 'id'> & { version?: number };

/** Scores on the four criteria by each handler, their means, and adoption as a task. */
export function InitiativePanel({ item }: { item: InitiativeItem }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const query = useQuery(initiativeEvaluationsQuery(item.id));
  const { data: session } = useQuery(sessionQuery);
  const [isAdopting, setAdopting] = useState(false);
  // A step of the handling (accepting it, rejecting it) decides whether it may be scored or
  // adopted: read the evaluations again when the item changes, not only on the next visit.
  const shownVersion = useRef(item.version);
  useEffect(() => {
    if (shownVersion.current === item.version) return;
    shownVersion.current = item.version;
    void queryClient.invalidateQueries({ queryKey: initiativeEvaluationsKey(item.id) });
  }, [queryClient, item.id, item.version]);
  const data = query.data;
  // The means as the API gives them (two decimals at most): rounding again would hide a difference.
  const score = (value: number) => formatNumber(locale, value);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="initiative-title">
      <Title order={2} size="h4" id="initiative-title" mb="sm">
        {t('initiative.title')}
      </Title>
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {data ? (
        <Stack gap="md">
          {data.adoption ? (
            <Text>
              {t('initiative.adoptedAs')}{' '}
              {/* Handlers without a task role would meet a refusal behind a link: they read the name. */}
              {canReadTasks(session) ? (
                <AnchorLink to="/tasks/$taskId" params={{ taskId: data.adoption.taskId }} search={{ as_of: undefined }}>
                  {data.adoption.taskCode} — {data.adoption.taskTitle}
                </AnchorLink>
              ) : (
                `${data.adoption.taskCode} — ${data.adoption.taskTitle}`
              )}
            </Text>
          ) : null}
          {data.evaluations.length === 0 ? (
            <Text c="dimmed">{t('initiative.none')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table aria-label={t('initiative.title')} verticalSpacing="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('initiative.evaluator')}</Table.Th>
                    {INITIATIVE_CRITERIA.map((criterion) => (
                      <Table.Th scope="col" key={criterion}>
                        {t(`initiativeCriterion.${criterion}`)}
                      </Table.Th>
                    ))}
                    <Table.Th scope="col">{t('initiative.average')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.evaluations.map((evaluation) => (
                    <Table.Tr key={evaluation.id}>
                      <Table.Td>
                        <Text size="sm">{evaluation.evaluator.fullName}</Text>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(locale, evaluation.evaluatedAt)}
                        </Text>
                        {evaluation.comment ? (
                          <Text size="xs" style={{ whiteSpace: 'pre-wrap' }}>
                            {evaluation.comment}
                          </Text>
                        ) : null}
                      </Table.Td>
                      {INITIATIVE_CRITERIA.map((criterion) => (
                        <Table.Td key={criterion}>{evaluation[criterion]}</Table.Td>
                      ))}
                      <Table.Td>{score(evaluation.average)}</Table.Td>
                    </Table.Tr>
                  ))}
                  {data.averages ? (
                    <Table.Tr fw={700}>
                      <Table.Th scope="row">{t('initiative.average')}</Table.Th>
                      {INITIATIVE_CRITERIA.map((criterion) => (
                        <Table.Td key={criterion}>{score(data.averages?.[criterion] ?? 0)}</Table.Td>
                      ))}
                      <Table.Td>{score(data.averages.overall)}</Table.Td>
                    </Table.Tr>
                  ) : null}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {data.mayEvaluate ? <MyEvaluationForm item={item} data={data} /> : null}
          {data.mayAdopt && !data.adoption ? (
            isAdopting ? (
              <InitiativeAdoptionForm item={item} onDone={() => setAdopting(false)} />
            ) : (
              <Group>
                <Button onClick={() => setAdopting(true)}>{t('initiative.adopt')}</Button>
              </Group>
            )
          ) : null}
        </Stack>
      ) : null}
    </Paper>
  );
}

type Scores = Record<InitiativeCriterion, number>;

function MyEvaluationForm({ item, data }: { item: InitiativeItem; data: InitiativeEvaluations }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { data: session } = useQuery(sessionQuery);
  // The caller's earlier scores, to change rather than start again.
  const mine = data.evaluations.find((evaluation) => evaluation.evaluator.id === session?.person.id);
  const [scores, setScores] = useState<Scores>({
    novelty: mine?.novelty ?? 3,
    feasibility: mine?.feasibility ?? 3,
    impact: mine?.impact ?? 3,
    resources: mine?.resources ?? 3,
  });
  const [comment, setComment] = useState(mine?.comment ?? '');
  const mutation = useMutation({
    mutationFn: () => putMyEvaluation(item.id, { ...scores, comment: comment.trim() || undefined }),
    onSuccess: (updated) => queryClient.setQueryData(initiativeEvaluationsKey(item.id), updated),
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, [...INITIATIVE_CRITERIA, 'comment']);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="my-evaluation-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="my-evaluation-title">
          {t(mine ? 'initiative.changeMine' : 'initiative.evaluate')}
        </Title>
        <FormMessage message={formMessage} />
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {INITIATIVE_CRITERIA.map((criterion) => (
            <NativeSelect
              key={criterion}
              label={t(`initiativeCriterion.${criterion}`)}
              value={String(scores[criterion])}
              onChange={(event) => setScores({ ...scores, [criterion]: Number(event.currentTarget.value) })}
              data={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: t('initiative.score', { value }) }))}
              error={byField[criterion]}
            />
          ))}
        </SimpleGrid>
        <Textarea
          label={t('initiative.comment')}
          autosize
          minRows={2}
          maxLength={4000}
          value={comment}
          onChange={(event) => setComment(event.currentTarget.value)}
          error={byField.comment}
        />
        <Group justify="space-between">
          {mutation.isSuccess ? (
            <Text size="sm" role="status">
              {t('initiative.saved')}
            </Text>
          ) : (
            <span />
          )}
          <Button type="submit" variant="default" loading={mutation.isPending}>
            {t('initiative.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The initiative as those who assign tasks without reading feedback (steering) see it: its code,
 * title, evaluations and adoption, without the sender's details, which the item page keeps for
 * the handlers.
 */
export function InitiativeForAssigners({ itemId }: { itemId: string }) {
  const query = useQuery(initiativeEvaluationsQuery(itemId));
  const data = query.data;
  if (!data) return <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text ff="monospace" fw={600}>
          {data.trackingCode}
        </Text>
        <Title order={1} size="h2">
          {data.title}
        </Title>
      </Stack>
      <InitiativePanel item={{ id: itemId }} />
    </Stack>
  );
}
