import { Anchor, Breadcrumbs, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { localName, translateDynamic, useI18n } from '../../lib/i18n.tsx';
import { organizationDetailQuery } from './organizations-api.ts';

interface DetailProps {
  organizationId: string | undefined;
  onSelect: (id: string) => void;
  canCreateChild: boolean;
  onCreateChild: () => void;
}

export function OrgDetailPanel({ organizationId, onSelect, canCreateChild, onCreateChild }: DetailProps) {
  const { t, locale } = useI18n();
  const query = useQuery({ ...organizationDetailQuery(organizationId ?? ''), enabled: !!organizationId });
  const organization = query.data;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="org-detail-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="org-detail-title">
          {organization ? localName(locale, organization) : t('orgs.detail')}
        </Title>
        {!organizationId ? <Text c="dimmed">{t('orgs.noSelection')}</Text> : null}
        <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
        {organization ? (
          <>
            {organization.ancestors.length > 0 ? (
              <nav aria-label={t('orgs.ancestors')}>
                <Breadcrumbs separator="›" style={{ flexWrap: 'wrap' }}>
                  {organization.ancestors.map((ancestor) => (
                    <Anchor
                      key={ancestor.id}
                      component="button"
                      type="button"
                      size="sm"
                      onClick={() => onSelect(ancestor.id)}
                    >
                      {localName(locale, ancestor)}
                    </Anchor>
                  ))}
                </Breadcrumbs>
              </nav>
            ) : null}
            <Table variant="vertical" layout="fixed" withTableBorder>
              <Table.Tbody>
                <DetailRow
                  label={t('orgs.kind')}
                  value={translateDynamic(t, `orgKind.${organization.kind}`, organization.kind)}
                />
                <DetailRow label={t('orgs.code')} value={organization.code} />
                <DetailRow label={t('orgs.nameVi')} value={organization.nameVi} />
                <DetailRow label={t('orgs.nameEn')} value={organization.nameEn} />
                <DetailRow
                  label={t('orgs.children')}
                  value={t('orgs.childCount', { count: organization.childCount })}
                />
              </Table.Tbody>
            </Table>
            {canCreateChild ? (
              <Group>
                <Button variant="light" onClick={onCreateChild}>
                  {t('orgs.createChild')}
                </Button>
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

function DetailRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w="40%" scope="row">
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
    </Table.Tr>
  );
}
