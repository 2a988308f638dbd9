import { Validator } from '@seriousme/openapi-schema-validator';
import type * as FastifyModule from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { OPERATION_IDS } from './operation-ids.ts';

/** Every route the app registers, seen through an onRoute hook added as the Fastify instance is made. */
const registered = vi.hoisted(() => [] as Array<{ method: string; url: string; hidden: boolean }>);
vi.mock('fastify', async (importOriginal) => {
  const actual = await importOriginal<typeof FastifyModule>();
  const factory = ((options?: FastifyModule.FastifyServerOptions) => {
    const app = actual.default(options);
    app.addHook('onRoute', (route: FastifyModule.RouteOptions) => {
      for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
        registered.push({
          method,
          url: route.url,
          hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide),
        });
      }
    });
    return app;
  }) as unknown as typeof actual.default;
  return { ...actual, default: factory, fastify: factory };
});

interface Operation {
  operationId?: string;
  parameters?: { in: string; name: string }[];
  security?: unknown[];
  responses: Record<string, { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> }>;
}
type OpenApiDocument = { openapi: string; paths: Record<string, Record<string, Operation>> };

const PUBLIC_OPERATIONS = ['GET /api/v1/health', 'POST /api/v1/auth/sign-in'];
const toOpenApiPath = (url: string) => url.replace(/:(\w+)/g, '{$1}');

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    doc = response.json();
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        operation,
      })),
    );

  it('is OpenAPI 3.1 and valid for a standard validator', async () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents exactly the API routes the app registers, apart from the documentation itself', () => {
    const apiRoutes = registered.filter((route) => route.url.startsWith('/api/') && route.method !== 'HEAD');
    const hidden = [
      ...new Set(apiRoutes.filter((route) => route.hidden).map((route) => `${route.method} ${route.url}`)),
    ];
    expect(hidden.sort()).toEqual(
      expect.arrayContaining(['GET /api/v1/openapi.json', 'GET /api/docs', 'GET /api/docs/json', 'GET /api/docs/yaml']),
    );
    expect(hidden.every((key) => key === 'GET /api/v1/openapi.json' || key.startsWith('GET /api/docs'))).toBe(true);
    const routes = apiRoutes
      .filter((route) => !route.hidden)
      .map((route) => `${route.method} ${toOpenApiPath(route.url)}`);
    const documented = operations().map((operation) => operation.key);
    expect(documented.sort()).toEqual([...new Set(routes)].sort());
    expect(documented.length).toBeGreaterThanOrEqual(16);
  });

  it('gives every operation its error responses as problem details', () => {
    // Health takes no input and reports a degraded database as a 503 in its own shape.
    expect(Object.keys(operations().find((o) => o.key === 'GET /api/v1/health')?.operation.responses ?? {})).toEqual([
      '200',
      '503',
    ]);
    for (const { key, operation } of operations().filter((o) => o.key !== 'GET /api/v1/health')) {
      const statuses = Object.keys(operation.responses);
      expect(statuses, key).toEqual(expect.arrayContaining(['400', '500']));
      if (!PUBLIC_OPERATIONS.includes(key)) expect(statuses, key).toContain('401');
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        // Declared in the media type they are served in (problem.ts), so that clients pick the right parser.
        expect(Object.keys(operation.responses[status]?.content ?? {}), `${key} ${status}`).toEqual([
          'application/problem+json',
        ]);
        const schema = Object.values(operation.responses[status]?.content ?? {})[0]?.schema;
        expect(Object.keys(schema?.properties ?? {}), `${key} ${status}`).toEqual(
          expect.arrayContaining(['type', 'title', 'status', 'detail', 'code', 'errors']),
        );
      }
    }
  });

  it('names every operation with a stable, unique camelCase operationId from the one list', () => {
    const named = operations().map(({ key, operation }) => [key, operation.operationId] as const);
    const missing = named.filter(([, id]) => !id).map(([key]) => key);
    expect(missing, 'add these to OPERATION_IDS (src/server/http/operation-ids.ts)').toEqual([]);
    for (const [key, id] of named) expect(id, key).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    const ids = named.map(([, id]) => id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    // No name left behind by a route that has gone or moved.
    expect(Object.keys(OPERATION_IDS).filter((key) => !named.some(([documented]) => documented === key))).toEqual([]);
  });

  it('has one path per place: no two paths differ only in their parameters’ names', () => {
    const shapes = Object.keys(doc.paths).map((path) => path.replace(/\{[^}]+\}/g, '{}'));
    expect(shapes.filter((shape, index) => shapes.indexOf(shape) !== index)).toEqual([]);
    const organization = doc.paths['/api/v1/organizations/{id}'];
    expect(Object.keys(organization ?? {}).sort()).toEqual(['get', 'patch']);
  });

  it('declares each media type of a reading that exports, and files as bytes', () => {
    for (const path of ['/api/v1/tasks', '/api/v1/dashboard', '/api/v1/feedback/statistics']) {
      const content = doc.paths[path]?.get?.responses['200']?.content ?? {};
      expect(Object.keys(content).sort(), path).toEqual([
        'application/json',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/csv',
      ]);
      expect(content['application/json']?.schema?.properties, path).toBeDefined();
      expect(content['text/csv']?.schema, path).toMatchObject({ type: 'string', format: 'binary' });
    }
    for (const path of ['/api/v1/files/{fileId}', '/api/v1/feedback/attachments/{attachmentId}']) {
      const content = doc.paths[path]?.get?.responses['200']?.content ?? {};
      expect(content, path).toEqual({
        '*/*': { schema: expect.objectContaining({ type: 'string', format: 'binary' }) },
      });
    }
  });

  it('documents the refusals each kind of write can give', () => {
    const byKey = new Map(operations().map((operation) => [operation.key, operation.operation]));
    const statuses = (key: string) => Object.keys(byKey.get(key)?.responses ?? {});
    for (const key of ['PATCH /api/v1/organizations/{id}', 'PATCH /api/v1/people/{id}']) {
      expect(statuses(key), key).toEqual(expect.arrayContaining(['200', '403', '404', '412', '428']));
    }
    for (const key of ['POST /api/v1/organizations', 'POST /api/v1/people']) {
      expect(statuses(key), key).toEqual(expect.arrayContaining(['201', '403', '409']));
    }
    const conflict = byKey.get('PATCH /api/v1/organizations/{id}')?.responses['412']?.content;
    expect(Object.keys(Object.values(conflict ?? {})[0]?.schema?.properties ?? {})).toContain('currentVersion');
  });

  it('marks only health and sign-in as public', () => {
    const publicOps = operations()
      .filter(({ operation }) => Array.isArray(operation.security) && operation.security.length === 0)
      .map((operation) => operation.key);
    expect(publicOps.sort()).toEqual([...PUBLIC_OPERATIONS].sort());
  });

  it('serves the interactive documentation at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs' });
    const page =
      response.statusCode === 302
        ? await t.app.inject({ method: 'GET', url: response.headers.location as string })
        : response;
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('swagger');
  });
});
