import { Alert, Button, Group, List, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../shared/domain/roles.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import type { Person } from '../../../shared/schemas/people.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { localName, useI18n } from '../../lib/i18n.tsx';
import { grantRole, revokeRole } from './people-api.ts';

export function PersonRoles({ person }: { person: Person }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const storePerson = async (updated: Person) => {
    queryClient.setQueryData(['people', 'detail', person.id], updated);
    await queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
  };
  const mayManage = person.allowedActions.includes('manage_roles');
  const revoke = useMutation({
    mutationFn: (assignmentId: string) => revokeRole(person.id, assignmentId),
    onSuccess: storePerson,
  });

  return (
    <Stack gap="sm" component="section" aria-labelledby="person-roles-title">
      <Title order={3} size="h5" id="person-roles-title">
        {t('people.roles')}
      </Title>
      {revoke.error ? (
        <Alert color="red" role="alert">
          {errorMessage(t, revoke.error)}
        </Alert>
      ) : null}
      {person.roles.length === 0 ? <Text c="dimmed">{t('people.noRoles')}</Text> : null}
      <List listStyleType="none" spacing="xs">
        {person.roles.map((assignment) => {
          const role = t(`role.${assignment.role}`);
          const organization = localName(locale, {
            nameVi: assignment.organizationNameVi,
            nameEn: assignment.organizationNameEn,
          });
          return (
            <List.Item key={assignment.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm">
                  <strong>{role}</strong> — {organization} ({assignment.organizationCode})
                </Text>
                {mayManage ? (
                  <Button
                    size="xs"
                    variant="outline"
                    color="red.9"
                    aria-label={t('people.revokeLabel', { role, organization })}
                    loading={revoke.isPending && revoke.variables === assignment.id}
                    onClick={() => revoke.mutate(assignment.id)}
                  >
                    {t('people.revoke')}
                  </Button>
                ) : null}
              </Group>
            </List.Item>
          );
        })}
      </List>
      {mayManage ? <GrantRoleForm person={person} onGranted={storePerson} /> : null}
    </Stack>
  );
}

function GrantRoleForm({ person, onGranted }: { person: Person; onGranted: (person: Person) => Promise<void> }) {
  const { t } = useI18n();
  const [role, setRole] = useState<Role>('focal_point');
  const [organization, setOrganization] = useState<Organization | null>(null);
  const grant = useMutation({
    mutationFn: () => grantRole(person.id, { role, organizationId: organization?.id ?? '' }),
    onSuccess: async (updated) => {
      await onGranted(updated);
      setOrganization(null);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, grant.error, ['role', 'organizationId']);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="grant-role-title">
      <Stack
        gap="sm"
        p="sm"
        style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)' }}
      >
        <Title order={4} size="h6" id="grant-role-title">
          {t('people.grantRole')}
        </Title>
        {formMessage ? (
          <Alert color="red" role="alert">
            {formMessage}
          </Alert>
        ) : null}
        <NativeSelect
          label={t('people.role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={ROLES.map((value) => ({ value, label: t(`role.${value}`) }))}
          error={byField.role}
        />
        <OrgPicker
          label={t('people.scope')}
          required
          value={organization}
          onChange={setOrganization}
          error={byField.organizationId}
        />
        <Group>
          <Button type="submit" loading={grant.isPending}>
            {t('people.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
