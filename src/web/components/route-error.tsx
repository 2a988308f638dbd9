import { Alert, Button, Container, Stack, Title } from '@mantine/core';
import { useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { errorMessage } from '../lib/error-message.ts';
import { useI18n } from '../lib/i18n.tsx';

/** Shown when a route cannot load (the server is down, the session check failed), instead of a blank page. */
export function RouteError({ error }: ErrorComponentProps) {
  const { t } = useI18n();
  const router = useRouter();
  return (
    <Container size="sm" py="xl" component="main" id="main-content">
      <Stack>
        <Title order={1}>{t('app.name')}</Title>
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
        <Button onClick={() => void router.invalidate()} w="fit-content">
          {t('common.retry')}
        </Button>
      </Stack>
    </Container>
  );
}
