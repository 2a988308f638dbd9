import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isCalendarDate } from '../../shared/domain/calendar-date.ts';
import { writeCalendarDate } from '../../shared/domain/calendar-date-format.ts';
import { DEFAULT_LOCALE, isMessageKey, type Locale, negotiateLocale, translate } from '../../shared/i18n/index.ts';
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
  FST_INVALID_JSON_FIELD_ERROR: 'invalid_json',
  FST_MP_PREMATURE_CLOSE: 'invalid_multipart',
  // Raised before routing (decision 0017): a percent-encoding that is not UTF-8, a path parameter
  // longer than the router keeps.
  FST_ERR_BAD_URL: 'invalid_url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
};

/** Other refusals by their status, where Fastify or a plugin gives no code we know. */
const STATUS_CODES: Record<number, ErrorCode> = {
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

// The multipart parser (busboy) throws plain errors for a malformed body, known by their wording.
const MALFORMED_MULTIPART =
  /^Multipart: Boundary not found$|unexpected end of multipart data$|^Malformed part header$/i;

/**
 * Our code for an error raised while reading a request (its URL, body or form) rather than by our
 * own code, or undefined when it is not one: a bug, answered 500. Shared with Open311.
 */
export function refusalOf(error: FastifyError): ErrorCode | undefined {
  // JSON.parse's own complaint ("Unexpected token…") is the most useful detail for malformed JSON.
  if (error instanceof SyntaxError) return 'invalid_json';
  const code = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (code) return code;
  if (MALFORMED_MULTIPART.test(error.message)) return 'invalid_multipart';
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) return STATUS_CODES[status] ?? 'validation';
  return undefined;
}

function toAppError(error: FastifyError | AppError, locale: Locale): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RequestValidationError) {
    return new AppError('validation', error.message, {}, localizedFieldErrors(error, locale));
  }
  const code = refusalOf(error);
  return code ? new AppError(code, error.message) : new AppError('internal', 'Internal error');
}

/**
 * A detail named `…On` is a calendar date (the house's naming: issuedOn, completedOn): the message
 * shows it as the reader writes dates (decision 0024), not as 'YYYY-MM-DD'.
 */
const asParam = (locale: Locale, key: string, value: string | number): string | number =>
  typeof value === 'string' && key.endsWith('On') && isCalendarDate(value) ? writeCalendarDate(locale, value) : value;

export function renderProblem(error: AppError, locale: Locale): Problem {
  const params = Object.fromEntries(
    Object.entries(error.details)
      .filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1]))
      .map(([key, value]) => [key, asParam(locale, key, value)]),
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

/**
 * A request so malformed that Node's HTTP parser refuses it (a header too large, a broken request
 * line): no request object exists, so the answer is written to the socket, in the default
 * language since no Accept-Language could be read. Replaces Fastify's plain JSON (decision 0017).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : 'bad_request';
  const body = JSON.stringify(renderProblem(new AppError(code, error.message), DEFAULT_LOCALE));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${ERROR_STATUS[code]} ${code === 'bad_request' ? 'Bad Request' : 'Request Header Fields Too Large'}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/problem+json; charset=utf-8\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
