import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { en, fr, vi } from 'zod/locales';
import { isMessageKey, type Locale, type MessageParams, translate } from '../../shared/i18n/index.ts';
import type { FieldError } from '../errors.ts';

/**
 * Request validation with zod, keeping the issues themselves (input included) rather than English
 * sentences, so that the problem handler can word each field's message in the caller's language.
 */
export class RequestValidationError extends Error {
  readonly issues: z.core.$ZodIssue[];
  validationContext?: string;

  constructor(issues: z.core.$ZodIssue[]) {
    super(issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '));
    this.name = 'RequestValidationError';
    this.issues = issues;
  }
}

export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    return result.success ? { value: result.data } : { error: new RequestValidationError(result.error.issues) };
  };

const ZOD_LOCALES = { vi: vi(), en: en(), fr: fr() };

/** The string and number params of a custom issue (such as a date range's bounds), for the catalogue. */
const messageParams = (params: Record<string, unknown> | undefined): MessageParams =>
  Object.fromEntries(
    Object.entries(params ?? {}).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );

export function localizedFieldErrors(error: RequestValidationError, locale: Locale): FieldError[] {
  return error.issues.map((issue) => {
    const path = [error.validationContext, ...issue.path.map(String)].filter(Boolean).join('.');
    // A schema's own check (`addIssue`, `refine`) names a catalogue key: worded from the catalogue,
    // since zod's locales only know their built-in checks ("Invalid input"), with its params.
    if (issue.code === 'custom' && isMessageKey(issue.message))
      return { path, message: translate(locale, issue.message, messageParams(issue.params)) };
    const worded = ZOD_LOCALES[locale].localeError(issue as Parameters<z.core.$ZodErrorMap>[0]);
    return { path, message: typeof worded === 'string' ? worded : (worded?.message ?? issue.message) };
  });
}
