import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import type { Open311Request, Open311RequestReceipt } from '../../../shared/schemas/open311.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { addRootHandler, feedbackItemId } from '../../testing/feedback-test-support.ts';
import { specViolations, xmlParser } from '../../testing/open311-spec.ts';

let counter = 0;
/** A complete form as a GeoReport client sends it, each with its own phone (per-contact limits). */
function form(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  counter += 1;
  const fields: Record<string, string | undefined> = {
    service_code: 'feedback.public_services',
    description: `Thủ tục cấp phép số ${counter} đã quá hạn ba tuần.\nHồ sơ nộp tại phường từ tháng trước.`,
    first_name: 'Văn An',
    last_name: 'Nguyễn',
    phone: `09${String(20_000_000 + counter * 7919).slice(-8)}`,
    lat: '21.0285',
    long: '105.8542',
    address_string: 'Hoàn Kiếm, Hà Nội',
    'attribute[consent_to_publish]': 'yes',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

let address = 0;

describe.each(TEST_DATABASE_KINDS)('Open311 GeoReport v2 on %s', (kind) => {
  let t: TestApp;
  let triage: TestClient;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const post = (format: 'json' | 'xml', fields: Record<string, string>, ip?: string) => {
    address += 1;
    return t.app.inject({
      method: 'POST',
      url: `/open311/v2/requests.${format}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
      remoteAddress: ip ?? `10.31.${Math.floor(address / 250)}.${address % 250}`,
    });
  };
  const submitted = async (fields = form()) => {
    const response = await post('json', fields);
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Open311RequestReceipt[])[0]!;
  };
  const errorsOf = (response: LightMyRequestResponse) => response.json() as { code: number; description: string }[];

  /** A handler's step through the feedback API, with If-Match as the screens send it. */
  const act = async (id: string, payload: Record<string, unknown>) => {
    const { version } = (
      await triage.request({ method: 'GET', url: `/api/v1/feedback/${id}` })
    ).json() as FeedbackDetail;
    const response = await triage.request({
      method: 'POST',
      url: `/api/v1/feedback/${id}/transitions`,
      headers: { 'if-match': `"${version}"` },
      payload,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FeedbackDetail;
  };
  const idOf = (trackingCode: string) => feedbackItemId(t, trackingCode);

  beforeAll(async () => {
    t = await createTestApp(kind);
    triage = await t.signIn((await addRootHandler(t, 'open311-triage@test.steerboard.vn')).email);
  });
  afterAll(() => t.close());

  it('publishes a discovery document in JSON and XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      endpoints: [{ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] }],
    });
    expect(json.json().endpoints[0].url).toMatch(/^http:\/\/.+\/open311\/v2$/);
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xmlParser.parse(xml.body).discovery.endpoints.endpoint[0].formats.format).toEqual([
      'application/json',
      'text/xml',
    ]);
  });

  it('lists one service per type and field, valid for the spec, named in the caller’s language', async () => {
    const vi = await get('/open311/v2/services.json');
    expect(vi.statusCode).toBe(200);
    const services = vi.json() as Record<string, unknown>[];
    expect(services).toHaveLength(4 * 9);
    for (const service of services) expect(specViolations('Service', service)).toEqual([]);
    // The validator is not vacuous: a wrong type, a missing field and an invented one are all caught.
    expect(specViolations('Service', { service_code: 'x', type: 'weekly', colour: 'red' })).toHaveLength(3);
    expect(services.find((service) => service.service_code === 'feedback.data')).toMatchObject({
      service_name: 'Phản ánh — Dữ liệu',
      metadata: true,
      type: 'realtime',
    });
    const en = (await get('/open311/v2/services.json?locale=en')).json() as Record<string, unknown>[];
    expect(en.find((service) => service.service_code === 'feedback.data')?.service_name).toBe('Feedback — Data');
    const fr = await get('/open311/v2/services.xml', { 'accept-language': 'fr-FR,fr;q=0.9' });
    const xmlServices = xmlParser.parse(fr.body).services.service as Record<string, string>[];
    expect(xmlServices).toHaveLength(36);
    expect(xmlServices.find((service) => service.service_code === 'initiative.data')).toMatchObject({
      metadata: 'true',
      group: 'Initiative',
    });
  });

  it('defines the attributes of a service, and refuses an unknown one in the spec’s error format', async () => {
    const response = await get('/open311/v2/services/solution.digital_infrastructure.json?locale=en');
    expect(response.statusCode).toBe(200);
    const definition = response.json();
    expect(specViolations('ServiceDefinition', definition)).toEqual([]);
    expect(definition.attributes.map((attribute: { code: string }) => attribute.code)).toEqual([
      'title',
      'submitter_kind',
      'consent_to_publish',
      'organization',
    ]);
    const xml = xmlParser.parse((await get('/open311/v2/services/solution.data.xml')).body);
    const kinds = xml.service_definition.attributes.attribute[1].values.value;
    expect(kinds.map((value: { key: string }) => value.key)).toEqual([
      'citizen',
      'business',
      'scientist',
      'organization',
    ]);

    const unknown = await get('/open311/v2/services/complaint.data.json');
    expect(unknown.statusCode).toBe(404);
    expect(errorsOf(unknown)).toEqual([{ code: 404, description: expect.stringContaining('complaint.data') }]);
    const unknownXml = await get('/open311/v2/services/complaint.data.xml');
    expect(xmlParser.parse(unknownXml.body).errors.error[0].code).toBe('404');
    expect((await get('/open311/v2/services.html')).statusCode).toBe(404);
  });

  it('receives a form, follows it by id and token, and shows the handler’s answer — never the contact', async () => {
    const fields = form({ email: 'An.Nguyen@Example.vn' });
    const receipt = await submitted(fields);
    expect(specViolations('RequestResponse', receipt)).toEqual([]);
    expect(receipt.service_request_id).toMatch(/^PA-[0-9A-Z]{10}$/);
    const id = await idOf(receipt.service_request_id);
    const detail = (await triage.request({ method: 'GET', url: `/api/v1/feedback/${id}` })).json() as FeedbackDetail;
    expect(detail).toMatchObject({
      type: 'feedback',
      field: 'public_services',
      title: `Thủ tục cấp phép số ${counter} đã quá hạn ba tuần.`,
      submitterKind: 'citizen',
      consentToPublish: true,
      location: { latitude: 21.0285, longitude: 105.8542, address: 'Hoàn Kiếm, Hà Nội' },
    });
    const contact = await triage.request({ method: 'GET', url: `/api/v1/feedback/${id}/contact` });
    expect(contact.json()).toMatchObject({ submitterName: 'Nguyễn Văn An', email: 'an.nguyen@example.vn' });
    const audited = await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audited.map((row) => row.action)).toContain('feedback.submitted');

    const token = await get(`/open311/v2/tokens/${receipt.token}.json`);
    expect(token.json()).toEqual([{ service_request_id: receipt.service_request_id, token: receipt.token }]);
    for (const item of token.json()) expect(specViolations('TokenResponse', item)).toEqual([]);

    const before = (await get(`/open311/v2/requests/${receipt.service_request_id}.json`)).json() as Open311Request[];
    expect(before).toHaveLength(1);
    expect(specViolations('Request', before[0])).toEqual([]);
    expect(before[0]).toMatchObject({ status: 'open', lat: 21.0285, long: 105.8542, address: 'Hoàn Kiếm, Hà Nội' });
    expect(before[0]?.status_notes).toBeUndefined();

    await act(id, { action: 'accept' });
    await act(id, { action: 'assign', organizationId: t.world.org.hanoi.id });
    const answer = 'Phường đã cấp phép ngày 15/3; hồ sơ chậm do thiếu bản vẽ.';
    await act(id, { action: 'answer', answer });
    await triage.request({ method: 'POST', url: `/api/v1/feedback/${id}/notes`, payload: { body: 'Số máy lẻ 204' } });

    const after = await get(`/open311/v2/requests/${receipt.service_request_id.toLowerCase()}.json?locale=en`);
    const [request] = after.json() as Open311Request[];
    expect(specViolations('Request', request)).toEqual([]);
    expect(request).toMatchObject({ status: 'closed', status_notes: answer, agency_responsible: 'Hanoi' });
    // Whole seconds: the answer may come within the second of the receipt.
    expect(Date.parse(request!.updated_datetime)).toBeGreaterThanOrEqual(Date.parse(request!.requested_datetime));
    expect(request!.expected_datetime).toBe(`${detail.answerDueOn}T23:59:59+07:00`);
    const xml = await get(`/open311/v2/requests/${receipt.service_request_id}.xml`);
    expect(xmlParser.parse(xml.body).service_requests.request[0]).toMatchObject({
      status: 'closed',
      status_notes: answer,
    });
    for (const body of [after.body, xml.body]) {
      for (const secret of [fields.phone!, 'an.nguyen@example.vn', 'Văn An', 'Số máy lẻ 204']) {
        expect(body.toLowerCase()).not.toContain(secret.toLowerCase());
      }
    }
  });

  it('lists only published requests without codes, with filters; codes override them', async () => {
    const published = await submitted();
    const unpublished = await submitted(form({ 'attribute[consent_to_publish]': 'no' }));
    const publishedId = await idOf(published.service_request_id);
    await act(publishedId, { action: 'accept' });
    await act(publishedId, { action: 'assign', organizationId: t.world.org.hanoi.id });
    await act(publishedId, { action: 'answer', answer: 'Đã xử lý.' });
    const { version } = (
      await triage.request({ method: 'GET', url: `/api/v1/feedback/${publishedId}` })
    ).json() as FeedbackDetail;
    const publication = await triage.request({
      method: 'PUT',
      url: `/api/v1/feedback/${publishedId}/publication`,
      headers: { 'if-match': `"${version}"` },
      payload: { isPublished: true },
    });
    expect(publication.statusCode, publication.body).toBe(200);

    const codes = (response: LightMyRequestResponse) =>
      (response.json() as Open311Request[]).map((request) => request.service_request_id);
    const list = await get('/open311/v2/requests.json');
    expect(list.statusCode, list.body).toBe(200);
    for (const request of list.json()) expect(specViolations('Request', request)).toEqual([]);
    expect(codes(list)).toContain(published.service_request_id);
    expect(codes(list)).not.toContain(unpublished.service_request_id);
    expect(list.json()[0].description).toContain('đã quá hạn ba tuần.\nHồ sơ');

    expect(codes(await get('/open311/v2/requests.json?status=open'))).not.toContain(published.service_request_id);
    expect(codes(await get('/open311/v2/requests.json?status=closed'))).toContain(published.service_request_id);
    expect(codes(await get('/open311/v2/requests.json?service_code=feedback.data'))).toEqual([]);
    expect(codes(await get('/open311/v2/requests.json?start_date=2020-01-01&end_date=2020-02-01'))).toEqual([]);
    const both = await get(
      `/open311/v2/requests.json?service_request_id=${published.service_request_id},${unpublished.service_request_id}&status=open`,
    );
    expect(codes(both).sort()).toEqual([published.service_request_id, unpublished.service_request_id].sort());
    const xml = xmlParser.parse((await get('/open311/v2/requests.xml?status=closed')).body);
    expect(
      xml.service_requests.request.map((request: { service_request_id: string }) => request.service_request_id),
    ).toContain(published.service_request_id);

    const tooLong = await get(
      '/open311/v2/requests.json?start_date=2025-01-01T00:00:00Z&end_date=2025-06-01T00:00:00Z',
    );
    expect(tooLong.statusCode).toBe(400);
    expect(errorsOf(tooLong)[0]?.description).toContain('end_date');
    expect((await get('/open311/v2/requests.json?status=pending')).statusCode).toBe(400);
    expect((await get('/open311/v2/requests/PA-0000000000.json')).statusCode).toBe(404);
    // An id of another shape names no request of ours: not found, as any other unknown id.
    expect((await get('/open311/v2/requests/abc.json')).statusCode).toBe(404);
    expect((await get('/open311/v2/tokens/PA-0000000000.xml')).statusCode).toBe(404);
  });

  it.each([
    ['an unknown service_code', { service_code: 'complaint.data' }, 'service_code'],
    ['no description', { description: undefined }, 'description'],
    ['a phone that is not Vietnamese', { phone: '12' }, 'phone'],
    ['a latitude out of range', { lat: '91' }, 'lat'],
    ['a longitude that is not a number', { long: 'east' }, 'long'],
    ['an unknown attribute', { 'attribute[priority]': 'high' }, 'attribute'],
    ['an unknown submitter kind', { 'attribute[submitter_kind]': 'robot' }, 'attribute[submitter_kind]'],
    ['an unknown organization', { 'attribute[organization]': 'XX-99' }, 'attribute[organization]'],
  ])('refuses %s with 400 naming it', async (_, overrides, field) => {
    const response = await post('json', form(overrides));
    expect(response.statusCode, response.body).toBe(400);
    const errors = errorsOf(response);
    expect(errors.every((error) => error.code === 400 && error.description.length > field.length + 3)).toBe(true);
    expect(errors.some((error) => error.description.startsWith(field))).toBe(true);
  });

  it('answers errors in XML for .xml, in the caller’s language', async () => {
    const response = await post('xml', form({ description: undefined, locale: 'en' }));
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('text/xml');
    const [error] = xmlParser.parse(response.body).errors.error;
    expect(error.code).toBe('400');
    expect(error.description).toMatch(/^description: /);
  });

  it('accepts JSON too, names the organization concerned, and keeps XML well-formed whatever is typed', async () => {
    const tricky = 'Ống <cống> & "rãnh" \u0001 tràn ra đường';
    const response = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      payload: {
        // A control character is refused on the way in (decision 0017); the stored title below still has one.
        ...form({ description: tricky.replace('\u0001', '') }),
        'attribute[organization]': '01',
        attribute: { submitter_kind: 'business', title: 'Ống cống tràn' },
      },
      remoteAddress: '10.32.0.1',
    });
    expect(response.statusCode, response.body).toBe(200);
    const [receipt] = xmlParser.parse(response.body).service_requests.request;
    const detail = (
      await triage.request({ method: 'GET', url: `/api/v1/feedback/${await idOf(receipt.service_request_id)}` })
    ).json() as FeedbackDetail;
    expect(detail).toMatchObject({
      title: 'Ống cống tràn',
      submitterKind: 'business',
      organizationConcerned: { code: '01' },
    });
    await t.database.db
      .updateTable('feedback_item')
      .set({ title: tricky })
      .where('tracking_code', '=', receipt.service_request_id)
      .execute();
    const xml = await get(`/open311/v2/requests/${receipt.service_request_id}.xml`);
    expect(xmlParser.parse(xml.body).service_requests.request[0].description).toBe(tricky.replace('\u0001', ''));
  });

  it('refuses other media types, and rate-limits a contact with 429 and Retry-After', async () => {
    const text = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/xml' },
      payload: '<service_request><description>x</description></service_request>',
    });
    expect(text.statusCode).toBe(415);
    expect(errorsOf(text)[0]?.code).toBe(415);
    const fields = form();
    const statuses = [];
    for (let attempt = 0; attempt < 4; attempt += 1) {
      statuses.push((await post('json', { ...fields, description: `Lần gửi thứ ${attempt} về cùng việc` })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await post('json', { ...fields, description: 'Lần nữa' });
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(errorsOf(limited)[0]?.code).toBe(429);
  });
});
