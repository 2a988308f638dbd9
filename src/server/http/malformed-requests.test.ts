import { connect } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * Requests refused before any route's schema sees them: by the router (a percent-encoding that is
 * not UTF-8, a path parameter too long), by the body parsers (malformed JSON or multipart, too
 * large, of an unknown type) and by Node's HTTP parser. Each answers problem+json in the caller's
 * language (Open311: its own error document), never Fastify's plain JSON nor a 500 (decision 0017).
 */
function expectProblem(
  response: LightMyRequestResponse,
  status: number,
  code: string,
  locale: 'vi' | 'en' | 'fr' = 'vi',
) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
  expect(response.json()).toMatchObject({
    status,
    code,
    title: translate(locale, `error.${code}` as 'error.validation'),
  });
}

const LONG_ID = 'a'.repeat(150);

describe('malformed requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite');
  });
  afterAll(() => t.close());

  it('answers a percent-encoding that is not UTF-8 with problem details in the caller’s language', async () => {
    const english = await t.app.inject({
      method: 'GET',
      url: '/api/v1/%E0%A4%A',
      headers: { 'accept-language': 'en' },
    });
    expectProblem(english, 400, 'invalid_url', 'en');
    const french = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tasks/%ED%A0%80',
      headers: { 'accept-language': 'fr' },
    });
    expectProblem(french, 400, 'invalid_url', 'fr');
  });

  it('answers a path parameter too long for the router with 414 problem details', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/tasks/${LONG_ID}` }), 414, 'uri_too_long');
    expectProblem(
      await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${LONG_ID}`, payload: {} }),
      414,
      'uri_too_long',
    );
  });

  it('answers the same refusals on Open311 in its own error format, in the format the URL asked for', async () => {
    const json = await t.app.inject({ method: 'GET', url: '/open311/v2/requests/%E0%A4%A.json?locale=en' });
    expect(json.statusCode).toBe(400);
    expect(json.headers['content-type']).toContain('application/json');
    expect(json.json()).toEqual([{ code: 400, description: translate('vi', 'error.invalid_url') }]);
    const xml = await t.app.inject({ method: 'GET', url: `/open311/v2/requests/${LONG_ID}.xml` });
    expect(xml.statusCode).toBe(414);
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toContain(`<error><code>414</code><description>${translate('vi', 'error.uri_too_long')}`);
    // Under /open311/ but outside v2 (`..` resolved by the client): still Open311's format.
    const outside = await t.app.inject({ method: 'GET', url: '/open311/v2/tokens/../../etc/passwd' });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual([{ code: 404, description: translate('vi', 'error.not_found') }]);
  });

  it('answers malformed, oversized and unknown bodies with problem details', async () => {
    const post = (payload: string | Buffer, contentType: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        headers: { 'content-type': contentType, 'accept-language': 'en' },
        payload,
      });
    expectProblem(await post('{"title":', 'application/json'), 400, 'invalid_json', 'en');
    expectProblem(await post('<a/>', 'application/xml'), 415, 'unsupported_media_type', 'en');
    expectProblem(await post(`"${'a'.repeat(1_100_000)}"`, 'application/json'), 413, 'payload_too_large', 'en');
  });

  it('answers a malformed multipart form with 400 problem details, not a 500', async () => {
    const form = (contentType: string, body: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback/with-attachments',
        headers: { 'content-type': contentType },
        payload: body,
      });
    const part = '--b\r\nContent-Disposition: form-data; name="submission"\r\n\r\n{}\r\n';
    // No boundary named; a form that stops before its closing boundary.
    expectProblem(await form('multipart/form-data', `${part}--b--\r\n`), 400, 'invalid_multipart');
    expectProblem(await form('multipart/form-data; boundary=b', part), 400, 'invalid_multipart');
    expectProblem(await form('multipart/form-data; boundary=b', '--b--\r\n'), 400, 'validation');
  });

  it('answers what Node’s HTTP parser refuses with problem details on the socket', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = new URL(address);
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port: Number(port) }, () => socket.end(request));
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
      });
    const broken = await raw('GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nNo colon here\r\n\r\n');
    expect(broken).toMatch(/^HTTP\/1\.1 400 /);
    expect(broken).toContain('Content-Type: application/problem+json; charset=utf-8');
    const body = broken.slice(broken.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body)).toMatchObject({
      status: 400,
      code: 'bad_request',
      title: translate('vi', 'error.bad_request'),
    });
    expect(broken).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    const huge = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'headers_too_large',
    });
  });
});
