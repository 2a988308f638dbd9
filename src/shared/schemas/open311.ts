import { z } from 'zod';
import { CALENDAR_DATE_RANGE, isWithinCalendarRange } from '../domain/calendar-date.ts';
import { FEEDBACK_FIELDS, FEEDBACK_TYPES, SUBMITTER_KINDS, TITLE_MAX } from '../domain/feedback.ts';
import { safeText, type TextOptions, textRule } from './common.ts';

/**
 * Open311 GeoReport v2 (shared/reference/open311/) as this server speaks it: the parameters it
 * reads and the documents it answers. Form bodies carry strings only and send empty fields as
 * "", so every optional value treats "" as absent and numbers are read from their text.
 */
export const OPEN311_FORMATS = ['json', 'xml'] as const;
export type Open311Format = (typeof OPEN311_FORMATS)[number];

/** The one jurisdiction of this server: GeoReport v2 lets such a server ignore `jurisdiction_id`. */
const jurisdiction = safeText().max(100).optional();

const blankToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const optionalText = (max: number, options: TextOptions = {}) =>
  z.preprocess(blankToUndefined, safeText(options).trim().max(max).optional());
const optionalNumber = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional());

export const OPEN311_YES_NO = ['yes', 'no'] as const;

/** The attributes of every service definition (see open311-vocabulary.ts for their wording). */
export const Open311AttributesSchema = z.strictObject({
  title: optionalText(TITLE_MAX),
  submitter_kind: z.preprocess(blankToUndefined, z.enum(SUBMITTER_KINDS).optional()),
  consent_to_publish: z.preprocess(blankToUndefined, z.enum(OPEN311_YES_NO).optional()),
  organization: optionalText(100),
});
export type Open311Attributes = z.infer<typeof Open311AttributesSchema>;

/**
 * POST requests.{format}: the spec's parameters, `attribute[code]` gathered into `attribute`.
 * Parameters it does not know are ignored, not refused (decision 0027): clients send extensions
 * (`zipcode`, `email_alerts_requested`…) and cache busters that a strict server would turn away.
 */
export const Open311SubmissionSchema = z.object({
  jurisdiction_id: jurisdiction,
  api_key: safeText().max(200).optional().describe('Not required; when given, an API token of this server'),
  service_code: safeText().trim().min(1).max(100),
  lat: optionalNumber(-90, 90),
  long: optionalNumber(-180, 180),
  address_string: optionalText(500),
  address_id: optionalText(200),
  email: optionalText(254),
  device_id: optionalText(200),
  account_id: optionalText(200),
  first_name: optionalText(100),
  last_name: optionalText(100),
  phone: optionalText(30),
  description: optionalText(10_000, { multiline: true }),
  media_url: z.preprocess(
    blankToUndefined,
    z
      .url({ protocol: /^https?$/ })
      .max(2000)
      // The URL parser percent-encodes a NUL or a lone surrogate rather than refusing them.
      .superRefine(textRule())
      .optional(),
  ),
  attribute: Open311AttributesSchema.default({}),
  locale: optionalText(10),
});
export type Open311Submission = z.infer<typeof Open311SubmissionSchema>;

const csvOf = <T extends readonly [string, ...string[]]>(values: T, max: number) =>
  safeText()
    .max(max)
    .transform((value) => [...new Set(value.split(',').map((part) => part.trim()))].filter(Boolean))
    .pipe(z.array(z.enum(values)));

/**
 * A date-time as the spec has it (ISO 8601 with a zone), or a date read as midnight in Hà Nội; its
 * day within the product's range of dates, as every date (decision 0017).
 */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .refine((value) => isWithinCalendarRange(value.slice(0, 10)), {
    message: 'error.date.out_of_range',
    params: CALENDAR_DATE_RANGE,
    abort: true,
  })
  .transform((value) => {
    return new Date(value.length === 10 ? `${value}T00:00:00+07:00` : value);
  });

export const OPEN311_SERVICE_CODES = FEEDBACK_TYPES.flatMap((type) =>
  FEEDBACK_FIELDS.map((field) => `${type}.${field}` as const),
);

/** GET requests.{format}; unknown parameters (`_`, `extensions`, `radius`…) ignored, as everywhere in Open311. */
export const Open311RequestsQuerySchema = z.object({
  jurisdiction_id: jurisdiction,
  api_key: safeText().max(200).optional(),
  service_request_id: safeText()
    .max(2000)
    .transform((value) => [...new Set(value.split(',').map((part) => part.trim()))].filter(Boolean))
    .pipe(z.array(z.string().max(40)).max(100))
    .optional()
    .describe('Tracking codes, comma separated; overrides every other parameter'),
  service_code: csvOf(OPEN311_SERVICE_CODES as [string, ...string[]], 2000).optional(),
  start_date: instant.optional(),
  end_date: instant.optional(),
  status: csvOf(['open', 'closed'] as const, 20).optional(),
  locale: optionalText(10),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;

export const Open311CommonQuerySchema = z.object({
  jurisdiction_id: jurisdiction,
  api_key: safeText().max(200).optional(),
  locale: optionalText(10),
});

/** The answers, named as the spec names them (snake_case, as clients expect). */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export interface Open311Attribute {
  variable: boolean;
  code: string;
  datatype: 'string' | 'singlevaluelist';
  required: boolean;
  datatype_description: string;
  order: number;
  description: string;
  values?: { key: string; name: string }[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

export interface Open311Request {
  service_request_id: string;
  status: 'open' | 'closed';
  status_notes?: string;
  service_name: string;
  service_code: string;
  description?: string;
  agency_responsible?: string;
  service_notice: string;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string;
  address?: string;
  lat?: number;
  long?: number;
  media_url?: string;
}

export interface Open311RequestReceipt {
  service_request_id: string;
  token: string;
  service_notice: string;
}

export interface Open311Error {
  code: number;
  description: string;
}
