import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { errorMessage } from '../lib/error-message.ts';
import { useI18n } from '../lib/i18n.tsx';

/** What a screen shows while its data loads or after it failed, with the server's message. */
export function QueryState({
  isLoading,
  error,
  onRetry,
}: {
  isLoading: boolean;
  error: unknown;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (isLoading) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" />
        <Text size="sm">{t('app.loading')}</Text>
      </Group>
    );
  }
  if (!error) return null;
  return (
    <Alert color="red" role="alert">
      <Group justify="space-between">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null}
      </Group>
    </Alert>
  );
}
