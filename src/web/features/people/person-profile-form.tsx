import { Alert, Button, Group, NativeSelect, Stack, Switch, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { LOCALES, type Locale } from '../../../shared/i18n/index.ts';
import type { Person } from '../../../shared/schemas/people.ts';
import { isApiError } from '../../lib/api-client.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { updatePerson } from './people-api.ts';

const FIELDS = ['fullName', 'locale', 'isActive'] as const;

export function PersonProfileForm({ person }: { person: Person }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [fullName, setFullName] = useState(person.fullName);
  const [locale, setLocale] = useState<Locale>(person.locale);
  const [isActive, setActive] = useState(person.isActive);
  const [isSaved, setSaved] = useState(false);
  // The server decides (mayManagePerson); the form only shows what it would refuse as read-only.
  const readOnly = !person.allowedActions.includes('edit');

  const mutation = useMutation({
    // If-Match carries the version this form was loaded from: a 412 means someone else saved first.
    mutationFn: () => updatePerson(person, { fullName, locale, isActive }),
    onSuccess: async (updated) => {
      queryClient.setQueryData(['people', 'detail', person.id], updated);
      await queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
      setSaved(true);
    },
    onError: async (error) => {
      // Someone saved first: fetch their version so that the next Save (with what was typed) applies over it.
      if (isApiError(error) && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['people', 'detail', person.id] });
      }
    },
  });
  const { byField, formMessage } = fieldErrorsOf(t, mutation.error, FIELDS);

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    mutation.mutate();
  };

  return (
    <form onSubmit={handleSubmit} noValidate aria-labelledby="person-profile-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="person-profile-title">
          {t('people.profile')}
        </Title>
        {formMessage ? (
          <Alert color="red" role="alert">
            {formMessage}
          </Alert>
        ) : null}
        {isSaved ? (
          <Alert color="green" role="status">
            {t('common.saved')}
          </Alert>
        ) : null}
        <TextInput
          label={t('people.fullName')}
          required
          value={fullName}
          onChange={(e) => setFullName(e.currentTarget.value)}
          error={byField.fullName}
          readOnly={readOnly}
        />
        <NativeSelect
          label={t('people.locale')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as Locale)}
          disabled={readOnly}
          data={LOCALES.map((code) => ({ value: code, label: t(`language.${code}`) }))}
          error={byField.locale}
        />
        <Switch
          label={t('people.active')}
          checked={isActive}
          onChange={(e) => setActive(e.currentTarget.checked)}
          disabled={readOnly}
          error={byField.isActive}
        />
        {readOnly ? null : (
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
