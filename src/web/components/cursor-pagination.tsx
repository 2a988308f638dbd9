import { Button, Group } from '@mantine/core';
import { useCanGoBack, useRouter } from '@tanstack/react-router';
import { useI18n } from '../lib/i18n.tsx';
import type { Paging } from '../lib/search-params.ts';

/**
 * Cursor pages: the cursor and the page number live in the URL, so a link opens the same page.
 * "Previous" is the browser's own history: a cursor only leads forward.
 */
export function CursorPagination<T extends Paging>({
  label,
  search,
  nextCursor,
  onNavigate,
}: {
  /** The name of the navigation landmark; by default "Pages of the list". */
  label?: string;
  search: T;
  nextCursor: string | null;
  onNavigate: (search: T) => void;
}) {
  const { t } = useI18n();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  const page = search.page ?? 1;
  if (page === 1 && !nextCursor) return null;
  return (
    <Group component="nav" aria-label={label ?? t('tasks.pagination')} gap="xs">
      {page > 1 ? (
        <Button variant="default" onClick={() => onNavigate({ ...search, cursor: undefined, page: undefined })}>
          {t('tasks.firstPage')}
        </Button>
      ) : null}
      {page > 1 && canGoBack ? (
        <Button variant="default" onClick={() => router.history.back()}>
          {t('tasks.previousPage')}
        </Button>
      ) : null}
      {nextCursor ? (
        <Button variant="default" onClick={() => onNavigate({ ...search, cursor: nextCursor, page: page + 1 })}>
          {t('tasks.nextPage')}
        </Button>
      ) : null}
    </Group>
  );
}
