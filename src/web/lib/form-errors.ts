import { isApiError } from './api-client.ts';
import { errorMessage } from './error-message.ts';
import type { Translate } from './i18n.tsx';

/**
 * Splits a refused request into messages for the fields named in problem+json `errors[]`
 * (path "email" or "/email" or "body.email") and one message for the rest of the form.
 */
export function fieldErrorsOf(
  t: Translate,
  error: unknown,
  fields: readonly string[],
): {
  byField: Record<string, string>;
  formMessage: string | null;
} {
  if (!error) return { byField: {}, formMessage: null };
  if (!isApiError(error)) return { byField: {}, formMessage: errorMessage(t, error) };
  const byField: Record<string, string> = {};
  const unmatched: string[] = [];
  for (const fieldError of error.errors) {
    const segments = fieldError.path.split(/[./]/).filter(Boolean);
    const field = segments.find((segment) => fields.includes(segment));
    if (field) byField[field] = byField[field] ? `${byField[field]} ${fieldError.message}` : fieldError.message;
    else unmatched.push(fieldError.path ? `${fieldError.path}: ${fieldError.message}` : fieldError.message);
  }
  const formMessage = [errorMessage(t, error), ...unmatched].filter(Boolean).join(' ');
  return { byField, formMessage: formMessage || null };
}
