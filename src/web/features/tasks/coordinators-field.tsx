import { Button, Group, Input, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { Organization } from '../../../shared/schemas/organizations.ts';
import { OrgPicker } from '../../components/org-picker.tsx';
import { localName, useI18n } from '../../lib/i18n.tsx';

interface CoordinatorsFieldProps {
  value: Organization[];
  onChange: (organizations: Organization[]) => void;
  error?: string | undefined;
}

/**
 * Any number of coordinating agencies, chosen one at a time with the same server-side search as
 * every other organization field, and listed with a remove button each.
 */
export function CoordinatorsField({ value, onChange, error }: CoordinatorsFieldProps) {
  const { t, locale } = useI18n();
  // Remounting the picker after each choice empties it for the next one.
  const [pickerKey, setPickerKey] = useState(0);
  return (
    <Stack gap={6}>
      <Input.Label id="coordinators-label" labelElement="div">
        {t('taskForm.coordinators')}
      </Input.Label>
      {value.length > 0 ? (
        <Stack
          gap={4}
          component="ul"
          aria-labelledby="coordinators-label"
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {value.map((organization) => {
            const name = localName(locale, organization);
            return (
              <Group component="li" key={organization.id} gap="xs" wrap="nowrap">
                <Text size="sm">
                  {name} ({organization.code})
                </Text>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red.9"
                  onClick={() => onChange(value.filter((other) => other.id !== organization.id))}
                >
                  {t('taskForm.removeCoordinator', { name })}
                </Button>
              </Group>
            );
          })}
        </Stack>
      ) : null}
      <OrgPicker
        key={pickerKey}
        label={t('taskForm.addCoordinator')}
        value={null}
        onChange={(organization) => {
          if (organization && !value.some((other) => other.id === organization.id)) onChange([...value, organization]);
          setPickerKey((key) => key + 1);
        }}
      />
      {error ? <Input.Error>{error}</Input.Error> : null}
    </Stack>
  );
}
