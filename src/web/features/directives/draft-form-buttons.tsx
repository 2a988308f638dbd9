import { Button, Group } from '@mantine/core';
import { useI18n } from '../../lib/i18n.tsx';

/** Cancel and submit of a form kept as a draft (`usePersonalDraft`). */
export function DraftFormButtons({
  submitLabel,
  isPending,
  clearDraft,
  onCancel,
}: {
  submitLabel: string;
  isPending: boolean;
  clearDraft: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Group justify="flex-end">
      <Button
        variant="default"
        onClick={() => {
          // Cancelling is the one way to drop a draft on purpose.
          clearDraft();
          onCancel();
        }}
      >
        {t('common.cancel')}
      </Button>
      <Button type="submit" loading={isPending}>
        {submitLabel}
      </Button>
    </Group>
  );
}
