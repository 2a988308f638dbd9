import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import {
  FEEDBACK_STATES,
  normalizeTrackingCode,
  SETTLED_FEEDBACK_STATES,
  TITLE_MAX,
} from '../../../shared/domain/feedback.ts';
import { ANSWER_WORKING_DAYS } from '../../../shared/domain/feedback-service-level.ts';
import type { Locale } from '../../../shared/i18n/index.ts';
import { Open311FeedbackSubmissionSchema } from '../../../shared/schemas/feedback.ts';
import type {
  Open311Request,
  Open311RequestReceipt,
  Open311RequestsQuery,
  Open311ServiceDefinition,
  Open311Submission,
} from '../../../shared/schemas/open311.ts';
import { AppError, type FieldError } from '../../errors.ts';
import { RequestValidationError } from '../../http/validation.ts';
import { principalFromApiToken } from '../auth/auth.service.ts';
import * as repository from '../feedback/feedback-open311.repository.ts';
import { type SubmissionOrigin, submitFeedback } from '../feedback/feedback.service.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { w3cDateTime } from './open311-format.ts';
import { OPEN311_MESSAGES } from './open311-messages.ts';
import { parseServiceCode, serviceDefinitionOf, serviceNameOf } from './open311-vocabulary.ts';

const DAY_MS = 86_400_000;
/** The spec's bounds of a GET requests reading: a span of 90 days, 1,000 requests. */
export const OPEN311_MAX_SPAN_DAYS = 90;
export const OPEN311_MAX_REQUESTS = 1000;

/** Our field names → the Open311 parameter a client sent, so that refusals name what it knows. */
const OPEN311_NAMES: Record<string, string> = {
  type: 'service_code',
  field: 'service_code',
  title: 'attribute[title]',
  content: 'description',
  organizationId: 'attribute[organization]',
  submitterKind: 'attribute[submitter_kind]',
  submitterName: 'first_name',
  consentToPublish: 'attribute[consent_to_publish]',
  'location.latitude': 'lat',
  'location.longitude': 'long',
  'location.address': 'address_string',
};
const open311Name = (path: string) => OPEN311_NAMES[path] ?? path;

function unknownService(locale: Locale, code: string, status: 'validation' | 'not_found') {
  return new AppError(status, `Unknown service ${code}`, {}, [
    { path: 'service_code', message: OPEN311_MESSAGES[locale].unknownService(code) },
  ]);
}

export function getServiceDefinition(locale: Locale, code: string): Open311ServiceDefinition {
  if (!parseServiceCode(code)) throw unknownService(locale, code, 'not_found');
  return serviceDefinitionOf(locale, code);
}

/** A title when the client has none: the description's first line, cut at a word near 200 characters. */
export function titleFrom(description: string): string {
  const firstLine = description.trim().split(/\r?\n/)[0]?.trim() ?? '';
  if (firstLine.length <= TITLE_MAX) return firstLine;
  const cut = firstLine.slice(0, TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > TITLE_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

async function organizationIdOf(db: Db, code: string | undefined): Promise<string | undefined> {
  if (!code) return undefined;
  try {
    return (await getOrganization(db, code)).id;
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'not_found')) throw error;
    throw new AppError('invalid_reference', `Unknown organization ${code}`, {}, [
      { path: 'attribute[organization]', message: 'error.feedback.organization' },
    ]);
  }
}

/**
 * The Open311 parameters as a feedback submission, checked by the feedback schema itself: the
 * intake's rules (Vietnamese phone, lengths) are not copied here. Name and contact are optional,
 * as in the spec (decision 0027).
 */
async function toSubmission(db: Db, input: Open311Submission, locale: Locale) {
  const service = parseServiceCode(input.service_code);
  if (!service) throw unknownService(locale, input.service_code, 'validation');
  const description = input.description ?? '';
  const hasLocation = [input.lat, input.long, input.address_string, input.address_id].some((v) => v !== undefined);
  const candidate = {
    ...service,
    title: input.attribute.title ?? titleFrom(description),
    content: description,
    // Kept to be returned as media_url and shown to the handler; never fetched.
    mediaUrl: input.media_url,
    organizationId: await organizationIdOf(db, input.attribute.organization),
    submitterKind: input.attribute.submitter_kind ?? 'citizen',
    // Vietnamese order: family name (last_name) first, as on every Vietnamese form.
    submitterName: [input.last_name, input.first_name].filter(Boolean).join(' '),
    phone: input.phone,
    email: input.email,
    consentToPublish: input.attribute.consent_to_publish === 'yes',
    location: hasLocation
      ? { latitude: input.lat, longitude: input.long, address: input.address_string ?? input.address_id }
      : undefined,
  };
  const parsed = Open311FeedbackSubmissionSchema.safeParse(candidate, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    // A derived title fails only with the description, which is the one to name.
    .filter((issue) => input.attribute.title !== undefined || issue.path[0] !== 'title')
    .map((issue) => ({ ...issue, path: [open311Name(issue.path.join('.'))] }));
  throw new RequestValidationError(issues as z.core.$ZodIssue[]);
}

const renamed = (fields: FieldError[] | undefined) =>
  fields?.map((field) => ({ ...field, path: open311Name(field.path) }));

/**
 * `api_key` is not needed (the public submits without an account), but one given must be an API
 * token of this server, valid now: a client sending a wrong or revoked key is told (403, as the
 * spec says) rather than believing it is identified.
 */
export async function checkApiKey(db: Db, apiKey: string | undefined, locale: Locale): Promise<void> {
  if (apiKey === undefined || apiKey === '') return;
  if (await principalFromApiToken(db, apiKey)) return;
  throw new AppError('forbidden', 'api_key is not a valid API token', {}, [
    { path: 'api_key', message: OPEN311_MESSAGES[locale].invalidApiKey },
  ]);
}

/** POST requests: one feedback item through submitFeedback (limits, idempotency, duplicates, audit). */
export async function submitOpen311Request(
  db: Db,
  input: Open311Submission,
  origin: SubmissionOrigin,
  locale: Locale,
): Promise<Open311RequestReceipt[]> {
  const submission = await toSubmission(db, input, locale);
  try {
    const receipt = await submitFeedback(db, submission, origin);
    return [
      {
        service_request_id: receipt.trackingCode,
        // The tracking code is the token too: clients that always resolve tokens get it back.
        token: receipt.trackingCode,
        service_notice: OPEN311_MESSAGES[locale].receiptNotice(
          receipt.trackingCode,
          receipt.answerDueOn,
          ANSWER_WORKING_DAYS,
        ),
      },
    ];
  } catch (error) {
    if (!(error instanceof AppError && error.fieldErrors)) throw error;
    throw new AppError(error.code, error.message, error.details, renamed(error.fieldErrors));
  }
}

function toRequest(row: repository.Open311Row, locale: Locale): Open311Request {
  const messages = OPEN311_MESSAGES[locale];
  const statusNotes =
    row.state === 'merged' && row.merged_into_code
      ? messages.mergedNote(row.merged_into_code)
      : row.state === 'rejected'
        ? row.reject_reason
        : row.answer;
  const agency = locale === 'vi' ? row.agency_name_vi : row.agency_name_en;
  return {
    service_request_id: row.tracking_code,
    status: SETTLED_FEEDBACK_STATES.has(row.state) ? 'closed' : 'open',
    ...(statusNotes ? { status_notes: statusNotes } : {}),
    service_name: serviceNameOf(locale, row.type, row.field),
    service_code: `${row.type}.${row.field}`,
    // The content is public once published; before that its holder of the code reads the title only.
    description: row.is_published ? row.content : row.title,
    ...(agency ? { agency_responsible: agency } : {}),
    service_notice: messages.answerNotice(row.answer_due_on, ANSWER_WORKING_DAYS),
    requested_datetime: w3cDateTime(row.received_at),
    updated_datetime: w3cDateTime(new Date(row.updated_at ?? row.received_at)),
    // The end of the answer's due day in the committee's time zone (service levels are dates).
    expected_datetime: `${row.answer_due_on}T23:59:59+07:00`,
    ...(row.address ? { address: row.address } : {}),
    ...(row.latitude !== null && row.longitude !== null ? { lat: row.latitude, long: row.longitude } : {}),
    ...(row.media_url ? { media_url: row.media_url } : {}),
  };
}

/**
 * The tracking codes among what a client sent as ids. An id of another shape names no request of
 * ours: it finds nothing (404, or no entry in a list) rather than being refused as malformed, since
 * clients hold ids from other servers too (decision 0027).
 */
function trackingCodesOf(inputs: string[]): string[] {
  return inputs.map((input) => normalizeTrackingCode(input)).filter((code): code is string => code !== undefined);
}

/** GET requests/{id}: the tracking code is the reader's right to see the item, as on the tracking page. */
export async function getOpen311Request(db: Db, code: string, locale: Locale): Promise<Open311Request[]> {
  const rows = await repository.findByTrackingCodes(db, trackingCodesOf([code]));
  if (rows.length === 0) throw new AppError('not_found', `No request ${code}`, { entity: 'request', id: code });
  return rows.map((row) => toRequest(row, locale));
}

/** The spec's window: at most 90 days; missing ends default from the other one, or the last 90 days. */
function windowOf(query: Open311RequestsQuery, now: Date): { from: Date; to: Date } {
  const span = OPEN311_MAX_SPAN_DAYS * DAY_MS;
  const to = query.end_date ?? (query.start_date ? new Date(query.start_date.getTime() + span) : now);
  const from = query.start_date ?? new Date(to.getTime() - span);
  if (from > to || to.getTime() - from.getTime() > span) {
    throw new AppError('validation', 'start_date to end_date must be 0 to 90 days', {}, [
      { path: 'end_date', message: 'error.validation' },
    ]);
  }
  return { from, to };
}

/**
 * GET requests: by tracking codes (which override every other parameter, as the spec says), or
 * else the published items received in the window, newest first, 1,000 at most.
 */
export async function listOpen311Requests(
  db: Db,
  query: Open311RequestsQuery,
  locale: Locale,
  now: Date,
): Promise<Open311Request[]> {
  if (query.service_request_id?.length) {
    const rows = await repository.findByTrackingCodes(db, trackingCodesOf(query.service_request_id));
    return rows.map((row) => toRequest(row, locale));
  }
  const { from, to } = windowOf(query, now);
  const statuses = new Set(query.status ?? []);
  const states =
    statuses.size === 1
      ? FEEDBACK_STATES.filter((state) => SETTLED_FEEDBACK_STATES.has(state) === statuses.has('closed'))
      : undefined;
  const rows = await repository.listPublishedForOpen311(db, {
    receivedFrom: from,
    receivedTo: to,
    services: query.service_code?.map((code) => parseServiceCode(code)).filter((service) => service !== undefined),
    states,
    limit: OPEN311_MAX_REQUESTS,
  });
  return rows.map((row) => toRequest(row, locale));
}

/** GET tokens/{token}: tokens are the tracking codes themselves (decision 0012). */
export async function resolveOpen311Token(db: Db, token: string) {
  const [request] = await repository.findByTrackingCodes(db, trackingCodesOf([token]));
  if (!request) throw new AppError('not_found', `No token ${token}`, { entity: 'token', id: token });
  return [{ service_request_id: request.tracking_code, token: request.tracking_code }];
}
