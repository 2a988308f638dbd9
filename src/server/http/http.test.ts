import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../shared/i18n/index.ts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../testing/test-database.ts';

/** Every refusal is RFC 9457 problem+json, never a 500, never a stack trace. */
function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const problem = response.json();
  expect(problem).toMatchObject({ type: `https://steerboard.dev/problems/${code}`, status, code });
  expect(typeof problem.title).toBe('string');
  expect(typeof problem.detail).toBe('string');
  expect(response.body).not.toMatch(/\.ts:\d+|node_modules|stack/);
  return problem as { title: string; detail: string; errors?: Array<{ path: string; message: string }> };
}

describe.each(TEST_DATABASE_KINDS)('HTTP conventions on %s', (kind) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.signIn(t.world.person.admin.email);
  });
  afterAll(() => t.close());

  const postJson = (payload: string, headers: Record<string, string> = {}) =>
    admin.request({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: { 'content-type': 'application/json', ...headers },
      payload,
    });

  describe('malformed and oversized bodies', () => {
    it.each([
      ['a truncated object', '{"code": "X", '],
      ['a bare word', 'hello'],
      ['a trailing comma', '{"code": "X",}'],
    ])('refuses %s as invalid_json (400)', async (_what, body) => {
      expectProblem(await postJson(body), 400, 'invalid_json');
    });

    it('refuses an empty JSON body as invalid_json (400)', async () => {
      expectProblem(await postJson(''), 400, 'invalid_json');
    });

    it('refuses malformed JSON before authentication gets a say, still as problem+json', async () => {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      expectProblem(response, 400, 'invalid_json');
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const big = JSON.stringify({
        code: 'BIG',
        kind: 'ward',
        nameVi: 'x'.repeat(1024 * 1024),
        nameEn: 'x',
        parentId: t.world.org.hanoi.id,
      });
      expectProblem(await postJson(big), 413, 'payload_too_large');
      expect((await admin.request({ method: 'GET', url: '/api/v1/organizations/BIG' })).statusCode).toBe(404);
    });

    it('accepts a body just under 1 MiB (and then validates it)', async () => {
      const body = JSON.stringify({
        code: 'BIG',
        kind: 'ward',
        nameVi: 'x'.repeat(1024 * 1024 - 200),
        nameEn: 'x',
        parentId: t.world.org.hanoi.id,
      });
      expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
      const problem = expectProblem(await postJson(body), 400, 'validation');
      expect(problem.errors?.map((error) => error.path)).toContain('body.nameVi');
    });

    it('refuses a content type it does not parse with 415', async () => {
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { 'content-type': 'text/csv' },
        payload: 'a,b',
      });
      expectProblem(response, 415, 'unsupported_media_type');
    });

    it('reads a gzip body as its JSON, and refuses an encoding it does not know with 415', async () => {
      const invalid = { code: '', nameVi: '' };
      const gzipped = await admin.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        payload: gzipSync(JSON.stringify(invalid)),
      });
      // Read as JSON, then validated: the same refusal as the plain body's.
      expectProblem(gzipped, 400, 'validation');
      const unknown = await postJson(JSON.stringify(invalid), { 'content-encoding': 'x-unknown' });
      expectProblem(unknown, 415, 'unsupported_media_type');
    });

    it('counts the 1 MiB limit on what a compressed body holds, not on its compressed size', async () => {
      const bomb = gzipSync(JSON.stringify({ code: 'x', nameVi: 'a'.repeat(2 * 1024 * 1024) }));
      expect(bomb.length).toBeLessThan(64 * 1024);
      const response = await admin.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        payload: bomb,
      });
      expectProblem(response, 413, 'payload_too_large');
    });
  });

  describe('unknown routes', () => {
    it.each([
      ['GET', '/api/v1/nothing-here'],
      ['POST', '/api/v1/organizations/01/merge'],
      ['DELETE', '/api/v1/organizations'],
      ['GET', '/api/v2/organizations'],
    ] as const)('answers %s %s with 404 problem+json', async (method, url) => {
      const problem = expectProblem(await admin.request({ method, url }), 404, 'not_found');
      expect(problem.detail).toBe(CATALOGUES.vi['error.not_found']);
    });

    it('answers an unknown route the same to an anonymous caller', async () => {
      expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' }), 404, 'not_found');
    });
  });

  describe('localized problems', () => {
    const unknown = (acceptLanguage?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/v1/nothing-here',
        headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {},
      });

    it.each([
      [undefined, 'vi'],
      ['vi-VN', 'vi'],
      ['en', 'en'],
      ['en-GB,en;q=0.9', 'en'],
      ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
      ['de-DE,fr;q=0.5', 'fr'],
      ['de, ja', 'vi'],
    ] as const)('Accept-Language %s → %s', async (header, locale) => {
      const problem = expectProblem(await unknown(header), 404, 'not_found');
      expect(problem.detail).toBe(CATALOGUES[locale]['error.not_found']);
      expect(problem.title).toBe(CATALOGUES[locale]['error.not_found']);
    });

    it('localizes validation, authentication, JSON and 412 problems too', async () => {
      const invalid = await postJson('{', { 'accept-language': 'fr' });
      expect(expectProblem(invalid, 400, 'invalid_json').detail).toBe(CATALOGUES.fr['error.invalid_json']);
      const anonymous = await t.app.inject({
        method: 'GET',
        url: '/api/v1/people',
        headers: { 'accept-language': 'en' },
      });
      expect(expectProblem(anonymous, 401, 'unauthenticated').detail).toBe(CATALOGUES.en['error.unauthenticated']);
      const stale = await admin.request({
        method: 'PATCH',
        url: `/api/v1/organizations/${t.world.org.hcm.id}`,
        headers: { 'if-match': '"9"', 'accept-language': 'en' },
        payload: { nameEn: 'HCMC' },
      });
      expect(expectProblem(stale, 412, 'conflict').detail).toBe(CATALOGUES.en['error.conflict']);
      const duplicate = await admin.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { 'accept-language': 'en' },
        payload: { code: '01', kind: 'city', nameVi: 'A', nameEn: 'A', parentId: t.world.org.root.id },
      });
      expect(expectProblem(duplicate, 409, 'duplicate').detail).toBe('This code is already used.');
    });
  });

  describe('health', () => {
    it('reports the database up, with its kind, to anyone', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      const health = response.json();
      expect(health).toMatchObject({ status: 'ok', database: { status: 'up', kind } });
      expect(health.database.latencyMs).toBeGreaterThanOrEqual(0);
    });

    it('sets security headers', async () => {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });

  describe('compression', () => {
    // The OpenAPI document: a JSON answer of some 300 kB.
    const openApiDocument = (acceptEncoding?: string) =>
      admin.request({
        method: 'GET',
        url: '/api/v1/openapi.json',
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });

    it('compresses a JSON answer as the client accepts, to the same JSON', async () => {
      const plain = await openApiDocument();
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.length).toBeGreaterThan(1024);
      for (const [encoding, decode] of [
        ['br', brotliDecompressSync],
        ['gzip', gunzipSync],
      ] as const) {
        const compressed = await openApiDocument(`${encoding}, deflate`);
        expect(compressed.statusCode).toBe(200);
        expect(compressed.headers['content-encoding']).toBe(encoding);
        expect(compressed.headers.vary).toMatch(/accept-encoding/i);
        expect(compressed.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
        expect(JSON.parse(decode(compressed.rawPayload).toString('utf8'))).toEqual(plain.json());
      }
    });

    it('leaves small answers and problems readable as they are', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
      expect(health.headers['content-encoding']).toBeUndefined();
      const problem = await admin.request({
        method: 'GET',
        url: '/api/v1/organizations/not-a-code-at-all',
        headers: { 'accept-encoding': 'br' },
      });
      expect(problem.headers['content-encoding']).toBeUndefined();
      expectProblem(problem, 404, 'not_found');
    });
  });
});
