import { Anchor, Button, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { QueryState } from '../../components/query-state.tsx';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { canReadTasks, sessionQuery } from '../../lib/session.ts';
import { AnswerText } from './answer-text.tsx';
import { attachmentUrl, feedbackContactQuery } from './feedback-api.ts';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  );
}

export function FeedbackContentSection({ item }: { item: FeedbackDetail }) {
  const { data: session } = useQuery(sessionQuery);
  const { t, locale } = useI18n();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-content-title">
      <Title order={2} size="h4" id="feedback-content-title" mb="sm">
        {t('feedbackItem.content')}
      </Title>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Fact label={t('feedbackForm.type')} value={t(`feedbackType.${item.type}`)} />
          <Fact label={t('feedbackForm.field')} value={t(`feedbackField.${item.field}`)} />
          <Fact label={t('feedbackTrack.receivedAt')} value={formatDateTime(locale, item.receivedAt)} />
          <Fact label={t('feedbackItem.triageDueOn')} value={formatDate(locale, item.triageDueOn)} />
          <Fact label={t('feedbackTrack.answerDueOn')} value={formatDate(locale, item.answerDueOn)} />
          <Fact
            label={t('feedbackItem.concerned')}
            value={item.organizationConcerned ? localName(locale, item.organizationConcerned) : '—'}
          />
          <Fact
            label={t('feedbackQueue.assignedOrganization')}
            value={item.assignedOrganization ? localName(locale, item.assignedOrganization) : '—'}
          />
          <Fact
            label={t('feedbackItem.publication')}
            value={t(
              item.isPublished
                ? 'feedbackItem.published'
                : item.consentToPublish
                  ? 'feedbackItem.consented'
                  : 'feedbackItem.noConsent',
            )}
          />
        </SimpleGrid>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{item.content}</Text>
        {item.location?.address ? <Fact label={t('feedbackItem.address')} value={item.location.address} /> : null}
        {item.mediaUrl ? (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('feedbackItem.mediaLink')}{' '}
            <Anchor href={item.mediaUrl} target="_blank" rel="noopener noreferrer nofollow">
              {item.mediaUrl}
            </Anchor>
          </Text>
        ) : null}
        {item.mergedInto ? (
          <Text size="sm">
            {t('feedbackTrack.mergedInto')}{' '}
            <AnchorLink to="/feedback/$feedbackId" params={{ feedbackId: item.mergedInto.id }}>
              {item.mergedInto.trackingCode ?? t('feedbackQueue.openItem')}
            </AnchorLink>
          </Text>
        ) : null}
        {/* Handlers without a task role could not open it: the link is for task readers. */}
        {item.taskId && canReadTasks(session) ? (
          <AnchorLink to="/tasks/$taskId" params={{ taskId: item.taskId }} search={{ as_of: undefined }}>
            {t('feedbackItem.adoptedTask')}
          </AnchorLink>
        ) : null}
        <Title order={3} size="h5">
          {t('feedbackItem.attachments')}
        </Title>
        {item.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('feedbackItem.noAttachments')}
          </Text>
        ) : (
          <List size="sm">
            {item.attachments.map((attachment) => (
              <List.Item key={attachment.id}>
                <Anchor href={attachmentUrl(attachment.id)} download>
                  {attachment.fileName}
                </Anchor>{' '}
                ({formatNumber(locale, Math.ceil(attachment.sizeBytes / 1024))} KiB)
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Paper>
  );
}

/**
 * The sender's name and contact: masked until the reader asks to see them, as reading them is
 * recorded in the audit trail (the API reveals them on GET …/contact only).
 */
export function FeedbackSubmitterSection({ item }: { item: FeedbackDetail }) {
  const { t } = useI18n();
  const [revealed, setRevealed] = useState(false);
  const query = useQuery({ ...feedbackContactQuery(item.id), enabled: revealed });
  const contact = query.data;
  const shown = contact ?? item.maskedContact;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-submitter-title">
      <Title order={2} size="h4" id="feedback-submitter-title" mb="sm">
        {t('feedbackItem.submitter')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Fact label={t('feedbackForm.name')} value={shown.submitterName} />
        <Fact label={t('feedbackForm.submitterKind')} value={t(`submitterKind.${item.submitterKind}`)} />
        <div>
          <Text size="xs" c="dimmed">
            {t('feedbackForm.phone')}
          </Text>
          {contact?.phone ? (
            <Anchor href={`tel:${contact.phone}`}>{contact.phone}</Anchor>
          ) : (
            <Text size="sm">{shown.phone ?? '—'}</Text>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed">
            {t('feedbackForm.email')}
          </Text>
          {contact?.email ? (
            <Anchor href={`mailto:${contact.email}`}>{contact.email}</Anchor>
          ) : (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {shown.email ?? '—'}
            </Text>
          )}
        </div>
      </SimpleGrid>
      {!item.hasContact ? (
        <Text size="sm" mt="sm">
          {t('feedbackItem.noContact')}
        </Text>
      ) : contact ? null : (
        <Stack gap={4} mt="sm" align="flex-start">
          <Button
            variant="light"
            size="xs"
            loading={query.isFetching}
            onClick={() => (revealed ? void query.refetch() : setRevealed(true))}
          >
            {t('feedbackItem.showContact')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('feedbackItem.contactAudited')}
          </Text>
          {query.error ? <QueryState isLoading={false} error={query.error} /> : null}
        </Stack>
      )}
    </Paper>
  );
}

export function FeedbackDuplicatesSection({ item }: { item: FeedbackDetail }) {
  const { t, locale } = useI18n();
  if (item.possibleDuplicates.length === 0) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-duplicates-title">
      <Title order={2} size="h4" id="feedback-duplicates-title" mb="sm">
        {t('feedbackItem.duplicates')}
      </Title>
      <List size="sm" spacing="xs">
        {item.possibleDuplicates.map((duplicate) => (
          <List.Item key={duplicate.id}>
            <AnchorLink to="/feedback/$feedbackId" params={{ feedbackId: duplicate.id }}>
              {duplicate.trackingCode ?? t('feedbackQueue.openItem')}
            </AnchorLink>{' '}
            — {duplicate.title} · {t(`feedbackState.${duplicate.state}`)} ·{' '}
            {t('feedbackItem.similarity', { percent: formatPercent(locale, duplicate.similarity) })}
          </List.Item>
        ))}
      </List>
    </Paper>
  );
}

export function FeedbackAnswerSection({ item }: { item: FeedbackDetail }) {
  const { t, locale } = useI18n();
  if (!item.answer) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="feedback-answer-title">
      <Title order={2} size="h4" id="feedback-answer-title" mb="xs">
        {t('feedbackTrack.answer')}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {formatDateTime(locale, item.answeredAt)}
      </Text>
      <AnswerText text={item.answer} />
    </Paper>
  );
}
