import fc from 'fast-check';
import { HOSTILE_NUMBER_TEXTS, hostileString, wrongValue } from './hostile-values.ts';
import { multipartArbitrary } from './multipart-bodies.ts';
import { arbitraryFor, type Generation, type JsonSchema, type ValueHints } from './schema-arbitrary.ts';

/** An operation as the OpenAPI document describes it (the parts requests are made from). */
export interface FuzzOperation {
  method: string;
  /** The path template, `/api/v1/tasks/{id}`. */
  path: string;
  parameters: Array<{ in: string; name: string; required?: boolean; schema?: JsonSchema }>;
  /** Media type → schema of the body. */
  body: Record<string, JsonSchema | undefined>;
  /** The JSON sent in a multipart field (the `submission` of a form with attachments). */
  multipartJson?: JsonSchema;
}

/** Who sends: nobody, an admin signed in with a cookie (and CSRF token), or API tokens of other roles. */
export const IDENTITIES = ['anonymous', 'admin', 'steering', 'focal'] as const;
export type Identity = (typeof IDENTITIES)[number];

export interface FuzzRequest {
  identity: Identity;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

/** `arbitrary` in `percent` cases out of a hundred, null otherwise. */
export const sometimes = <T>(arbitrary: fc.Arbitrary<T>, percent: number): fc.Arbitrary<T | null> =>
  fc.oneof({ arbitrary: fc.constant(null), weight: 100 - percent }, { arbitrary, weight: percent });

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * Percent-encodes text for a URL as a careless client would: UTF-8 bytes, and a lone surrogate as
 * the three bytes it would have in CESU-8 (invalid UTF-8), which encodeURIComponent refuses to do.
 */
export function encodeText(value: string): string {
  let encoded = '';
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if (UNRESERVED.test(char)) encoded += char;
    else if (code >= 0xd800 && code <= 0xdfff) {
      encoded += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('');
    } else {
      encoded += [...Buffer.from(char, 'utf8')].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
  }
  return encoded;
}

/** Sometimes a value goes into the URL as typed (a raw `%`, `%zz`), when it is plain ASCII. */
const RAW_SAFE = /^[\x21-\x22\x24-\x7e]*$/;
const urlText = (value: string, raw: boolean) => (raw && RAW_SAFE.test(value) ? value : encodeText(value));

/** Header values a real client can send: Latin-1 without control characters. */
const headerSafe = (value: string) => value.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const asText = (value: unknown): string =>
  typeof value === 'string'
    ? value
    : value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);

const QUERY_JUNK = [
  '&',
  '&&=',
  '&limit=1&limit=2',
  '&q=a&q=b',
  '&%=1',
  '&x[y]=1',
  '&as_of=0000-01-01',
  '&as_of=9999-12-31',
  '&cursor=%00',
  '&scope=%ED%A0%80',
  '&format=xlsx',
  '&format=csv',
];

const BROKEN_JSON = [
  '{',
  '{"a":',
  'null',
  '[]',
  '"x"',
  '1e999',
  '{"a":1,"a":2}',
  '[[[[[[[[[[',
  `${'['.repeat(2000)}${']'.repeat(2000)}`,
  '\u0000',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/json; charset=latin1',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data',
  'application/json;;;',
  '*/*',
];

const IF_MATCH = [
  '"1"',
  '"2"',
  'W/"1"',
  '*',
  '"0"',
  '"-1"',
  '"abc"',
  '"1e400"',
  '"99999999999999999999"',
  '',
  '"1", "2"',
];
const IDEMPOTENCY_KEYS = ['fuzz-key-0001', 'fuzz-key-0002', 'fuzz-key-0003'];
const ACCEPT_LANGUAGES = ['vi', 'en', 'fr', 'fr-CA,fr;q=0.9,en;q=0.8', '*', 'zz;q=NaN', 'en;q=2', ''];

function headerArbitrary(name: string): fc.Arbitrary<string> {
  if (name === 'if-match') return fc.oneof({ arbitrary: fc.constantFrom(...IF_MATCH), weight: 4 }, hostileString);
  if (name === 'idempotency-key') {
    return fc.oneof(
      { arbitrary: fc.constantFrom(...IDEMPOTENCY_KEYS), weight: 2 },
      { arbitrary: fc.uuid(), weight: 2 },
      hostileString,
    );
  }
  return hostileString;
}

/** A body before it is serialized: structured JSON or form values can still have a field made hostile. */
type Body =
  | { kind: 'none' }
  | { kind: 'json' | 'form'; value: unknown }
  | { kind: 'raw'; payload: string | Buffer; contentType: string };

function bodyArbitrary(operation: FuzzOperation, generation: Generation): fc.Arbitrary<Body> {
  const jsonSchema = operation.body['application/json'];
  const formSchema = operation.body['application/x-www-form-urlencoded'];
  const multipart = 'multipart/form-data' in operation.body;
  const junk = fc.record({
    kind: fc.constant('raw' as const),
    payload: fc.oneof(fc.constantFrom(...BROKEN_JSON), hostileString),
    contentType: fc.oneof(fc.constant('application/json'), fc.constantFrom(...CONTENT_TYPES)),
  });
  const form = multipartArbitrary(operation, generation).map((body) => ({ kind: 'raw' as const, ...body }));
  const options: Array<fc.WeightedArbitrary<Body>> = [
    { arbitrary: junk, weight: 1 },
    { arbitrary: form, weight: multipart ? 8 : 1 },
  ];
  if (jsonSchema) {
    const value = arbitraryFor(jsonSchema, 'body', { ...generation, carrier: 'json' });
    options.push({ arbitrary: value.map((v) => ({ kind: 'json' as const, value: v })), weight: 8 });
  }
  if (formSchema) {
    const value = arbitraryFor(formSchema, 'body', { ...generation, carrier: 'text' });
    options.push({ arbitrary: value.map((v) => ({ kind: 'form' as const, value: v })), weight: 8 });
  }
  if (!jsonSchema && !formSchema && !multipart) options.push({ arbitrary: fc.constant({ kind: 'none' }), weight: 6 });
  return fc.oneof(...options);
}

/** A form body: `attribute: {a: 1}` as `attribute[a]=1`, as GeoReport v2 clients send it. */
function formText(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return encodeText(asText(value));
  const pairs: string[] = [];
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) {
      for (const [sub, subValue] of Object.entries(entry)) {
        pairs.push(`${encodeText(`${key}[${sub}]`)}=${encodeText(asText(subValue))}`);
      }
    } else pairs.push(`${encodeText(key)}=${encodeText(asText(entry))}`);
  }
  return pairs.join('&');
}

function serialize(body: Body): { payload?: string | Buffer; contentType?: string } {
  switch (body.kind) {
    case 'none':
      return {};
    case 'raw':
      return body;
    case 'json':
      return body.value === undefined ? {} : { payload: JSON.stringify(body.value), contentType: 'application/json' };
    case 'form':
      return { payload: formText(body.value), contentType: 'application/x-www-form-urlencoded' };
  }
}

/** Every place in a JSON value a hostile value can go: the value itself, each property, each item. */
function leavesOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  const here = [path];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => leavesOf(item, [...path, index]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => leavesOf(item, [...path, key]))];
  }
  return here;
}

function replaceAt(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaceAt(copy[head], rest, replacement);
  return copy;
}

/** What breaks storage and encodings, more often than the rest of the hostile values. */
const breaker = fc.constantFrom('a\u0000b', '\u0000', '\ud800', 'x\udc00y', 'ab\u0001', '0000-01-01', '9999-12-31');
const hostileText = fc.oneof(
  { arbitrary: breaker, weight: 2 },
  { arbitrary: hostileString, weight: 2 },
  { arbitrary: fc.constantFrom(...HOSTILE_NUMBER_TEXTS), weight: 1 },
);
const hostileJson = fc.oneof({ arbitrary: hostileText, weight: 3 }, { arbitrary: wrongValue, weight: 1 });

/**
 * Requests for one operation, from every identity: valid-ish ones (parameters and bodies that
 * follow the schema), ones with exactly one parameter or field made hostile (so that it gets past
 * the others to where it can do harm), and chaotic ones.
 */
export function requestArbitrary(operation: FuzzOperation, hints: ValueHints): fc.Arbitrary<FuzzRequest> {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const hintOf = (name: string) => {
    if (name !== 'id') return name;
    const segments = operation.path.split('/');
    return segments[segments.indexOf('{id}') - 1] ?? name;
  };
  const byMode = (hostility: number, oneHostile: boolean) => {
    const generation: Generation = { hints, carrier: 'text', hostility };
    const param = (p: FuzzOperation['parameters'][number]) => arbitraryFor(p.schema ?? {}, hintOf(p.name), generation);
    return fc.record({
      identity: fc.constantFrom(...IDENTITIES),
      raw: fc.boolean(),
      path: fc.tuple(...pathParams.map(param)),
      // Optional parameters now and then, so that each one is seen alone as well as with others.
      query: fc.tuple(
        ...queryParams.map((p) =>
          p.required
            ? param(p)
            : fc.oneof({ arbitrary: fc.constant(null), weight: 2 }, { arbitrary: param(p), weight: 1 }),
        ),
      ),
      junk: sometimes(fc.constantFrom(...QUERY_JUNK), hostility > 0 ? 30 : 5),
      headers: fc.tuple(...headerParams.map((p) => sometimes(headerArbitrary(p.name), 60))),
      language: sometimes(fc.constantFrom(...ACCEPT_LANGUAGES), 50),
      body: bodyArbitrary(operation, generation),
      hostile: oneHostile
        ? fc.record({ slot: fc.nat(), text: hostileText, json: hostileJson })
        : fc.constant(undefined),
    });
  };
  return fc
    .oneof(
      { arbitrary: byMode(0, false), weight: 4 },
      { arbitrary: byMode(0, true), weight: 4 },
      { arbitrary: byMode(0.5, false), weight: 1 },
    )
    .map(({ identity, raw, path, query, junk, headers, language, body, hostile }) => {
      const pathValues: unknown[] = [...path];
      const queryValues: unknown[] = [...query];
      if (hostile) {
        // One slot among the path parameters, the query parameters and the places in the body.
        const leaves = body.kind === 'json' || body.kind === 'form' ? leavesOf(body.value) : [];
        const slots = pathValues.length + queryValues.length + leaves.length;
        const slot = slots > 0 ? hostile.slot % slots : -1;
        if (slot >= 0 && slot < pathValues.length) pathValues[slot] = hostile.text;
        else if (slot >= 0 && slot < pathValues.length + queryValues.length) {
          queryValues[slot - pathValues.length] = hostile.text;
        } else if (slot >= 0 && (body.kind === 'json' || body.kind === 'form')) {
          const leaf = leaves[slot - pathValues.length - queryValues.length] ?? [];
          body = { ...body, value: replaceAt(body.value, leaf, body.kind === 'json' ? hostile.json : hostile.text) };
        }
      }
      let url = operation.path;
      pathParams.forEach((p, i) => {
        url = url.replace(`{${p.name}}`, urlText(asText(pathValues[i]), raw));
      });
      const pairs = queryParams.flatMap((p, i) =>
        queryValues[i] === null || queryValues[i] === undefined
          ? []
          : [`${encodeText(p.name)}=${urlText(asText(queryValues[i]), raw)}`],
      );
      const search = pairs.join('&') + (junk ?? '');
      if (search) url += `?${search}`;
      const requestHeaders: Record<string, string> = {};
      headerParams.forEach((p, i) => {
        const value = headers[i];
        if (typeof value === 'string') requestHeaders[p.name] = headerSafe(value);
      });
      if (language !== null) requestHeaders['accept-language'] = language;
      const { payload, contentType } = serialize(body);
      if (contentType) requestHeaders['content-type'] = contentType;
      return {
        identity,
        method: operation.method,
        url,
        headers: requestHeaders,
        ...(payload !== undefined ? { payload } : {}),
      };
    });
}

/** The request as a person would retype it, for the failure report. */
export function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined
      ? ''
      : `\n  body: ${JSON.stringify(String(request.payload).slice(0, 600))}${String(request.payload).length > 600 ? '…' : ''}`;
  return `${request.method} ${request.url.slice(0, 400)} as ${request.identity}\n  headers: ${JSON.stringify(request.headers)}${payload}`;
}
