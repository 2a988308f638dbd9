import { Anchor, Container, Stack, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useI18n } from '../lib/i18n.tsx';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1}>{t('notFound.title')}</Title>
        <Anchor component={Link} to="/">
          {t('notFound.back')}
        </Anchor>
      </Stack>
    </Container>
  );
}
