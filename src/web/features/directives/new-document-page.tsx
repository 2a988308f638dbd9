import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useI18n } from '../../lib/i18n.tsx';
import { DocumentForm } from './document-form.tsx';

export function NewDocumentPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  useDocumentTitle(`${t('directives.newTitle')} · ${t('app.name')}`);
  return (
    <Stack gap="md" maw={880}>
      <Title order={1}>{t('directives.newTitle')}</Title>
      <Text c="dimmed" size="sm">
        {t('directives.draftKept')}
      </Text>
      <Paper withBorder p="md">
        <DocumentForm
          onCancel={() => void navigate({ to: '/directives', search: {} })}
          onCreated={(document) =>
            void navigate({ to: '/directives/$documentId', params: { documentId: document.id } })
          }
        />
      </Paper>
    </Stack>
  );
}
