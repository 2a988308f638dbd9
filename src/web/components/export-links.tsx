import { Button, Group } from '@mantine/core';
import { useI18n } from '../lib/i18n.tsx';

/**
 * Links, not buttons that fetch: the browser downloads the file itself (with the session cookie),
 * and the address is the screen's own reading with `format=`, so the file holds what is shown.
 */
export function ExportLinks({ urlFor }: { urlFor: (format: 'xlsx' | 'csv') => string }) {
  const { t } = useI18n();
  return (
    <Group gap="xs" role="group" aria-label={t('export.label')}>
      <Button component="a" href={urlFor('xlsx')} download variant="default" size="xs">
        {t('export.xlsx')}
      </Button>
      <Button component="a" href={urlFor('csv')} download variant="default" size="xs">
        {t('export.csv')}
      </Button>
    </Group>
  );
}
