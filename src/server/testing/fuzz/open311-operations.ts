import { z } from 'zod';
import {
  Open311CommonQuerySchema,
  Open311RequestsQuerySchema,
  Open311SubmissionSchema,
} from '../../../shared/schemas/open311.ts';
import type { FuzzOperation } from './fuzz-requests.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

/**
 * Open311 GeoReport v2 is left out of the OpenAPI document (decision 0012): its operations are
 * described here for the fuzz test, from the same zod schemas the routes parse with.
 */
const jsonSchemaOf = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const queryOf = (schema: z.ZodType): FuzzOperation['parameters'] =>
  Object.entries(jsonSchemaOf(schema).properties ?? {}).map(([name, property]) => ({
    in: 'query',
    name,
    schema: property,
  }));

const format = { in: 'path', name: 'format', required: true, schema: { type: 'string', enum: ['json', 'xml'] } };
const file = (name: string) => ({ in: 'path', name, required: true, schema: { type: 'string', maxLength: 200 } });
const submission = jsonSchemaOf(Open311SubmissionSchema);
const common = queryOf(Open311CommonQuerySchema);

export const OPEN311_OPERATIONS: FuzzOperation[] = [
  { method: 'GET', path: '/open311/v2/discovery.{format}', parameters: [format, ...common], body: {} },
  { method: 'GET', path: '/open311/v2/services.{format}', parameters: [format, ...common], body: {} },
  { method: 'GET', path: '/open311/v2/services/{serviceFile}', parameters: [file('serviceFile'), ...common], body: {} },
  {
    method: 'POST',
    path: '/open311/v2/requests.{format}',
    parameters: [format, { in: 'header', name: 'idempotency-key', schema: { type: 'string' } }],
    body: { 'application/x-www-form-urlencoded': submission, 'application/json': submission },
  },
  {
    method: 'GET',
    path: '/open311/v2/requests.{format}',
    parameters: [format, ...queryOf(Open311RequestsQuerySchema)],
    body: {},
  },
  { method: 'GET', path: '/open311/v2/requests/{requestFile}', parameters: [file('requestFile'), ...common], body: {} },
  { method: 'GET', path: '/open311/v2/tokens/{tokenFile}', parameters: [file('tokenFile'), ...common], body: {} },
];
