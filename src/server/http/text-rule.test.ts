import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { translate } from '../../shared/i18n/index.ts';
import {
  Open311CommonQuerySchema,
  Open311RequestsQuerySchema,
  Open311SubmissionSchema,
} from '../../shared/schemas/open311.ts';
import type { JsonSchema } from '../testing/fuzz/schema-arbitrary.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';

/**
 * The text rule of decision 0017: every string a request carries refuses NUL (and the other C0
 * control characters, but for tab and line breaks in multi-line text) and lone surrogates with a
 * 400 naming the field; dates lie between 1900-01-01 and 2999-12-31. Before it, each of these
 * reached PostgreSQL and came back as a 500.
 */
const NUL = 'a\u0000b';
const CONTROL = {
  vi: translate('vi', 'error.text.control_character'),
  en: translate('en', 'error.text.control_character'),
  fr: translate('fr', 'error.text.control_character'),
};

const FEEDBACK = {
  type: 'recommendation',
  field: 'institutions',
  title: 'Rút gọn hồ sơ',
  content: 'Đề nghị bỏ bản sao công chứng.',
  submitterKind: 'citizen',
  submitterName: 'Nguyễn Văn An',
  phone: '0912345678',
};

const errorsOf = (response: LightMyRequestResponse) =>
  (response.json() as { errors?: Array<{ path: string; message: string }> }).errors ?? [];

/** A refusal as problem details with a field error at `path`. */
function expectFieldRefused(response: LightMyRequestResponse, path: string, message?: string) {
  expect(response.statusCode, response.body).toBe(400);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const field = errorsOf(response).find((error) => error.path === path);
  expect(field, `${path} in ${response.body}`).toBeDefined();
  if (message) expect(field?.message).toBe(message);
}

type Operation = {
  parameters?: Array<{ in: string; name: string; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
};

/**
 * Every place in a JSON body schema a string goes, each with the smallest body that puts a value
 * there: the discriminating constants of a union alternative are kept so that zod looks inside it.
 */
function stringPlaces(
  schema: JsonSchema,
  path: string[] = [],
): Array<{ path: string[]; body: (v: string) => unknown; free: boolean }> {
  const alternatives = (schema.oneOf ?? schema.anyOf)?.filter((alternative) => alternative.type !== 'null');
  if (alternatives) return alternatives.flatMap((alternative) => stringPlaces(alternative, path));
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('string') && schema.format !== 'binary') {
    const free = !schema.enum && !schema.format && !schema.pattern;
    return [{ path, body: (value) => value, free }];
  }
  if (types.includes('array') && schema.items) {
    return stringPlaces(schema.items, [...path, '0']).map((place) => ({ ...place, body: (v) => [place.body(v)] }));
  }
  const properties = Object.entries(schema.properties ?? {});
  const constants = Object.fromEntries(
    properties
      .filter(([, property]) => property.enum?.length === 1)
      .map(([key, property]) => [key, property.enum?.[0]]),
  );
  return properties.flatMap(([key, property]) =>
    stringPlaces(property, [...path, key]).map((place) => ({
      ...place,
      body: (v: string) => ({ ...constants, [key]: place.body(v) }),
    })),
  );
}

describe.each(TEST_DATABASE_KINDS)('the text rule and the date range, on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn(t.world.person.admin.email);
  });
  afterAll(() => t.close());

  it('refuses NUL in the public portal’s search, anonymously, in the caller’s language', async () => {
    for (const locale of ['vi', 'en', 'fr'] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/v1/feedback/public?q=%00',
        headers: { 'accept-language': locale },
      });
      expectFieldRefused(response, 'querystring.q', CONTROL[locale]);
    }
  });

  it('refuses NUL in the search of organizations, signed in or not', async () => {
    expectFieldRefused(await t.app.inject({ method: 'GET', url: '/api/v1/organizations?q=%00' }), 'querystring.q');
    expectFieldRefused(await admin.request({ method: 'GET', url: '/api/v1/organizations?q=H%00N' }), 'querystring.q');
    expect(
      (await admin.request({ method: 'GET', url: '/api/v1/organizations?q=H%C3%A0%20N%E1%BB%99i' })).statusCode,
    ).toBe(200);
  });

  it('refuses NUL in a feedback’s content and a lone surrogate in its title, and stores nothing', async () => {
    const nul = await t.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: { ...FEEDBACK, content: NUL } });
    expectFieldRefused(nul, 'body.content', CONTROL.vi);
    const surrogate = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'accept-language': 'en' },
      payload: { ...FEEDBACK, title: 'Rút gọn \ud800 hồ sơ' },
    });
    expectFieldRefused(surrogate, 'body.title', translate('en', 'error.text.lone_surrogate'));
    const stored = await t.database.db.selectFrom('feedback_item').select('id').execute();
    expect(stored).toEqual([]);
  });

  it('refuses NUL in an attachment’s file name, naming the file, and stores nothing', async () => {
    const boundary = 'text-rule-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${JSON.stringify(FEEDBACK)}\r\n`,
      ),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="bien\u0000ban.pdf"\r\n`),
      Buffer.from('Content-Type: application/pdf\r\n\r\n%PDF-1.4 minimal\r\n'),
      Buffer.from(`--${boundary}--\r\n`),
    ]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/with-attachments',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
    expectFieldRefused(response, 'files.0', CONTROL.vi);
    expect(await t.database.db.selectFrom('feedback_attachment').select('id').execute()).toEqual([]);
  });

  it('keeps tabs and line breaks in multi-line text, and refuses them in a single-line title', async () => {
    const multiLine = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { ...FEEDBACK, content: 'Dòng một\r\nDòng hai\tcột' },
    });
    expect(multiLine.statusCode, multiLine.body).toBe(201);
    const title = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      payload: { ...FEEDBACK, title: 'Dòng một\nDòng hai' },
    });
    expectFieldRefused(title, 'body.title', CONTROL.vi);
  });

  it('refuses a lone surrogate in a task’s title', async () => {
    const steering = await t.signIn(t.world.person.steering.email);
    const response = await steering.request({
      method: 'POST',
      url: '/api/v1/tasks',
      payload: { title: '\udc00 Chuyển đổi số', deadline: null, expectedOutput: 'report' },
    });
    expectFieldRefused(response, 'body.title', translate('vi', 'error.text.lone_surrogate'));
  });

  it('refuses NUL in an Open311 description, in Open311’s own error format', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      // An address of its own, so that the submissions of the other tests do not rate-limit it.
      remoteAddress: '192.0.2.77',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        'service_code=recommendation.institutions&description=Xin%00chao&first_name=An&phone=0912345678' +
        '&attribute[title]=Rut%20gon&attribute[submitter_kind]=citizen&locale=en',
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual([{ code: 400, description: `description: ${CONTROL.en}` }]);
  });

  it('bounds dates to 1900-01-01 … 2999-12-31: as_of=0000-01-01 is a 400 naming the range', async () => {
    for (const url of ['/api/v1/tasks?as_of=0000-01-01', '/api/v1/dashboard?as_of=0000-01-01']) {
      const response = await admin.request({ method: 'GET', url, headers: { 'accept-language': 'fr' } });
      expectFieldRefused(
        response,
        'querystring.as_of',
        translate('fr', 'error.date.out_of_range', { min: '1900-01-01', max: '2999-12-31' }),
      );
      expect(errorsOf(response)[0]?.message).toContain('2999-12-31');
    }
    expectFieldRefused(
      await admin.request({ method: 'GET', url: '/api/v1/tasks?as_of=3000-01-01' }),
      'querystring.as_of',
    );
    expectFieldRefused(
      await admin.request({ method: 'GET', url: '/api/v1/feedback/statistics?received_from=1899-12-31' }),
      'querystring.received_from',
    );
    const open311 = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z',
    });
    expect(open311.statusCode, open311.body).toBe(400);
    for (const url of ['/api/v1/tasks?as_of=2999-12-31', '/api/v1/dashboard?as_of=1900-01-01']) {
      const response = await admin.request({ method: 'GET', url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
  });

  it('words a malformed If-Match from the catalogue too, in the caller’s language', async () => {
    const response = await admin.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${t.world.org.hanoi.id}`,
      headers: { 'if-match': '"abc"', 'accept-language': 'fr' },
      payload: { nameEn: 'Hanoi' },
    });
    expectFieldRefused(response, 'headers.if-match', translate('fr', 'error.etag_expected'));
  });

  it('holds for every string parameter and body field of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, Operation>>;
    };
    let checked = 0;
    for (const [template, methods] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const pathParams = (operation.parameters ?? []).filter((p) => p.in === 'path');
        const urlWith = (name?: string) =>
          pathParams.reduce(
            (url, p) =>
              url.replace(
                `{${p.name}}`,
                p.name === name ? 'a%00b' : p.schema?.type === 'integer' ? '2026' : crypto.randomUUID(),
              ),
            template,
          );
        const send = (url: string, payload?: unknown) =>
          t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            ...(payload !== undefined ? { payload: payload as object } : {}),
          });
        for (const p of pathParams.filter((p) => p.schema?.type === 'string')) {
          expectFieldRefused(await send(urlWith(p.name)), `params.${p.name}`);
          checked += 1;
        }
        for (const p of (operation.parameters ?? []).filter((p) => p.in === 'query' && p.schema?.type === 'string')) {
          expectFieldRefused(await send(`${urlWith()}?${p.name}=a%00b`), `querystring.${p.name}`);
          checked += 1;
        }
        const body = operation.requestBody?.content?.['application/json']?.schema;
        for (const place of body ? stringPlaces(body) : []) {
          const path = ['body', ...place.path].join('.');
          expectFieldRefused(await send(urlWith(), place.body(NUL)), path, place.free ? CONTROL.vi : undefined);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });

  it('holds for every parameter of Open311, form and query alike', async () => {
    const properties = (schema: z.ZodType) =>
      Object.entries((z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema).properties ?? {});
    for (const [name, property] of properties(Open311SubmissionSchema)) {
      const names =
        property.type === 'object' ? Object.keys(property.properties ?? {}).map((key) => `attribute[${key}]`) : [name];
      for (const parameter of names) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: `${encodeURIComponent(parameter)}=a%00b`,
        });
        expect(response.statusCode, `${parameter}: ${response.body}`).toBe(400);
        const descriptions = (response.json() as Array<{ description: string }>).map((error) => error.description);
        expect(
          descriptions.some((d) => d.startsWith(`${parameter}: `)),
          `${parameter}: ${response.body}`,
        ).toBe(true);
      }
    }
    for (const [schema, url] of [
      [Open311RequestsQuerySchema, '/open311/v2/requests.json'],
      [Open311CommonQuerySchema, '/open311/v2/services.json'],
    ] as const) {
      for (const [name] of properties(schema)) {
        const response = await t.app.inject({ method: 'GET', url: `${url}?${name}=a%00b` });
        expect(response.statusCode, `${name}: ${response.body}`).toBe(400);
        expect(response.body, name).toContain(`${name}: `);
      }
    }
  });
});
