import { Alert, Button, Group, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LOCALES, type Locale } from '../../../shared/i18n/index.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import type { Person } from '../../../shared/schemas/people.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { createPerson } from './people-api.ts';

// Same rule as PasswordSchema on the server; not imported from there to keep zod out of the bundle.
const PASSWORD_MIN_LENGTH = 12;
const FIELDS = ['email', 'fullName', 'organizationId', 'locale', 'password'] as const;

export function CreatePersonForm({
  onCancel,
  onCreated,
}: {
  onCancel: () => void;
  onCreated: (person: Person) => void;
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [fullName, setFullName] = useState('');
  const [organization, setOrganization] = useState<Organization | null>(null);
  const [locale, setLocale] = useState<Locale>('vi');
  const [password, setPassword] = useState('');

  const mutation = useMutation({
    // An empty organization is sent as "" so that the server names the field in its errors[].
    mutationFn: () =>
      createPerson({ email: email.trim(), fullName, organizationId: organization?.id ?? '', locale, password }),
    onSuccess: async (person) => {
      await queryClient.invalidateQueries({ queryKey: ['people'] });
      onCreated(person);
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack gap="sm">
        {formMessage ? (
          <Alert color="red" role="alert">
            {formMessage}
          </Alert>
        ) : null}
        <TextInput
          label={t('people.email')}
          type="email"
          autoComplete="off"
          required
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
          error={byField.email}
        />
        <TextInput
          label={t('people.fullName')}
          required
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={byField.fullName}
        />
        <OrgPicker
          label={t('people.organization')}
          required
          value={organization}
          onChange={setOrganization}
          error={byField.organizationId}
        />
        <NativeSelect
          label={t('people.locale')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Locale)}
          data={LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          error={byField.locale}
        />
        <PasswordInput
          visibilityToggleButtonProps={{ 'aria-label': t('common.toggleVisibility') }}
          label={t('people.password')}
          description={t('people.passwordHint', { min: PASSWORD_MIN_LENGTH })}
          autoComplete="new-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={byField.password}
          // Mantine marks only the wrapper of a password field invalid; screen readers need it on the input.
          aria-invalid={byField.password ? true : undefined}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
