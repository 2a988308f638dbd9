import { Alert, Button, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import type { FeedbackReceipt } from '../../../shared/schemas/feedback.ts';
import { ButtonLink } from '../../components/router-links.tsx';
import { formatDate } from '../../lib/format.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { SUCCESS_GREEN } from '../../theme.ts';

/** The one thing the sender must keep: the tracking code, large, copyable, and a link that uses it. */
export function FeedbackReceiptPanel({ receipt, onAnother }: { receipt: FeedbackReceipt; onAnother: () => void }) {
  const { t, locale } = useI18n();
  return (
    <Alert color="green" variant="light" role="status" aria-labelledby="feedback-receipt-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="feedback-receipt-title">
          {t('feedbackForm.receivedTitle')}
        </Title>
        <Text>{t('feedbackForm.keepCode')}</Text>
        <Text
          component="p"
          ff="monospace"
          fw={700}
          fz={{ base: 26, sm: 34 }}
          m={0}
          data-testid="tracking-code"
          style={{ letterSpacing: '0.05em', wordBreak: 'break-all' }}
        >
          {receipt.trackingCode}
        </Text>
        <Text size="sm">
          {t('feedbackForm.dueDates', {
            triage: formatDate(locale, receipt.triageDueOn),
            answer: formatDate(locale, receipt.answerDueOn),
          })}
        </Text>
        <Group gap="sm">
          <CopyButton value={receipt.trackingCode}>
            {({ copied, copy }) => (
              <Button variant={copied ? 'filled' : 'default'} color={copied ? SUCCESS_GREEN : undefined} onClick={copy}>
                {copied ? t('feedbackForm.copied') : t('feedbackForm.copy')}
              </Button>
            )}
          </CopyButton>
          <ButtonLink to="/track" search={{ code: receipt.trackingCode }}>
            {t('feedbackForm.follow')}
          </ButtonLink>
          <Button variant="subtle" onClick={onAnother}>
            {t('feedbackForm.another')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
