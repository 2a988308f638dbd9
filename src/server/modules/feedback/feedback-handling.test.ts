import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingDueOn } from '../../../shared/domain/feedback-service-level.ts';
import type {
  FeedbackDetail,
  FeedbackPage,
  FeedbackReceipt,
  FeedbackStatus,
  PublicFeedback,
} from '../../../shared/schemas/feedback.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { addRootHandler, buildSubmission, feedbackItemId, submit } from '../../testing/feedback-test-support.ts';

describe.each(TEST_DATABASE_KINDS)('feedback handling on %s', (kind) => {
  let t: TestApp;
  let triage: TestClient;
  let hanoi: TestClient;
  let inspector: TestClient;
  let outsider: TestClient;

  const receive = async (overrides: Parameters<typeof buildSubmission>[0] = {}) => {
    const receipt = (await submit(t, buildSubmission(overrides))).json() as FeedbackReceipt;
    return { id: await feedbackItemId(t, receipt.trackingCode), trackingCode: receipt.trackingCode };
  };
  const read = (client: TestClient, id: string) => client.request({ method: 'GET', url: `/api/v1/feedback/${id}` });
  /** Reads the item for its ETag, then takes the action with If-Match, as the screens do. */
  const act = async (client: TestClient, id: string, payload: Record<string, unknown>, version?: number) => {
    const current = version ?? ((await read(triage, id)).json() as FeedbackDetail).version;
    return client.request({
      method: 'POST',
      url: `/api/v1/feedback/${id}/transitions`,
      headers: { 'if-match': `"${current}"` },
      payload,
    });
  };
  const queue = async (client: TestClient, query: string) => {
    const response = await client.request({ method: 'GET', url: `/api/v1/feedback?limit=500&${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FeedbackPage;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    triage = await t.signIn((await addRootHandler(t)).email);
    hanoi = await t.signIn(t.world.person.handler.email);
    inspector = await t.signIn(t.world.person.inspector.email);
    outsider = await t.signIn(t.world.person.outsider.email);
  });
  afterAll(() => t.close());

  it('runs the whole workflow, each step by whom the scope allows, and shows the submitter only public steps', async () => {
    const item = await receive();
    expect((await read(hanoi, item.id)).statusCode).toBe(403);
    expect((await read(outsider, item.id)).statusCode).toBe(403);
    expect((await read(inspector, item.id)).statusCode).toBe(200);
    expect(((await read(triage, item.id)).json() as FeedbackDetail).allowedActions).toEqual([
      'accept',
      'reject',
      'merge',
      'note',
    ]);

    expect((await act(hanoi, item.id, { action: 'accept' })).statusCode).toBe(403);
    expect((await act(triage, item.id, { action: 'accept' })).statusCode).toBe(200);
    expect((await act(triage, item.id, { action: 'start' })).statusCode).toBe(409);
    const assigned = await act(triage, item.id, { action: 'assign', organizationId: t.world.org.hoanKiem.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ state: 'assigned', assignedOrganization: { id: t.world.org.hoanKiem.id } });

    // Hà Nội's handler now holds it (Hoàn Kiếm is within Hà Nội), but cannot send it out of Hà Nội.
    expect((await read(hanoi, item.id)).statusCode).toBe(200);
    expect(
      (await act(hanoi, item.id, { action: 'reassign', organizationId: t.world.org.hcm.id, reason: 'Sai địa bàn' }))
        .statusCode,
    ).toBe(403);
    const moved = await act(hanoi, item.id, {
      action: 'reassign',
      organizationId: t.world.org.dongAnh.id,
      reason: 'Thuộc thẩm quyền của xã',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await act(inspector, item.id, { action: 'start' })).statusCode).toBe(403);
    expect((await act(hanoi, item.id, { action: 'start' })).statusCode).toBe(200);
    const noted = await hanoi.request({
      method: 'POST',
      url: `/api/v1/feedback/${item.id}/notes`,
      payload: { body: 'Đã gọi điện cho người dân, số máy lẻ 204' },
    });
    expect(noted.statusCode).toBe(201);
    const answer = 'Xã Đông Anh đã cấp phép ngày 15/3; hồ sơ chậm do thiếu bản vẽ.';
    expect((await act(hanoi, item.id, { action: 'answer', answer })).statusCode).toBe(200);
    const closed = await act(hanoi, item.id, { action: 'close' });
    expect(closed.json()).toMatchObject({ state: 'closed', answer, pendingDueOn: null, serviceLevel: null });

    const detail = closed.json() as FeedbackDetail;
    expect(detail.events.map((event) => event.kind)).toEqual([
      'received',
      'accept',
      'assign',
      'reassign',
      'start',
      'note',
      'answer',
      'close',
    ]);
    expect(detail.triagedAt).not.toBeNull();

    const tracked = (
      await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${item.trackingCode}` })
    ).json() as FeedbackStatus;
    expect(tracked.state).toBe('closed');
    expect(tracked.answer).toMatchObject({ text: answer, organizationName: 'Xã Đông Anh' });
    expect(tracked.events.map((event) => event.kind)).toEqual([
      'received',
      'accept',
      'assign',
      'reassign',
      'start',
      'answer',
      'close',
    ]);
    const body = JSON.stringify(tracked);
    for (const internal of ['máy lẻ 204', 'Thuộc thẩm quyền', 'Đỗ Tiếp Nhận', 'Lý Điều Phối'])
      expect(body).not.toContain(internal);

    const audited = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', item.id)
      // The chain's order: PostgreSQL returns rows in no order unless asked.
      .orderBy('seq')
      .execute();
    expect(audited.map((entry) => entry.action)).toEqual([
      'feedback.submitted',
      'feedback.accept',
      'feedback.assign',
      'feedback.reassign',
      'feedback.start',
      'feedback.note',
      'feedback.answer',
      'feedback.close',
    ]);
  });

  it('needs If-Match on a transition, and refuses a stale one with the current version', async () => {
    const item = await receive();
    const version = ((await read(triage, item.id)).json() as FeedbackDetail).version;
    const missing = await triage.request({
      method: 'POST',
      url: `/api/v1/feedback/${item.id}/transitions`,
      payload: { action: 'accept' },
    });
    expect(missing.statusCode).toBe(428);
    expect((await act(triage, item.id, { action: 'accept' }, version)).statusCode).toBe(200);
    const stale = await act(triage, item.id, { action: 'assign', organizationId: t.world.org.hanoi.id }, version);
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: version + 1 });
  });

  it('rejects only with a reason, shown to the submitter; merges into another open item', async () => {
    const rejected = await receive();
    const noReason = await act(triage, rejected.id, { action: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ errors: [{ path: 'body.reason' }] });
    expect(
      (await act(triage, rejected.id, { action: 'reject', reason: 'Không thuộc phạm vi Nghị quyết 57' })).statusCode,
    ).toBe(200);
    const status = (
      await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${rejected.trackingCode}` })
    ).json() as FeedbackStatus;
    expect(status.events.at(-1)).toMatchObject({ kind: 'reject', reason: 'Không thuộc phạm vi Nghị quyết 57' });

    const target = await receive();
    const duplicate = await receive();
    expect((await act(triage, duplicate.id, { action: 'merge', intoId: rejected.id })).statusCode).toBe(400);
    expect((await act(triage, duplicate.id, { action: 'merge', intoId: duplicate.id })).statusCode).toBe(400);
    const merged = await act(triage, duplicate.id, { action: 'merge', intoId: target.id });
    expect(merged.json()).toMatchObject({
      state: 'merged',
      mergedInto: { id: target.id, trackingCode: target.trackingCode },
    });
    const followed = (
      await t.app.inject({ method: 'GET', url: `/api/v1/feedback/track/${duplicate.trackingCode}` })
    ).json() as FeedbackStatus;
    expect(followed.mergedIntoTrackingCode).toBe(target.trackingCode);
  });

  it('shows as possible duplicates only items the reader may read, and their codes only to their handlers', async () => {
    const content = `Đề nghị rút ngắn thời hạn cấp giấy phép lao động cho chuyên gia công nghệ số nước ngoài ${Date.now()}.`;
    const elsewhere = await receive({ content, field: 'human_resources' });
    const here = await receive({ content, field: 'human_resources' });
    for (const [item, organizationId] of [
      [elsewhere, t.world.org.hcm.id],
      [here, t.world.org.hoanKiem.id],
    ] as const) {
      expect((await act(triage, item.id, { action: 'accept' })).statusCode).toBe(200);
      expect((await act(triage, item.id, { action: 'assign', organizationId })).statusCode).toBe(200);
    }
    const detail = async (client: TestClient) => (await read(client, here.id)).json() as FeedbackDetail;

    // The triage reads and handles both: the other item, its code and the intake's flag.
    const byTriage = await detail(triage);
    expect(byTriage.possibleDuplicates).toEqual([
      expect.objectContaining({ id: elsewhere.id, trackingCode: elsewhere.trackingCode }),
    ]);
    expect(byTriage.possibleDuplicateOfId).toBe(elsewhere.id);

    // Hà Nội's handler may not read Hồ Chí Minh City's item: not its id, code, title or state.
    const hanoiResponse = await read(hanoi, here.id);
    const byHanoi = hanoiResponse.json() as FeedbackDetail;
    expect(byHanoi.possibleDuplicates).toEqual([]);
    expect(byHanoi.possibleDuplicateOfId).toBeNull();
    expect(hanoiResponse.body).not.toContain(elsewhere.id);
    expect(hanoiResponse.body).not.toContain(elsewhere.trackingCode);
    expect(byHanoi.trackingCode).toBe(here.trackingCode);
    const hanoiQueue = await queue(hanoi, `field=human_resources`);
    expect(hanoiQueue.items.find((row) => row.id === here.id)).toMatchObject({
      trackingCode: here.trackingCode,
      possibleDuplicateOfId: null,
    });
    expect(JSON.stringify(hanoiQueue)).not.toContain(elsewhere.trackingCode);

    // The inspector reads both but handles neither: the items, without the submitters' codes.
    const byInspector = await detail(inspector);
    expect(byInspector.trackingCode).toBeNull();
    expect(byInspector.possibleDuplicates).toEqual([expect.objectContaining({ id: elsewhere.id, trackingCode: null })]);
    const inspectorQueue = await queue(inspector, `field=human_resources`);
    expect(inspectorQueue.items.length).toBeGreaterThan(1);
    expect(inspectorQueue.items.every((row) => row.trackingCode === null)).toBe(true);
  });

  it('masks the sender’s contact, and records each read of it in the audit trail', async () => {
    const input = { submitterName: 'Lê Thị Hồng Nhung', phone: '0987 654 321', email: 'nhung.le@example.vn' };
    const item = await receive(input);
    await act(triage, item.id, { action: 'accept' });
    await act(triage, item.id, { action: 'assign', organizationId: t.world.org.hanoi.id });
    const contactReads = () =>
      t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity_id', '=', item.id)
        .where('action', '=', 'feedback.contact_read')
        .orderBy('seq')
        .execute();

    const page = await read(hanoi, item.id);
    expect((page.json() as FeedbackDetail).maskedContact).toEqual({
      submitterName: 'L. T. H. N.',
      phone: '•••••••••321',
      email: 'n•••@example.vn',
    });
    for (const secret of ['Nhung', '987654', '+84987654321', 'nhung.le']) expect(page.body).not.toContain(secret);
    expect(await contactReads()).toEqual([]);

    const contact = await hanoi.request({ method: 'GET', url: `/api/v1/feedback/${item.id}/contact` });
    expect(contact.statusCode).toBe(200);
    expect(contact.headers['cache-control']).toBe('no-store');
    expect(contact.json()).toEqual({
      submitterName: 'Lê Thị Hồng Nhung',
      phone: '+84987654321',
      email: 'nhung.le@example.vn',
    });
    expect((await inspector.request({ method: 'GET', url: `/api/v1/feedback/${item.id}/contact` })).statusCode).toBe(
      200,
    );
    expect((await outsider.request({ method: 'GET', url: `/api/v1/feedback/${item.id}/contact` })).statusCode).toBe(
      403,
    );
    const reads = await contactReads();
    expect(reads.map((entry) => entry.actor_id)).toEqual([t.world.person.handler.id, t.world.person.inspector.id]);
    expect(reads[0]).toMatchObject({ entity_type: 'feedback', scope_path: expect.stringContaining('/') });
    expect(reads[0]?.after).toEqual({ fields: ['submitterName', 'phone', 'email'] });
    // What was read is named, never copied into the trail.
    expect(JSON.stringify(reads)).not.toContain('987654321');
    const verified = await inspector.request({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(verified.json()).toMatchObject({ ok: true });
  });

  it('publishes answers of consenting submitters only, without names, contacts or notes', async () => {
    const answerItem = async (consentToPublish: boolean, answer: string, title: string) => {
      const item = await receive({ consentToPublish, title, email: 'binh@example.vn', submitterName: 'Trần Thị Bình' });
      await act(triage, item.id, { action: 'accept' });
      await act(triage, item.id, { action: 'assign', organizationId: t.world.org.hanoi.id });
      await hanoi.request({
        method: 'POST',
        url: `/api/v1/feedback/${item.id}/notes`,
        payload: { body: 'Ghi chú mật' },
      });
      await act(hanoi, item.id, { action: 'answer', answer });
      return item;
    };
    const publishable = await answerItem(
      true,
      'Thành phố sẽ rút ngắn thời hạn còn 10 ngày.',
      'Rút ngắn thời hạn cấp phép',
    );
    const privateOne = await answerItem(false, 'Trả lời riêng cho người gửi.', 'Rút ngắn thời hạn, xin trả lời riêng');
    const publish = async (id: string, isPublished: boolean, client = hanoi) => {
      const { version } = (await read(triage, id)).json() as FeedbackDetail;
      return client.request({
        method: 'PUT',
        url: `/api/v1/feedback/${id}/publication`,
        headers: { 'if-match': `"${version}"` },
        payload: { isPublished },
      });
    };
    expect((await publish(privateOne.id, true)).statusCode).toBe(409);
    expect((await publish(publishable.id, true, outsider)).statusCode).toBe(403);
    const published = await publish(publishable.id, true);
    expect(published.statusCode, published.body).toBe(200);

    const portal = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/public?q=rut ngan' });
    expect(portal.statusCode).toBe(200);
    const items = (portal.json() as { items: PublicFeedback[] }).items;
    expect(items.map((item) => item.trackingCode)).toEqual([publishable.trackingCode]);
    for (const secret of ['binh@example.vn', 'Trần Thị Bình', 'Ghi chú mật', '+84']) {
      expect(JSON.stringify(items[0])).not.toContain(secret);
    }
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/public' })).json() as {
      items: PublicFeedback[];
    };
    expect(all.items.map((item) => item.trackingCode)).not.toContain(privateOne.trackingCode);
    expect((await publish(publishable.id, false)).statusCode).toBe(200);
    const after = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/public' })).json() as {
      items: PublicFeedback[];
    };
    expect(after.items.map((item) => item.trackingCode)).not.toContain(publishable.trackingCode);
  });

  it('lists the queue by scope with filters, diacritic-free search and service levels as of a date', async () => {
    const initiative = await receive({ type: 'initiative', field: 'data', title: 'Sáng kiến chia sẻ dữ liệu đất đai' });
    const everything = await queue(triage, '');
    expect(everything.total).toBeGreaterThan(5);
    expect(everything.items.map((item) => item.id)).toContain(initiative.id);
    const found = await queue(triage, 'q=chia se du lieu dat dai&type=initiative&field=data');
    expect(found.items.map((item) => item.id)).toEqual([initiative.id]);
    expect((await queue(inspector, 'q=chia se du lieu')).items.map((item) => item.id)).toEqual([initiative.id]);

    // Hà Nội's handler sees only what was assigned within Hà Nội; outsiders have no queue.
    const hanoiQueue = await queue(hanoi, '');
    expect(hanoiQueue.items.length).toBeGreaterThan(0);
    expect(hanoiQueue.items.every((item) => item.assignedOrganization !== null)).toBe(true);
    expect(hanoiQueue.items.map((item) => item.id)).not.toContain(initiative.id);
    expect((await outsider.request({ method: 'GET', url: '/api/v1/feedback' })).statusCode).toBe(403);
    const byOrganization = await queue(triage, `organization=${t.world.org.dongAnh.code}`);
    expect(byOrganization.items.every((item) => item.assignedOrganization?.id === t.world.org.dongAnh.id)).toBe(true);

    // Read far ahead, every open item is overdue; read at reception, none is.
    const detail = (await read(triage, initiative.id)).json() as FeedbackDetail;
    const overdueLater = await queue(triage, `service_level=overdue&as_of=2099-01-01`);
    expect(overdueLater.items.map((item) => item.id)).toContain(initiative.id);
    expect(overdueLater.items.every((item) => item.serviceLevel === 'overdue' && item.pendingDueOn !== null)).toBe(
      true,
    );
    const onTime = await queue(
      triage,
      `service_level=on_time,due_soon&as_of=${detail.receivedAt.slice(0, 10)}&state=received`,
    );
    expect(onTime.items.map((item) => item.id)).toContain(initiative.id);
    const soon = await queue(triage, `service_level=due_soon&as_of=${detail.triageDueOn}`);
    expect(soon.items.find((item) => item.id === initiative.id)?.serviceLevel).toBe('due_soon');

    // The database's generated due date is the domain's, state by state.
    for (const item of everything.items) {
      expect(item.pendingDueOn, item.state).toBe(pendingDueOn(item.state, item));
    }
    const byDue = everything.items.map((item) => item.pendingDueOn ?? '9999');
    expect(byDue).toEqual([...byDue].sort());
    const page = await triage.request({ method: 'GET', url: '/api/v1/feedback?limit=2&sort=-received' });
    const first = page.json() as FeedbackPage;
    expect(first.items).toHaveLength(2);
    const next = (
      await triage.request({ method: 'GET', url: `/api/v1/feedback?limit=2&sort=-received&cursor=${first.nextCursor}` })
    ).json() as FeedbackPage;
    expect(next.items).toHaveLength(2);
    expect(next.items[0]!.receivedAt <= first.items[1]!.receivedAt).toBe(true);
    expect(next.items.map((item) => item.id)).not.toContain(first.items[1]!.id);
  });
});
