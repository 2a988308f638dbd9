import fc from 'fast-check';
import { HOSTILE_NUMBER_TEXTS, hostileString, wrongValue } from './hostile-values.ts';

/** The part of JSON Schema (2020-12, as the OpenAPI document carries it) that values are made from. */
export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

/** What the fuzz test knows of the world, read at generation time (it grows as the run goes). */
export interface ValueHints {
  /** Ids that exist, fitting a field or parameter named `name` where it can tell. */
  idsFor(name: string): readonly string[];
  /** Known good words for a free string named `name`: organization codes for `scope`, cursors… */
  wordsFor(name: string): readonly string[];
}

/**
 * How a value travels: in JSON any type can be sent; in a URL (query, path, form) only text.
 * `hostility` is the chance that a field is replaced by a hostile value: 0 makes values that
 * follow the schema (valid-ish: ids may not exist, dates may be out of order).
 */
export interface Generation {
  hints: ValueHints;
  carrier: 'json' | 'text';
  hostility: number;
}

const DAY = 86_400_000;
const BASE_DAY = Date.UTC(2026, 0, 1);
/** Dates mostly near the present, where the data is, and now and then at the edges of the calendar. */
const calendarDate = fc.oneof(
  {
    arbitrary: fc.integer({ min: -800, max: 800 }).map((d) => new Date(BASE_DAY + d * DAY).toISOString().slice(0, 10)),
    weight: 8,
  },
  { arbitrary: fc.constantFrom('1900-01-01', '2999-12-31', '2024-02-29', '2099-12-31'), weight: 1 },
);

const pick = (values: () => readonly string[], fallback: fc.Arbitrary<string>) =>
  fc.tuple(fc.nat(), fallback).map(([index, other]) => {
    const pool = values();
    return pool.length > 0 ? (pool[index % pool.length] as string) : other;
  });

function validString(schema: JsonSchema, name: string, hints: ValueHints): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  switch (schema.format) {
    case 'uuid':
      return fc.oneof(
        { arbitrary: pick(() => hints.idsFor(name), fc.uuid()), weight: 4 },
        { arbitrary: fc.uuid(), weight: 1 },
      );
    case 'date':
      return calendarDate;
    case 'date-time':
      return calendarDate.map((date) => `${date}T03:04:05.000Z`);
    case 'email':
      return fc.oneof(
        pick(() => hints.wordsFor('email'), fc.emailAddress()),
        fc.emailAddress(),
      );
    case 'uri':
      return fc.constantFrom('https://example.org/anh.png', 'http://example.org/a?b=c');
    case 'binary':
      return fc.constant('binary');
    default:
      break;
  }
  const maxLength = Math.min(schema.maxLength ?? 60, 60);
  const minLength = Math.min(schema.minLength ?? 0, maxLength);
  const free = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern)).map((value) => value.slice(0, schema.maxLength))
    : fc.oneof(
        fc.constantFrom('Hà Nội', 'Chuyển đổi số', 'Đề nghị rút gọn hồ sơ', 'R57', '01', 'VN'),
        fc.string({ unit: 'grapheme', minLength, maxLength }),
      );
  // Known words (codes, cursors, vocabularies) when there are some, since they reach further.
  return fc.oneof({ arbitrary: pick(() => hints.wordsFor(name), free), weight: 6 }, { arbitrary: free, weight: 1 });
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1000);
  const bounded = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof({ arbitrary: bounded, weight: 4 }, { arbitrary: fc.constantFrom(min, max), weight: 1 });
}

function validObject(schema: JsonSchema, generation: Generation, depth: number): fc.Arbitrary<unknown> {
  const properties = Object.entries(schema.properties ?? {});
  const model = Object.fromEntries(
    properties.map(([key, property]) => [key, arbitraryFor(property, key, generation, depth + 1)]),
  );
  const record = fc.record(model, { requiredKeys: schema.required ?? [] });
  if (generation.hostility === 0) return record;
  // Unknown keys (strict objects refuse them) and prototype-looking keys.
  const extra = fc.oneof(
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.tuple(fc.constantFrom('extra', '__proto__', 'constructor', 'id', ''), wrongValue), weight: 1 },
  );
  return fc.tuple(record, extra).map(([value, entry]) => {
    if (!entry) return value;
    const copy: Record<string, unknown> = { ...(value as object) };
    Object.defineProperty(copy, entry[0], { value: entry[1], enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

/** A value for `schema`: valid-ish, mixed with hostile ones at the generation's rate. */
export function arbitraryFor(
  schema: JsonSchema,
  name: string,
  generation: Generation,
  depth = 0,
): fc.Arbitrary<unknown> {
  const valid = validFor(schema, name, generation, depth);
  if (generation.hostility === 0) return valid;
  const hostile =
    generation.carrier === 'json' ? wrongValue : fc.oneof(hostileString, fc.constantFrom(...HOSTILE_NUMBER_TEXTS));
  const hostileWeight = Math.max(1, Math.round(generation.hostility * 100));
  return fc.oneof(
    { arbitrary: valid, weight: 100 - Math.min(hostileWeight, 99) },
    { arbitrary: hostile, weight: hostileWeight },
  );
}

function validFor(schema: JsonSchema, name: string, generation: Generation, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((sub) => validFor(sub, name, generation, depth)));
  if (schema.allOf?.[0]) return validFor(schema.allOf[0], name, generation, depth);
  const kinds = types(schema);
  if (kinds.length > 1) return fc.oneof(...kinds.map((type) => validFor({ ...schema, type }, name, generation, depth)));
  const text = generation.carrier === 'text';
  switch (kinds[0]) {
    case 'string':
      return validString(schema, name, generation.hints);
    case 'integer':
    case 'number': {
      const number = validNumber(schema, kinds[0] === 'integer');
      return text ? number.map(String) : number;
    }
    case 'boolean':
      return text ? fc.constantFrom('true', 'false') : fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 4) return fc.constant([]);
      const items = arbitraryFor(schema.items ?? {}, name, generation, depth + 1);
      const maxLength = Math.min(schema.maxItems ?? 4, 4);
      return fc.array(items, { minLength: Math.min(schema.minItems ?? 0, maxLength), maxLength });
    }
    case 'object':
      return depth > 4 ? fc.constant({}) : validObject(schema, generation, depth);
    default:
      return text ? validString({}, name, generation.hints) : fc.oneof(fc.string({ maxLength: 10 }), fc.integer());
  }
}
