import { Alert, Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../../../shared/domain/organization-kinds.ts';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { fieldErrorsOf } from '../../lib/form-errors.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { createOrganization } from './organizations-api.ts';

interface CreateProps {
  parent: { id: string; name: string } | null;
  onClose: () => void;
  onCreated: (organization: Organization) => void;
}

const FIELDS = ['code', 'kind', 'nameVi', 'nameEn', 'parentId'] as const;

export function CreateOrganizationModal({ parent, onClose, onCreated }: CreateProps) {
  const { t } = useI18n();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={parent !== null}
      onClose={onClose}
      title={parent ? t('orgs.createChildTitle', { parent: parent.name }) : ''}
    >
      {/* Mounted only while open, so each opening starts from an empty form. */}
      {parent ? <CreateOrganizationForm parentId={parent.id} onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

function CreateOrganizationForm({ parentId, onClose, onCreated }: { parentId: string } & Omit<CreateProps, 'parent'>) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<OrganizationKind>('provincial_department');
  const [nameVi, setNameVi] = useState('');
  const [nameEn, setNameEn] = useState('');

  const mutation = useMutation({
    mutationFn: () => createOrganization({ code, kind, nameVi, nameEn, parentId }),
    onSuccess: async (organization) => {
      await queryClient.invalidateQueries({ queryKey: ['organizations'] });
      onCreated(organization);
    },
  });
  // The form keeps every value on a refusal: only the messages change.
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
          label={t('orgs.code')}
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={byField.code}
        />
        <NativeSelect
          label={t('orgs.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as OrganizationKind)}
          data={ORGANIZATION_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) }))}
          error={byField.kind}
        />
        <TextInput
          label={t('orgs.nameVi')}
          required
          value={nameVi}
          onChange={(e) => setNameVi(e.currentTarget.value)}
          error={byField.nameVi}
        />
        <TextInput
          label={t('orgs.nameEn')}
          required
          value={nameEn}
          onChange={(e) => setNameEn(e.currentTarget.value)}
          error={byField.nameEn}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
