import { isApiError } from './api-client.ts';
import type { Translate } from './i18n.tsx';

/** The server's own (already translated) words when it answered; ours when it could not be reached. */
export function errorMessage(t: Translate, error: unknown): string {
  if (isApiError(error)) return error.status === 0 ? t('error.network') : error.detail;
  if (error instanceof Error) return error.message;
  return t('error.internal');
}
