import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackContact, FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import type { Open311Request, Open311RequestReceipt } from '../../../shared/schemas/open311.ts';
import { addRootHandler, feedbackItemId } from '../../testing/feedback-test-support.ts';
import { specViolations, xmlParser } from '../../testing/open311-spec.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

/**
 * What Open311 clients nobody here wrote send and expect (decision 0027): the SeeClickFix
 * validator, the Code for America node and Java clients, a browser page on another origin.
 */
const MINIMAL = {
  service_code: 'feedback.public_services',
  lat: '21.0285',
  long: '105.8542',
  description: 'Cống thoát nước trước số 12 Hàng Bông bị tắc từ tuần trước.',
};
/** The instant format of the spec's examples: whole seconds, the committee's offset. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;

let address = 0;
const nextAddress = () => {
  address += 1;
  return `10.41.${Math.floor(address / 250)}.${address % 250}`;
};

describe.each(TEST_DATABASE_KINDS)('Open311 for clients nobody here wrote, on %s', (kind) => {
  let t: TestApp;
  let triage: TestClient;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const postForm = (url: string, fields: Record<string, string>, app = t) =>
    app.app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: nextAddress(),
    });
  const receiptOf = (response: LightMyRequestResponse) => {
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Open311RequestReceipt[])[0]!;
  };
  const errorsOf = (response: LightMyRequestResponse) => response.json() as { code: number; description: string }[];
  const detailOf = async (trackingCode: string) =>
    (
      await triage.request({ method: 'GET', url: `/api/v1/feedback/${await feedbackItemId(t, trackingCode)}` })
    ).json() as FeedbackDetail;

  beforeAll(async () => {
    t = await createTestApp(kind);
    triage = await t.signIn((await addRootHandler(t, 'open311-clients@test.steerboard.vn')).email);
  });
  afterAll(() => t.close());

  it('accepts the minimal request the spec allows, marked as having no contact', async () => {
    const receipt = receiptOf(await postForm('/open311/v2/requests.json', MINIMAL));
    expect(specViolations('RequestResponse', receipt)).toEqual([]);
    const detail = await detailOf(receipt.service_request_id);
    expect(detail).toMatchObject({
      hasContact: false,
      content: MINIMAL.description,
      location: { latitude: 21.0285, longitude: 105.8542 },
    });
    const contact = await triage.request({ method: 'GET', url: `/api/v1/feedback/${detail.id}/contact` });
    expect(contact.json() as FeedbackContact).toEqual({ submitterName: '', phone: null, email: null });
    // A family name alone, without first_name (optional in the spec), is a name.
    const named = receiptOf(
      await postForm('/open311/v2/requests.json', { ...MINIMAL, last_name: 'Lê', email: 'le@example.vn' }),
    );
    expect(await detailOf(named.service_request_id)).toMatchObject({ hasContact: true });
  });

  it('writes W3C date-times without fractions, in +07:00, at the instant received', async () => {
    const before = Math.floor(Date.now() / 1000) * 1000;
    const receipt = receiptOf(await postForm('/open311/v2/requests.json', MINIMAL));
    const [request] = (await get(`/open311/v2/requests/${receipt.service_request_id}.json`)).json() as Open311Request[];
    expect(specViolations('Request', request)).toEqual([]);
    for (const value of [request!.requested_datetime, request!.updated_datetime, request!.expected_datetime]) {
      expect(value).toMatch(W3C_DATETIME);
    }
    const detail = await detailOf(receipt.service_request_id);
    expect(Date.parse(request!.requested_datetime)).toBe(Math.floor(Date.parse(detail.receivedAt) / 1000) * 1000);
    expect(Date.parse(request!.requested_datetime)).toBeGreaterThanOrEqual(before);
  });

  it('ignores parameters it does not know, in readings and in submissions', async () => {
    for (const url of [
      '/open311/v2/requests.json?_=1733220000000&extensions=true&radius=500&zipcode=100000',
      '/open311/v2/services.json?_=1733220000000',
      '/open311/v2/discovery.xml?_=1',
      '/open311/v2/services/feedback.data.json?_=1',
    ]) {
      const response = await get(url);
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
    const receipt = receiptOf(
      await postForm('/open311/v2/requests.json', { ...MINIMAL, zipcode: '100000', email_alerts_requested: 'true' }),
    );
    expect((await get(`/open311/v2/requests/${receipt.service_request_id}.json?_=2`)).statusCode).toBe(200);
  });

  it('returns the media_url given, and shows it to the handler', async () => {
    const mediaUrl = 'https://example.org/anh/cong-tac.jpg';
    const receipt = receiptOf(await postForm('/open311/v2/requests.json', { ...MINIMAL, media_url: mediaUrl }));
    const [request] = (await get(`/open311/v2/requests/${receipt.service_request_id}.json`)).json() as Open311Request[];
    expect(request).toMatchObject({ media_url: mediaUrl });
    expect(specViolations('Request', request)).toEqual([]);
    const xml = xmlParser.parse((await get(`/open311/v2/requests/${receipt.service_request_id}.xml`)).body);
    expect(xml.service_requests.request[0].media_url).toBe(mediaUrl);
    expect(await detailOf(receipt.service_request_id)).toMatchObject({ mediaUrl, content: MINIMAL.description });
  });

  it('finds nothing, rather than refusing, for an id of another shape', async () => {
    const receipt = receiptOf(await postForm('/open311/v2/requests.json', MINIMAL));
    for (const url of ['/open311/v2/requests/638344.json', '/open311/v2/tokens/abc-123.json']) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(errorsOf(response)[0]?.code).toBe(404);
    }
    const xml = await get('/open311/v2/requests/638344.xml');
    expect(xmlParser.parse(xml.body).errors.error[0].code).toBe('404');
    const list = await get(`/open311/v2/requests.json?service_request_id=638344,${receipt.service_request_id}`);
    expect(list.statusCode).toBe(200);
    expect((list.json() as Open311Request[]).map((request) => request.service_request_id)).toEqual([
      receipt.service_request_id,
    ]);
    expect((await get('/open311/v2/requests.json?service_request_id=638344')).json()).toEqual([]);
  });

  it('answers unrouted paths in its error format, JSON or XML by extension', async () => {
    const cases: [string, string, 'json' | 'xml'][] = [
      ['GET', '/open311/v2/nothing.xml', 'xml'],
      ['GET', '/open311/v2/nothing.json', 'json'],
      ['GET', '/open311/v2/requests', 'json'],
      ['PUT', '/open311/v2/requests.xml', 'xml'],
      ['DELETE', '/open311/v2/requests/PA-0000000000.json', 'json'],
      ['GET', '/open311/georeport/v2/services.xml', 'xml'],
    ];
    for (const [method, url, format] of cases) {
      const response = await t.app.inject({ method: method as 'GET', url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      if (format === 'xml') {
        expect(response.headers['content-type']).toContain('text/xml');
        expect(xmlParser.parse(response.body).errors.error[0].code).toBe('404');
      } else {
        expect(errorsOf(response)).toEqual([{ code: 404, description: expect.any(String) }]);
      }
    }
  });

  it('accepts a multipart form, and refuses a file in it (media come as a link)', async () => {
    const boundary = '----open311-client';
    const part = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const body = (extra = '') =>
      Object.entries({ ...MINIMAL, 'attribute[title]': 'Cống tắc' })
        .map(([name, value]) => part(name, value))
        .join('') + `${extra}--${boundary}--\r\n`;
    const send = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
        remoteAddress: nextAddress(),
      });
    const receipt = receiptOf(await send(body()));
    expect(await detailOf(receipt.service_request_id)).toMatchObject({ title: 'Cống tắc', hasContact: false });
    const file = `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nJPEG\r\n`;
    const refused = await send(body(file));
    expect(refused.statusCode).toBe(415);
    expect(errorsOf(refused)[0]?.description).toMatch(/^media: .*media_url/);
  });

  it('allows browser clients from any origin on Open311 only, without credentials', async () => {
    const origin = 'https://map.example.org';
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/open311/v2/requests.json',
      headers: { origin, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('*');
    const methods = String(preflight.headers['access-control-allow-methods']).split(',');
    expect(methods.map((method) => method.trim())).toEqual(['GET', 'POST']);
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    const services = await get('/open311/v2/services.json', { origin });
    expect(services.headers['access-control-allow-origin']).toBe('*');
    const api = await get('/api/v1/health', { origin });
    expect(api.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a wrong api_key with 403, accepts a valid API token, and none at all', async () => {
    const wrong = await get('/open311/v2/services.json?api_key=not-a-token');
    expect(wrong.statusCode).toBe(403);
    expect(errorsOf(wrong)[0]?.description).toMatch(/^api_key: /);
    const wrongPost = await postForm('/open311/v2/requests.xml', { ...MINIMAL, api_key: 'sbt_wrong' });
    expect(wrongPost.statusCode).toBe(403);
    expect(xmlParser.parse(wrongPost.body).errors.error[0].code).toBe('403');
    const integrator = await t.signIn(t.world.person.handler.email);
    const created = await integrator.request({
      method: 'POST',
      url: '/api/v1/auth/tokens',
      payload: { name: 'Cổng thành phố', expiresInDays: 30 },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { token } = created.json() as { token: string };
    receiptOf(await postForm('/open311/v2/requests.json', { ...MINIMAL, api_key: token }));
    expect((await get(`/open311/v2/requests.json?api_key=${encodeURIComponent(token)}`)).statusCode).toBe(200);
  });
});

describe('Open311 where the deployment requires a contact (OPEN311_REQUIRE_CONTACT)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { OPEN311_REQUIRE_CONTACT: 'true' });
  });
  afterAll(() => t.close());

  it('refuses a request without phone or e-mail in Open311’s error format, and takes one with', async () => {
    const post = (fields: Record<string, string>, format = 'json') =>
      t.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}?locale=en`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams(fields).toString(),
        remoteAddress: '10.42.0.1',
      });
    const refused = await post(MINIMAL);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual([{ code: 400, description: 'phone: Give a phone number or an e-mail address.' }]);
    const xml = await post(MINIMAL, 'xml');
    expect(xmlParser.parse(xml.body).errors.error[0].description).toMatch(/^phone: /);
    expect((await post({ ...MINIMAL, email: 'an@example.vn' })).statusCode).toBe(200);
  });
});
