import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FeedbackSummary } from '../../../shared/schemas/feedback.ts';
import { AnchorLink } from '../../components/router-links.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { FeedbackStateBadge, ServiceLevelBadge } from './feedback-badges.tsx';

/** The queue's rows; on a phone each item is a card, read from top to bottom. */
export function FeedbackQueueTable({ items }: { items: FeedbackSummary[] }) {
  const { t, locale } = useI18n();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  if (isPhone) return <FeedbackCards items={items} />;
  return (
    // Seven columns fit the 1,094 px a 1366 px screen leaves: state and service level share one, the
    // type is wide enough not to break a word a line; narrower, it scrolls and the code stays in view.
    <Table.ScrollContainer minWidth={900}>
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        aria-label={t('feedbackQueue.title')}
        className="sticky-first-column"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('feedbackTrack.code')}</Table.Th>
            <Table.Th scope="col">{t('feedbackForm.titleField')}</Table.Th>
            <Table.Th scope="col">{t('feedbackForm.type')}</Table.Th>
            <Table.Th scope="col">{t('feedbackQueue.received')}</Table.Th>
            <Table.Th scope="col">{t('feedbackQueue.dueOn')}</Table.Th>
            <Table.Th scope="col">{t('feedbackQueue.state')}</Table.Th>
            <Table.Th scope="col">{t('feedbackQueue.assignedOrganization')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/feedback/$feedbackId" params={{ feedbackId: item.id }} ff="monospace">
                  {item.trackingCode ?? t('feedbackQueue.openItem')}
                </AnchorLink>
              </Table.Td>
              <Table.Td miw={220}>
                <Text size="sm" lineClamp={2}>
                  {item.title}
                </Text>
                {item.possibleDuplicateOfId ? (
                  // Orange small text falls below WCAG AA contrast: the words carry the warning.
                  <Text size="xs" fw={600}>
                    {t('feedbackQueue.possibleDuplicate')}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td miw={130}>
                <Text size="sm">{t(`feedbackType.${item.type}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`feedbackField.${item.field}`)}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(locale, item.receivedAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(locale, item.pendingDueOn)}</Table.Td>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <FeedbackStateBadge state={item.state} />
                  <ServiceLevelBadge level={item.serviceLevel} />
                </Stack>
              </Table.Td>
              <Table.Td miw={160}>
                {item.assignedOrganization ? localName(locale, item.assignedOrganization) : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function FeedbackCards({ items }: { items: FeedbackSummary[] }) {
  const { t, locale } = useI18n();
  return (
    <Stack
      gap="xs"
      component="ul"
      aria-label={t('feedbackQueue.title')}
      style={{ listStyle: 'none', margin: 0, padding: 0 }}
    >
      {items.map((item) => (
        <Paper component="li" key={item.id} withBorder p="sm">
          <Stack gap={4}>
            <AnchorLink to="/feedback/$feedbackId" params={{ feedbackId: item.id }} ff="monospace">
              {item.trackingCode ?? t('feedbackQueue.openItem')}
            </AnchorLink>
            <Text size="sm">{item.title}</Text>
            <Group gap="xs">
              <FeedbackStateBadge state={item.state} />
              <ServiceLevelBadge level={item.serviceLevel} />
            </Group>
            <Text size="xs" c="dimmed">
              {t('feedbackQueue.dueOn')}: {formatDate(locale, item.pendingDueOn)}
            </Text>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
