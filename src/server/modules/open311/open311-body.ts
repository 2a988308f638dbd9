import type { FastifyRequest } from 'fastify';

/** Form bodies of GeoReport v2 are small: a description, a few names and attributes. */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * An `application/x-www-form-urlencoded` body as an object: a key sent twice becomes a list (which
 * the schema then refuses for single values rather than keeping one silently). Object.fromEntries
 * defines own properties, so a `__proto__` key is just an unknown field.
 */
export function parseForm(_request: FastifyRequest, body: string | Buffer): Record<string, string | string[]> {
  const values = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(String(body))) {
    const previous = values.get(key);
    values.set(key, previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value]);
  }
  return Object.fromEntries(values);
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]*)\](\[\])?$/;

/**
 * `attribute[code]=value` (the spec's form) gathered into `attribute: { code: value }`, from a form
 * or a JSON body alike; a JSON body may also send `attribute` as an object already.
 */
export function gatherAttributes(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const rest: [string, unknown][] = [];
  const given = (body as { attribute?: unknown }).attribute;
  const isObject = given !== null && typeof given === 'object' && !Array.isArray(given);
  const attributes: [string, unknown][] = isObject ? Object.entries(given) : [];
  for (const [key, value] of Object.entries(body)) {
    const match = ATTRIBUTE_KEY.exec(key);
    if (match) attributes.push([match[1] ?? '', value]);
    else if (!(key === 'attribute' && isObject)) rest.push([key, value]);
  }
  return Object.fromEntries(attributes.length > 0 ? [...rest, ['attribute', Object.fromEntries(attributes)]] : rest);
}
