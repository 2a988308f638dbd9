import { useQuery } from '@tanstack/react-query';
import { organizationDetailQuery } from '../features/organizations/organizations-api.ts';
import { OrgPicker } from './org-picker.tsx';

interface OrgIdPickerProps {
  label: string;
  /** An organization id or code, as kept in the URL; undefined when none is chosen. */
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Shown while nothing is chosen, such as the scope the server used by default. */
  fallbackId?: string | undefined;
}

/** The organization picker for values kept in the URL, where only an id or a code survives a reload. */
export function OrgIdPicker({ label, value, onChange, fallbackId }: OrgIdPickerProps) {
  const shownId = value ?? fallbackId ?? '';
  const shown = useQuery({ ...organizationDetailQuery(shownId), enabled: shownId !== '' }).data ?? null;
  return (
    // Remounted when the shown organization arrives or changes, so that its name fills the box.
    <OrgPicker
      key={shown?.id ?? 'none'}
      label={label}
      value={shown}
      onChange={(organization) => onChange(organization?.id)}
    />
  );
}
