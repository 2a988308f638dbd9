import type { Problem } from '../../shared/schemas/common.ts';

/** A refused request, carrying the server's problem+json so that screens show its own words. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: ReadonlyArray<{ path: string; message: string }>;
  /** On 412: the version now stored, so that a screen can reload it and let the person try again. */
  readonly currentVersion: number | undefined;
  /** The whole problem as the server sent it, for the refusals that carry more (an import's report). */
  readonly problem: Partial<Problem>;

  constructor(status: number, problem: Partial<Problem>, fallbackMessage: string) {
    const detail = problem.detail ?? problem.title ?? fallbackMessage;
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem.code ?? (status === 0 ? 'network' : 'internal');
    this.detail = detail;
    this.errors = problem.errors ?? [];
    this.currentVersion = problem.currentVersion;
    this.problem = problem;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

// The CSRF token and the language live here rather than in React state: every request needs
// them, including those made by route loaders outside any component.
let csrfToken: string | null = null;
let acceptLanguage = 'vi';

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setRequestLanguage(locale: string): void {
  acceptLanguage = locale;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** Query parameters; undefined, null and empty values are left out. */
  query?: Record<string, string | number | boolean | undefined | null>;
  /** The version being edited, sent as If-Match so that a stale write is refused (412). */
  ifMatch?: number;
  /** Generated once per form opening: a retried create then makes one record, not two. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return `/api/v1${path}${search ? `?${search}` : ''}`;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': acceptLanguage };
  // A file upload (FormData) sets its own multipart content type, boundary included.
  const isForm = options.body instanceof FormData;
  if (options.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : isForm ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, { code: 'network' }, 'Network error');
  }
  if (response.ok) {
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
  throw new ApiError(response.status, await readProblem(response), response.statusText || `HTTP ${response.status}`);
}

async function readProblem(response: Response): Promise<Partial<Problem>> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return {};
  try {
    return (await response.json()) as Partial<Problem>;
  } catch {
    return {};
  }
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown, options?: Pick<RequestOptions, 'ifMatch' | 'idempotencyKey'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body: unknown, ifMatch: number) => apiRequest<T>(path, { method: 'PATCH', body, ifMatch }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
