import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isMessageKey, type Locale, negotiateLocale, translate } from '../../shared/i18n/index.ts';
import type { Problem } from '../../shared/schemas/common.ts';
import { AppError, type ErrorCode, ERROR_STATUS } from '../errors.ts';
import { localizedFieldErrors, RequestValidationError } from './validation.ts';

/** Fastify's own refusals, mapped to ours so that clients see one vocabulary. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation',
  FST_ERR_VALIDATION: 'validation',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'unsupported_media_type',
};

function toAppError(error: FastifyError | AppError, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    return new AppError('validation', error.message, {}, localizedFieldErrors(error, locale));
  }
  // JSON.parse's own complaint ("Unexpected token…") is the most useful detail for malformed JSON.
  if (error instanceof SyntaxError) return new AppError('invalid_json', error.message);
  const code = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (code) return new AppError(code, error.message);
  if (error.statusCode === 429) return new AppError('rate_limited', error.message);
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return new AppError('validation', error.message);
  }
  return new AppError('internal', 'Internal error');
}

export function renderProblem(error: AppError, locale: Locale): Problem {
  const params = Object.fromEntries(
    Object.entries(error.details).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );
  return {
    type: `https://steerboard.dev/problems/${error.code}`,
    title: translate(locale, `error.${error.code}`, params),
    status: ERROR_STATUS[error.code],
    detail: translate(locale, `error.${error.code}`, params),
    code: error.code,
    ...(typeof error.details.currentVersion === 'number' ? { currentVersion: error.details.currentVersion } : {}),
    // Services name a field's problem by message key; zod's are already worded in `locale`.
    ...(error.fieldErrors
      ? {
          errors: error.fieldErrors.map((field) => ({
            path: field.path,
            message: isMessageKey(field.message) ? translate(locale, field.message, params) : field.message,
          })),
        }
      : {}),
  };
}

export function problemHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const locale = negotiateLocale(request.headers['accept-language']);
  const appError = toAppError(error, locale);
  if (appError.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ code: appError.code, message: appError.message }, 'request refused');
  if (appError.code === 'too_many_attempts' || appError.code === 'rate_limited') {
    const minutes = Number(appError.details.minutes ?? 1);
    void reply.header('retry-after', String(minutes * 60));
  }
  if (typeof appError.details.retryAfterSeconds === 'number') {
    void reply.header('retry-after', String(appError.details.retryAfterSeconds));
  }
  return reply
    .status(appError.status)
    .type('application/problem+json; charset=utf-8')
    .send(renderProblem(appError, locale));
}
