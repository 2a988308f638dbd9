import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackDetail } from '../../../shared/schemas/feedback.ts';
import { addRootHandler, buildSubmission, feedbackItemId, submit } from '../../testing/feedback-test-support.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { TEST_PASSWORD } from '../../testing/test-world.ts';
import { SYSTEM } from '../auth/principal.ts';
import { createPerson, grantRole } from '../people/people.service.ts';
import { transitionFeedback } from './feedback-handling.service.ts';

/**
 * Issue 9's findings on feedback privacy: a ministry's handler saw another ministry's item among
 * "possible duplicates" (and its tracking code opened the public status), and reading a submitter's
 * contact left no trace.
 */
describe.each(TEST_DATABASE_KINDS)('feedback privacy on %s', (kind) => {
  let t: TestApp;
  let triage: TestClient;
  let ministryHandler: TestClient;
  let inspector: TestClient;
  let ministryHandlerId: string;
  const ids = {} as Record<'ministryItem' | 'hcmItem', string>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const root = await addRootHandler(t);
    triage = await t.signIn(root.email);
    const person = await createPerson(t.database.db, SYSTEM, {
      email: 'ministry.handler@test.steerboard.vn',
      fullName: 'Cao Xử Lý Bộ',
      locale: 'vi',
      organizationId: t.world.org.ministry.id,
      password: TEST_PASSWORD,
    });
    await grantRole(t.database.db, SYSTEM, person.id, {
      role: 'feedback_handler',
      organizationId: t.world.org.ministry.id,
    });
    ministryHandlerId = person.id;
    ministryHandler = await t.signIn('ministry.handler@test.steerboard.vn');
    inspector = await t.signIn(t.world.person.inspector.email);
    // Two items alike, one for the ministry, one for Hồ Chí Minh City.
    const content = 'Cổng dịch vụ công thường xuyên bị lỗi khi nộp hồ sơ trực tuyến vào giờ cao điểm buổi sáng.';
    for (const [key, organizationId] of [
      ['ministryItem', t.world.org.ministry.id],
      ['hcmItem', t.world.org.hcm.id],
    ] as const) {
      const response = await submit(t, buildSubmission({ title: 'Cổng dịch vụ công bị lỗi', content }));
      expect(response.statusCode, response.body).toBe(201);
      ids[key] = await feedbackItemId(t, response.json().trackingCode);
      const system = { principal: SYSTEM, now: new Date() };
      await transitionFeedback(t.database.db, system, ids[key], undefined, { action: 'accept' });
      await transitionFeedback(t.database.db, system, ids[key], undefined, { action: 'assign', organizationId });
    }
  });
  afterAll(() => t.close());

  const detail = async (client: TestClient, id: string): Promise<FeedbackDetail> => {
    const response = await client.request({ method: 'GET', url: `/api/v1/feedback/${id}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  it('shows as possible duplicates only the items the reader may read', async () => {
    // The triage reads everything: each item is the other's likely duplicate.
    expect((await detail(triage, ids.ministryItem)).possibleDuplicates.map((d) => d.id)).toEqual([ids.hcmItem]);
    expect((await detail(ministryHandler, ids.ministryItem)).possibleDuplicates).toEqual([]);
    const refused = await ministryHandler.request({ method: 'GET', url: `/api/v1/feedback/${ids.hcmItem}` });
    expect(refused.statusCode).toBe(403);
  });

  it('records in the audit trail each time a person reads a submitter’s contact', async () => {
    const entries = () =>
      t.database.db
        .selectFrom('audit_log')
        .select(['actor_id', 'entity_id', 'after'])
        .where('action', '=', 'feedback.contact_read')
        .where('entity_id', '=', ids.ministryItem)
        .orderBy('seq')
        .execute();
    const before = (await entries()).length;
    const read = await detail(ministryHandler, ids.ministryItem);
    expect(read.phone).not.toBeNull();
    await detail(inspector, ids.ministryItem);
    const after = await entries();
    expect(after.slice(before).map((entry) => entry.actor_id)).toEqual([
      ministryHandlerId,
      t.world.person.inspector.id,
    ]);
    expect(after.at(-1)?.after).toMatchObject({ fields: expect.arrayContaining(['submitter_name', 'phone']) });
  });
});
