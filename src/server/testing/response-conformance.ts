import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Test support: every answer of the API that an integration test receives is checked against the
 * OpenAPI document (decision 0027), as a client generated from it would read it: its status must
 * be declared for the operation, its media type declared for that status, and a JSON body valid for
 * the schema declared there. The app's own serialization already checks declared JSON answers
 * against their zod schemas; this checks what the document says, which is what integrators get
 * (a status left out, a problem declared in the wrong media type, a schema that converts wrongly).
 */
interface OpenApiOperation {
  responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}
type OpenApiDocument = { paths: Record<string, Record<string, OpenApiOperation>> };

const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');
const isJson = (mediaType: string) => mediaType === 'application/json' || mediaType.endsWith('+json');

export interface ResponseConformance {
  /** What did not conform, one line each, for the test run to fail on. */
  violations(): string[];
}

/** Adds the check to `app`; call before `app.ready()`. */
export function checkResponsesAgainstOpenApi(app: FastifyInstance): ResponseConformance {
  const found = new Set<string>();
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats.default(ajv);
  const validators = new Map<string, ValidateFunction>();
  let doc: OpenApiDocument | undefined;

  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/v1/') || request.method === 'HEAD') return payload;
    doc ??= app.swagger() as unknown as OpenApiDocument;
    const path = toOpenApiPath(route);
    const operation = doc.paths[path]?.[request.method.toLowerCase()];
    if (!operation) return payload; // hidden from the document: the document itself, the docs UI
    const where = `${request.method} ${path} → ${reply.statusCode}`;
    const declared = operation.responses?.[String(reply.statusCode)];
    if (!declared) {
      found.add(`${where}: status not declared`);
      return payload;
    }
    const mediaType = String(reply.getHeader('content-type') ?? '')
      .split(';')[0]!
      .trim();
    const hasBody = payload !== undefined && payload !== null && payload !== '' && reply.statusCode !== 204;
    if (!mediaType || !hasBody) return payload;
    const content = declared.content?.[mediaType] ?? declared.content?.['*/*'];
    if (!content) {
      found.add(`${where}: ${mediaType} not declared (${Object.keys(declared.content ?? {}).join(', ') || 'none'})`);
      return payload;
    }
    if (!isJson(mediaType) || typeof payload !== 'string' || !content.schema) return payload;
    const key = `${where} ${mediaType}`;
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(content.schema);
      validators.set(key, validate);
    }
    if (!validate(JSON.parse(payload))) {
      const errors = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}`);
      found.add(`${where} ${mediaType}: ${errors.join('; ')}`);
    }
    return payload;
  });

  return { violations: () => [...found] };
}
