/**
 * Every refusal the product makes, with its HTTP status. The message is for logs and the CLI;
 * clients get `error.<code>` from the message catalogue in their language.
 */
export const ERROR_STATUS = {
  validation: 400,
  invalid_json: 400,
  // Malformed requests, refused before they reach a route's schema (decision 0017).
  bad_request: 400,
  invalid_url: 400,
  invalid_multipart: 400,
  uri_too_long: 414,
  headers_too_large: 431,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  csrf: 403,
  not_found: 404,
  conflict: 412,
  duplicate: 409,
  children_open: 409,
  invalid_transition: 409,
  extension_pending: 409,
  own_decision: 403,
  idempotency_mismatch: 422,
  /** A retry while the first request with its Idempotency-Key still runs: answered with Retry-After. */
  idempotency_in_flight: 409,
  reason_required: 400,
  deadline_locked: 400,
  not_a_unit: 400,
  invalid_reference: 400,
  payload_too_large: 413,
  too_many_rows: 413,
  import_rejected: 422,
  unreadable_file: 400,
  unsupported_media_type: 415,
  precondition_required: 428,
  too_many_attempts: 429,
  rate_limited: 429,
  data_dir_locked: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldError {
  path: string;
  /** A message-catalogue key such as 'error.duplicate' (worded per request), or text already worded. */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, fieldErrors?: FieldError[]) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.fieldErrors = fieldErrors;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (entity: string, id: string) =>
  new AppError('not_found', `${entity} ${id} was not found`, { entity, id });

export const forbidden = (action: string) => new AppError('forbidden', `Not allowed to ${action} here`, { action });

/** A write based on an old version: the client gets the current version to reload and retry. */
export const staleVersion = (entity: string, currentVersion: number) =>
  new AppError('conflict', `The ${entity} was changed by someone else (now version ${currentVersion})`, {
    currentVersion,
  });

/** A value that must be unique is taken: 409, naming the field for the form. */
export const duplicateField = (field: string, message = `This ${field} is already used`) =>
  new AppError('duplicate', message, { field }, [{ path: field, message: 'error.duplicate' }]);

/** A reference to something that does not exist or may not be used there: 400, naming the field. */
export const invalidReference = (field: string, message = 'error.invalid_reference') =>
  new AppError('invalid_reference', `Invalid ${field}`, {}, [{ path: field, message }]);
