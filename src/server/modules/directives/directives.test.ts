import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveDocument, Meeting } from '../../../shared/schemas/directives.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

describe.each(TEST_DATABASE_KINDS)('directive documents and meetings on %s', (kind) => {
  let t: TestApp;
  let steering: TestClient;
  let hanoiFocal: TestClient;
  let outsider: TestClient;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const p = t.world.person;
    [steering, hanoiFocal, outsider] = await Promise.all([
      t.signIn(p.steering.email),
      t.signIn(p.hanoiFocal.email),
      t.signIn(p.outsider.email),
    ]);
    for (const [number, docType, issuer, issuedOn, title] of [
      ['57-NQ/TW', 'resolution', t.world.org.root.id, '2024-12-22', 'Về đột phá phát triển khoa học, công nghệ'],
      ['01-CV/BCĐTW', 'dispatch', t.world.org.root.id, '2025-03-25', 'Triển khai Nghị quyết số 57'],
      ['02-KH/UBND', 'plan', t.world.org.hanoi.id, '2025-04-10', 'Kế hoạch của Thành phố Hà Nội'],
    ] as const) {
      const response = await register(steering, { number, docType, issuerOrganizationId: issuer, issuedOn, title });
      expect(response.statusCode, response.body).toBe(201);
    }
  });
  afterAll(() => t.close());

  const register = (client: TestClient, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    client.request({ method: 'POST', url: '/api/v1/directives', payload: body, headers });
  const documents = async (query: string) => {
    const response = await hanoiFocal.request({ method: 'GET', url: `/api/v1/directives?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as Page<DirectiveDocument>).items.map((document) => document.number);
  };
  const recordMeeting = (client: TestClient, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    client.request({ method: 'POST', url: '/api/v1/meetings', payload: body, headers });

  describe('documents', () => {
    it('finds a document by a search without diacritics, newest first', async () => {
      expect(await documents('q=nghi%20quyet')).toEqual(['01-CV/BCĐTW']);
      expect(await documents('q=ha%20noi')).toEqual(['02-KH/UBND']);
      expect(await documents('')).toEqual(['02-KH/UBND', '01-CV/BCĐTW', '57-NQ/TW']);
    });

    it('filters by type, issuer and year, alone or together', async () => {
      expect(await documents('type=resolution')).toEqual(['57-NQ/TW']);
      expect(await documents(`issuer=${t.world.org.hanoi.id}`)).toEqual(['02-KH/UBND']);
      expect(await documents('year=2024')).toEqual(['57-NQ/TW']);
      expect(await documents(`year=2025&issuer=${t.world.org.root.id}`)).toEqual(['01-CV/BCĐTW']);
      expect(await documents('year=2025&type=resolution')).toEqual([]);
      const refused = await hanoiFocal.request({ method: 'GET', url: '/api/v1/directives?type=memo' });
      expect(refused.statusCode).toBe(400);
    });

    it('reads one document by id, and answers 404 for an unknown one', async () => {
      const [first] = (
        (
          await hanoiFocal.request({ method: 'GET', url: '/api/v1/directives?type=plan' })
        ).json() as Page<DirectiveDocument>
      ).items;
      const response = await outsider.request({ method: 'GET', url: `/api/v1/directives/${first?.id}` });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toMatchObject({
        number: '02-KH/UBND',
        issuerNameVi: 'Thành phố Hà Nội',
        docType: 'plan',
      });
      const missing = await outsider.request({
        method: 'GET',
        url: '/api/v1/directives/00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);
    });

    it('registers once per Idempotency-Key, and names the field of a duplicate number', async () => {
      const body = {
        number: '03-QĐ/BCĐTW',
        docType: 'decision',
        issuerOrganizationId: t.world.org.root.id,
        issuedOn: '2025-05-02',
        title: 'Quyết định thành lập Tổ giúp việc',
      };
      const headers = { 'idempotency-key': 'directive-create-0001' };
      const first = await register(steering, body, headers);
      const retry = await register(steering, body, headers);
      expect(first.statusCode, first.body).toBe(201);
      expect(retry.statusCode, retry.body).toBe(201);
      expect(retry.json().id).toBe(first.json().id);
      const duplicate = await register(steering, body);
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json().errors).toEqual([expect.objectContaining({ path: 'number' })]);
    });

    it('refuses a document of an issuer outside the caller’s scope', async () => {
      const response = await register(hanoiFocal, {
        number: '04-CV/BCĐTW',
        docType: 'dispatch',
        issuerOrganizationId: t.world.org.root.id,
        issuedOn: '2025-05-03',
        title: 'Công văn',
      });
      expect(response.statusCode).toBe(403);
    });
  });

  describe('meetings', () => {
    let meeting: Meeting;
    /** The first meeting, under one key: sent again, it is a retry. */
    const recordFirst = () =>
      recordMeeting(
        steering,
        {
          organizationId: t.world.org.hanoi.id,
          heldOn: '2025-06-01',
          title: 'Phiên họp thứ nhất',
          conclusions: ['Hoàn thành hạ tầng số', 'Báo cáo hằng quý'],
        },
        { 'idempotency-key': 'meeting-create-0001' },
      );
    beforeAll(async () => {
      const response = await recordFirst();
      expect(response.statusCode, response.body).toBe(201);
      meeting = response.json();
    });

    it('records the conclusions in order, with the name of the organization that held it', () => {
      expect(meeting).toMatchObject({ organizationNameVi: 'Thành phố Hà Nội', organizationNameEn: 'Hanoi' });
      expect(meeting.conclusions.map((c) => [c.number, c.text])).toEqual([
        [1, 'Hoàn thành hạ tầng số'],
        [2, 'Báo cáo hằng quý'],
      ]);
    });

    it('records a retried meeting once', async () => {
      const retry = await recordFirst();
      expect(retry.json().id).toBe(meeting.id);
      const list = await hanoiFocal.request({ method: 'GET', url: '/api/v1/meetings?scope=01' });
      expect((list.json() as Page<Meeting>).items.map((item) => item.id)).toEqual([meeting.id]);
    });

    it('reads one meeting within the caller’s scope, and refuses it outside', async () => {
      const read = await hanoiFocal.request({ method: 'GET', url: `/api/v1/meetings/${meeting.id}` });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toEqual(meeting);
      const refused = await outsider.request({ method: 'GET', url: `/api/v1/meetings/${meeting.id}` });
      expect(refused.statusCode).toBe(403);
      const missing = await steering.request({
        method: 'GET',
        url: '/api/v1/meetings/00000000-0000-4000-8000-000000000000',
      });
      expect(missing.statusCode).toBe(404);
    });
  });
});
