import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { parse } from 'yaml';

/**
 * Test support: the community's GeoReport v2 Swagger (reference/open311/), its definitions compiled
 * as JSON Schema so that tests check our documents against the spec rather than against our idea
 * of it. Swagger 2.0 definitions are a subset of JSON Schema; its own formats (uid, double, uint)
 * only describe, so they accept anything of the right type.
 */
const SWAGGER_PATH = path.resolve(import.meta.dirname, '../../../reference/open311/georeport-v2.swagger.yaml');

interface Definition {
  required?: string[];
  properties: Record<string, unknown>;
}
const swagger = parse(fs.readFileSync(SWAGGER_PATH, 'utf8')) as { definitions: Record<string, Definition> };

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
for (const format of ['uid', 'double', 'uint']) ajv.addFormat(format, true);
ajv.addSchema({ $id: 'georeport', definitions: swagger.definitions });

export type SpecDefinition = 'Service' | 'ServiceDefinition' | 'Request' | 'RequestResponse' | 'TokenResponse';

const validators = new Map<SpecDefinition, ValidateFunction>();

/** The spec's violations of `value` as a definition (empty when valid), plus any field it does not define. */
export function specViolations(definition: SpecDefinition, value: unknown): string[] {
  let validate = validators.get(definition);
  if (!validate) {
    validate = ajv.getSchema(`georeport#/definitions/${definition}`);
    if (!validate) throw new Error(`No definition ${definition} in the spec`);
    validators.set(definition, validate);
  }
  const errors = validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  // The spec leaves extra fields open; an invented one would still surprise a client.
  const known = Object.keys(swagger.definitions[definition]?.properties ?? {});
  const extra = Object.keys(value as object).filter((key) => !known.includes(key));
  return [...errors, ...extra.map((key) => `${key} is not a field of ${definition}`)];
}

/** XML read back with lists kept as lists (one <service> is still a list of one). */
export const xmlParser = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format'].includes(name),
});
