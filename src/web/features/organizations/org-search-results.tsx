import { Group, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { QueryState } from '../../components/query-state.tsx';
import { localName, translateDynamic, useI18n } from '../../lib/i18n.tsx';
import { organizationSearchQuery } from './organizations-api.ts';

interface ResultsProps {
  q: string;
  selectedId: string | undefined;
  onSelect: (organization: Organization) => void;
}

export function OrgSearchResults({ q, selectedId, onSelect }: ResultsProps) {
  const { t, locale } = useI18n();
  const query = useQuery(organizationSearchQuery(q));
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="org-results-title">
      <Stack gap="xs">
        {/* Announced politely so that a screen reader hears the count change as the person types. */}
        <Title order={2} size="h5" id="org-results-title" aria-live="polite">
          {query.data ? t('orgs.results', { count: items.length }) : t('common.search')}
        </Title>
        <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
        <Stack
          component="ul"
          gap={4}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
          aria-labelledby="org-results-title"
        >
          {items.map((organization) => (
            <li key={organization.id}>
              <UnstyledButton
                onClick={() => onSelect(organization)}
                aria-current={organization.id === selectedId ? 'true' : undefined}
                w="100%"
                p="xs"
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  border: '1px solid var(--mantine-color-gray-3)',
                  background: organization.id === selectedId ? 'var(--mantine-color-blue-light)' : undefined,
                }}
              >
                <Text size="sm" fw={600}>
                  {localName(locale, organization)}
                </Text>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    {translateDynamic(t, `orgKind.${organization.kind}`, organization.kind)}
                  </Text>
                  {organization.parentNameVi && (
                    <Text size="xs" c="dimmed">
                      · {localName(locale, { nameVi: organization.parentNameVi, nameEn: organization.parentNameEn })}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed" ff="monospace">
                    {organization.code}
                  </Text>
                </Group>
              </UnstyledButton>
            </li>
          ))}
        </Stack>
      </Stack>
    </section>
  );
}
