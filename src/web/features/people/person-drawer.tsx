import { Alert, Drawer, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryState } from '../../components/query-state.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { personQuery } from './people-api.ts';
import { PersonProfileForm } from './person-profile-form.tsx';
import { PersonRoles } from './person-roles.tsx';

export function PersonDrawer({ personId, onClose }: { personId: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const query = useQuery({ ...personQuery(personId ?? ''), enabled: !!personId });
  const person = query.data;
  return (
    <Drawer
      opened={!!personId}
      onClose={onClose}
      position="right"
      size="lg"
      title={person ? person.fullName : t('app.loading')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <QueryState isLoading={query.isLoading} error={query.error} onRetry={() => void query.refetch()} />
      {person ? (
        <Stack gap="lg">
          <Text size="sm" c="dimmed">
            {person.email} · {person.organizationNameVi}
          </Text>
          {person.allowedActions.length === 0 ? (
            <Alert color="gray" role="note">
              {t('people.outOfReach')}
            </Alert>
          ) : null}
          {/* Keyed by person, not version: the form keeps what was typed while the version moves on. */}
          <PersonProfileForm key={person.id} person={person} />
          <PersonRoles person={person} />
        </Stack>
      ) : null}
    </Drawer>
  );
}
