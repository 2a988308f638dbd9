import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { XMLBuilder } from 'fast-xml-parser';
import { isLocale, isMessageKey, type Locale, negotiateLocale, translate } from '../../../shared/i18n/index.ts';
import { OPEN311_FORMATS, type Open311Error, type Open311Format } from '../../../shared/schemas/open311.ts';
import { AppError } from '../../errors.ts';
import { refusalOf } from '../../http/problem.ts';
import { localizedFieldErrors, RequestValidationError } from '../../http/validation.ts';
import { OPEN311_MESSAGES } from './open311-messages.ts';

const COMMITTEE_OFFSET_MS = 7 * 3_600_000;

/**
 * A date-time as the spec's examples write it (the W3C profile of ISO 8601): whole seconds and the
 * committee's offset, `2025-11-23T17:13:00+07:00` (Vietnam keeps +07:00 all year). Fractions are
 * left out because clients read them as no date at all (the Java client's parser gave null).
 */
export function w3cDateTime(instant: Date): string {
  return `${new Date(instant.getTime() + COMMITTEE_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** GeoReport v2 picks the format by extension: `services.json`, `requests/PA-….xml`. */
export function splitFormat(file: string, locale: Locale): { name: string; format: Open311Format } {
  const dot = file.lastIndexOf('.');
  const format = file.slice(dot + 1).toLowerCase();
  if (dot < 0 || !(OPEN311_FORMATS as readonly string[]).includes(format)) {
    throw new AppError('not_found', `No format in ${file}`, {}, [
      { path: 'format', message: OPEN311_MESSAGES[locale].unknownFormat },
    ]);
  }
  return { name: file.slice(0, dot), format: format as Open311Format };
}

export function parseFormat(format: string, locale: Locale): Open311Format {
  return splitFormat(`.${format}`, locale).format;
}

/** Errors answer in the format the URL asked for, JSON when it asked for none we know. */
const formatOfUrl = (url: string): Open311Format => (url.split('?')[0]?.endsWith('.xml') ? 'xml' : 'json');

/** The `locale` parameter first (query or form), then Accept-Language; Vietnamese otherwise. */
export function localeOf(request: FastifyRequest): Locale {
  const fromQuery = (request.query as { locale?: unknown } | undefined)?.locale;
  const fromBody = (request.body as { locale?: unknown } | undefined)?.locale;
  const asked = [fromQuery, fromBody].find((value) => typeof value === 'string');
  const language = typeof asked === 'string' ? asked.toLowerCase().split(/[-_]/)[0] : undefined;
  return isLocale(language) ? language : negotiateLocale(request.headers['accept-language']);
}

/** Where a list sits in XML, the spec names each entry: <attributes><attribute>, <values><value>… */
const ITEM_ELEMENTS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  errors: 'error',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
};

// Characters XML 1.0 cannot carry at all, even escaped: dropped from what people typed.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function toXmlTree(value: unknown, name: string): unknown {
  if (Array.isArray(value)) {
    const item = ITEM_ELEMENTS[name] ?? 'item';
    return { [item]: value.map((entry) => toXmlTree(entry, item)) };
  }
  if (typeof value === 'string') return value.replace(XML_FORBIDDEN, '');
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, entry]) => entry !== undefined && entry !== null)
      .map(([key, entry]) => [key, toXmlTree(entry, key)]),
  );
}

const builder = new XMLBuilder({ format: false, processEntities: true });

export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: toXmlTree(value, root) })}`;
}

/** Sends a document in the format asked: `root` names the XML root (and, for a list, its entries). */
export function sendOpen311(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200) {
  if (format === 'xml') return reply.status(status).type('text/xml; charset=utf-8').send(toXml(root, value));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

/** An issue's path as the client named the parameter: `attribute[title]`, `lat`. */
function parameterOf(issue: RequestValidationError['issues'][number]): string {
  // An unknown parameter is named by the issue's keys, its path being the object that holds it.
  const keys = issue.code === 'unrecognized_keys' ? [issue.keys.join(', ')] : [];
  const [first, ...rest] = [...issue.path.map(String), ...keys];
  if (first === 'attribute' && rest.length > 0) return `attribute[${rest.join('][')}]`;
  return [first, ...rest].join('.') || '(body)';
}

function toOpen311Errors(error: FastifyError | AppError, locale: Locale): { status: number; errors: Open311Error[] } {
  if (error instanceof RequestValidationError) {
    // A schema may name a catalogue message (the feedback rules do, with params for a date range);
    // zod's own are worded by zod.
    const worded = localizedFieldErrors(error, locale);
    return {
      status: 400,
      errors: error.issues.map((issue, index) => ({
        code: 400,
        description: `${parameterOf(issue)}: ${worded[index]?.message ?? issue.message}`,
      })),
    };
  }
  // Fastify's own refusals (URL, body parsing, media type, size) in our vocabulary, as for the API.
  const refusal = error instanceof AppError ? undefined : refusalOf(error);
  const appError =
    error instanceof AppError
      ? error
      : refusal
        ? new AppError(refusal, error.message)
        : new AppError('internal', 'Internal error');
  const params = Object.fromEntries(
    Object.entries(appError.details).filter((entry): entry is [string, string | number] =>
      ['string', 'number'].includes(typeof entry[1]),
    ),
  );
  const status = appError.status;
  const fields = appError.fieldErrors ?? [];
  if (fields.length === 0)
    return { status, errors: [{ code: status, description: translate(locale, `error.${appError.code}`, params) }] };
  return {
    status,
    errors: fields.map((field) => ({
      code: status,
      description: `${field.path}: ${isMessageKey(field.message) ? translate(locale, field.message, params) : field.message}`,
    })),
  };
}

/** The spec's error document — `[{code, description}]`, XML `<errors><error>` — with the HTTP status. */
export function open311ErrorHandler(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) {
  const locale = localeOf(request);
  const { status, errors } = toOpen311Errors(error, locale);
  if (status >= 500) request.log.error({ err: error }, 'unhandled error');
  else request.log.info({ status, message: error.message }, 'open311 request refused');
  if (error instanceof AppError && error.code === 'rate_limited') {
    void reply.header('retry-after', String(Number(error.details.minutes ?? 1) * 60));
  }
  if (error instanceof AppError && typeof error.details.retryAfterSeconds === 'number') {
    void reply.header('retry-after', String(error.details.retryAfterSeconds));
  }
  return sendOpen311(reply, formatOfUrl(request.url), 'errors', errors, status);
}
