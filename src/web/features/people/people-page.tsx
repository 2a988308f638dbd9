import { Button, Group, Modal, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { peopleRoute } from '../../router.tsx';
import { CreatePersonForm } from './create-person-form.tsx';
import { peopleListQuery } from './people-api.ts';
import { PersonDrawer } from './person-drawer.tsx';

export function PeoplePage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('people.title')} · ${t('app.name')}`);
  const { person: openPersonId } = peopleRoute.useSearch();
  const navigate = useNavigate({ from: '/people' });
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const [isCreating, setCreating] = useState(false);
  const query = useInfiniteQuery(peopleListQuery(debouncedSearch));
  const people = query.data?.pages.flatMap((page) => page.items) ?? [];
  const openPerson = (id: string | undefined) => void navigate({ search: { person: id } });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('people.title')}</Title>
        <Button onClick={() => setCreating(true)}>{t('people.create')}</Button>
      </Group>
      <TextInput
        type="search"
        label={t('people.searchLabel')}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maw={420}
      />
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {query.data && people.length === 0 ? <Text>{t('common.noResults')}</Text> : null}
      {people.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('people.fullName')}</Table.Th>
                <Table.Th scope="col">{t('people.email')}</Table.Th>
                <Table.Th scope="col">{t('people.organization')}</Table.Th>
                <Table.Th scope="col">{t('people.roles')}</Table.Th>
                <Table.Th scope="col">{t('people.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td miw={160}>
                    <UnstyledButton
                      onClick={() => openPerson(person.id)}
                      aria-label={t('people.open', { name: person.fullName })}
                      c="blue.9"
                      td="underline"
                      fz="sm"
                    >
                      {person.fullName}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{person.email}</Table.Td>
                  <Table.Td>{person.organizationNameVi}</Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {person.roles.map((assignment) => (
                        <Text key={assignment.id} size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {t(`role.${assignment.role}`)} · {assignment.organizationCode}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>{person.isActive ? t('people.active') : t('people.inactive')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {query.hasNextPage ? (
        <Group>
          <Button variant="default" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={isCreating}
        onClose={() => setCreating(false)}
        title={t('people.createTitle')}
        size="lg"
      >
        {isCreating ? (
          <CreatePersonForm
            onCancel={() => setCreating(false)}
            onCreated={(person) => {
              setCreating(false);
              openPerson(person.id);
            }}
          />
        ) : null}
      </Modal>
      <PersonDrawer personId={openPersonId} onClose={() => openPerson(undefined)} />
    </Stack>
  );
}
