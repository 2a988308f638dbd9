import { Grid, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { canWriteOrganizations, sessionQuery } from '../../lib/session.ts';
import { organizationsRoute } from '../../router.tsx';
import { CreateOrganizationModal } from './create-organization-form.tsx';
import { OrgDetailPanel } from './org-detail-panel.tsx';
import { OrgSearchResults } from './org-search-results.tsx';
import { OrgTree } from './org-tree.tsx';
import { organizationDetailQuery } from './organizations-api.ts';

export function OrganizationsPage() {
  const { t, locale } = useI18n();
  useDocumentTitle(`${t('orgs.title')} · ${t('app.name')}`);
  const { org: selectedId } = organizationsRoute.useSearch();
  const navigate = useNavigate({ from: '/organizations' });
  const { data: session } = useQuery(sessionQuery);
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [isCreating, setCreating] = useState(false);
  const selected = useQuery({ ...organizationDetailQuery(selectedId ?? ''), enabled: !!selectedId }).data;

  // The selection lives in the address, so that a link or a reload shows the same organization.
  const select = (id: string) => void navigate({ search: { org: id } });

  return (
    <Stack gap="md">
      <Title order={1}>{t('orgs.title')}</Title>
      <Grid gap="md">
        {/* On a phone the details come first: below a long tree they would be out of sight. */}
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 2, md: 1 }}>
          <Paper withBorder p="md">
            <Stack gap="sm">
              <TextInput
                type="search"
                label={t('orgs.searchLabel')}
                placeholder={t('orgs.searchPlaceholder')}
                value={search}
                onChange={(event) => setSearch(event.currentTarget.value)}
              />
              {debouncedSearch ? (
                <OrgSearchResults q={debouncedSearch} selectedId={selectedId} onSelect={(o) => select(o.id)} />
              ) : (
                <section aria-labelledby="org-tree-title">
                  <Title order={2} size="h5" id="org-tree-title" mb="xs">
                    {t('orgs.tree')}
                  </Title>
                  <OrgTree selectedId={selectedId} onSelect={(o) => select(o.id)} />
                </section>
              )}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }} order={{ base: 1, md: 2 }}>
          <div className="org-detail-column">
            <OrgDetailPanel
              organizationId={selectedId}
              onSelect={select}
              canCreateChild={canWriteOrganizations(session)}
              onCreateChild={() => setCreating(true)}
            />
          </div>
        </Grid.Col>
      </Grid>
      <CreateOrganizationModal
        parent={isCreating && selected ? { id: selected.id, name: localName(locale, selected) } : null}
        onClose={() => setCreating(false)}
        onCreated={(organization) => {
          setCreating(false);
          select(organization.id);
        }}
      />
    </Stack>
  );
}
