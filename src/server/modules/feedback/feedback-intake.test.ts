import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, TRACKING_CODE_PATTERN } from '../../../shared/domain/feedback.ts';
import type { FeedbackReceipt, FeedbackStatus } from '../../../shared/schemas/feedback.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { closing, filler, MULTIPART_HEADERS, part, streamedBody } from '../../testing/streamed-body.ts';
import { translate } from '../../../shared/i18n/index.ts';
import { buildSubmission, multipartSubmission, submit } from '../../testing/feedback-test-support.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1000, 0x20), Buffer.from('\n%%EOF\n')]);
const MiB = 1024 * 1024;

/** The form with attachments, made as it is read: PDFs of the given sizes, in 1 MiB pieces. */
function* form(submission: unknown, fileSizes: number[]): Generator<Buffer> {
  yield* part('submission', undefined, [Buffer.from(JSON.stringify(submission))]);
  for (const [index, size] of fileSizes.entries()) {
    const head = Buffer.from('%PDF-1.7\n');
    yield* part('files', `tệp ${index}.pdf`, [head, ...filler(size - head.length, MiB)]);
  }
  yield* closing();
}

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]);

describe.each(TEST_DATABASE_KINDS)('public feedback intake on %s', (kind) => {
  let t: TestApp;
  const itemOf = (trackingCode: string) =>
    t.database.db
      .selectFrom('feedback_item')
      .selectAll()
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it.each([
    ['no contact at all', { phone: undefined }, ['email', 'phone']],
    ['a phone that is not Vietnamese', { phone: '+33 6 12 34 56 78' }, ['phone']],
    ['a malformed e-mail address', { email: 'an@', phone: undefined }, ['email']],
    ['a title over 200 characters', { title: 'a'.repeat(201) }, ['title']],
    ['a content over 10,000 characters', { content: 'x'.repeat(10_001) }, ['content']],
    ['an empty name', { submitterName: '   ' }, ['submitterName']],
    ['an unknown type', { type: 'complaint' }, ['type']],
    ['an unknown field', { field: 'weather' }, ['field']],
    ['an unknown submitter kind', { submitterKind: 'robot' }, ['submitterKind']],
    ['a latitude without longitude', { location: { latitude: 21.03 } }, ['location.longitude']],
    ['a latitude out of range', { location: { latitude: 91, longitude: 105 } }, ['location.latitude']],
    ['a consent that is not a boolean', { consentToPublish: 'yes' }, ['consentToPublish']],
  ])('refuses %s with the field at fault', async (_, overrides, paths) => {
    const response = await submit(t, { ...buildSubmission(), ...overrides });
    expect(response.statusCode).toBe(400);
    const problem = response.json() as { code: string; errors: { path: string; message: string }[] };
    expect(problem.code).toBe('validation');
    expect(problem.errors.map((error) => error.path).sort()).toEqual(paths.map((path) => `body.${path}`));
    for (const error of problem.errors) expect(error.message.length).toBeGreaterThan(3);
  });

  it("words the form's own checks from the catalogue, in the caller's language", async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback',
      headers: { 'accept-language': 'vi' },
      payload: { ...buildSubmission(), phone: undefined },
    });
    expect(response.statusCode).toBe(400);
    const messages = (response.json() as { errors: { message: string }[] }).errors.map((error) => error.message);
    expect(messages).toEqual([
      translate('vi', 'error.feedback.contact_required'),
      translate('vi', 'error.feedback.contact_required'),
    ]);
  });

  it('refuses fields the form does not have, and an organization that does not exist', async () => {
    const extra = await submit(t, { ...buildSubmission(), priority: 'urgent' });
    expect(extra.statusCode).toBe(400);
    const unknown = await submit(t, buildSubmission({ organizationId: '00000000-0000-4000-8000-000000000001' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'invalid_reference', errors: [{ path: 'organizationId' }] });
  });

  it('receives a submission, returns a tracking code and its due dates, and keeps the contact canonical', async () => {
    const response = await submit(
      t,
      buildSubmission({
        phone: '091 234 5678',
        organizationId: t.world.org.hanoi.id,
        location: { latitude: 21.03, longitude: 105.85, address: 'Hoàn Kiếm' },
      }),
    );
    expect(response.statusCode).toBe(201);
    const receipt = response.json() as FeedbackReceipt;
    expect(receipt.trackingCode).toMatch(TRACKING_CODE_PATTERN);
    expect(receipt.state).toBe('received');
    expect(receipt.triageDueOn < receipt.answerDueOn).toBe(true);
    const row = await itemOf(receipt.trackingCode);
    expect(row).toMatchObject({
      phone: '+84912345678',
      email: null,
      latitude: 21.03,
      organization_id: t.world.org.hanoi.id,
    });
    expect(row.pending_due_on).toBe(receipt.triageDueOn);
  });

  it('lets anyone follow with the code, in any case, without contact details', async () => {
    const input = buildSubmission({ email: 'An.Nguyen@Example.vn' });
    const receipt = (await submit(t, input)).json() as FeedbackReceipt;
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/feedback/track/${receipt.trackingCode.toLowerCase()}`,
    });
    expect(response.statusCode).toBe(200);
    const status = response.json() as FeedbackStatus;
    expect(status).toMatchObject({ trackingCode: receipt.trackingCode, state: 'received', answer: null });
    expect(status.events.map((event) => event.kind)).toEqual(['received']);
    for (const secret of [input.phone ?? '', 'an.nguyen@example.vn', input.submitterName]) {
      expect(response.body.toLowerCase()).not.toContain(secret.toLowerCase());
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/feedback/track/PA-0000000000' })).statusCode).toBe(404);
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/feedback/track/abc' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ errors: [{ path: 'trackingCode' }] });
  });

  it('creates one item for two concurrent posts with one Idempotency-Key, and refuses the key for another body', async () => {
    const input = buildSubmission({ title: 'Gửi lại khi mất kết nối' });
    const key = 'c0ffee00-idem-4000-8000-000000000001';
    const [first, second] = await Promise.all([
      submit(t, input, { idempotencyKey: key }),
      submit(t, input, { idempotencyKey: key }),
    ]);
    expect([first.statusCode, second.statusCode]).toEqual([201, 201]);
    expect(second.json()).toEqual(first.json());
    const retry = await submit(t, input, { idempotencyKey: key });
    expect(retry.json()).toEqual(first.json());
    const rows = await t.database.db
      .selectFrom('feedback_item')
      .select('id')
      .where('title', '=', input.title)
      .execute();
    expect(rows).toHaveLength(1);
    const other = await submit(t, { ...input, title: 'Nội dung khác' }, { idempotencyKey: key });
    expect(other.statusCode).toBe(422);
  });

  it('limits submissions per client address and per contact, with Retry-After', async () => {
    const ip = '203.0.113.7';
    for (let index = 0; index < 10; index += 1)
      expect((await submit(t, buildSubmission(), { ip })).statusCode).toBe(201);
    const refused = await submit(t, buildSubmission(), { ip });
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await submit(t, buildSubmission(), { ip: '203.0.113.8' })).statusCode).toBe(201);

    // The same e-mail, however it is typed, is one contact.
    const emails = ['lan@example.vn', 'LAN@example.vn', ' Lan@Example.VN ', 'lan@example.vn'];
    const statuses = [];
    for (const email of emails)
      statuses.push((await submit(t, buildSubmission({ phone: undefined, email }))).statusCode);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('never stores the client address: the audit trail holds a keyed hash', async () => {
    const ip = '198.51.100.77';
    const receipt = (await submit(t, buildSubmission(), { ip })).json() as FeedbackReceipt;
    const item = await itemOf(receipt.trackingCode);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', item.id)
      .where('action', '=', 'feedback.submitted')
      .executeTakeFirstOrThrow();
    expect(entry.actor_id).toBeNull();
    expect(JSON.stringify(entry.after)).not.toContain(ip);
    expect((entry.after as { addressHash: string }).addressHash).toMatch(/^[\w-]{43}$/);
    const counters = await t.database.db.selectFrom('feedback_rate_counter').select('subject').execute();
    expect(counters.some((counter) => counter.subject.includes(ip))).toBe(false);
  });

  it('flags the same content without diacritics or in capitals, and very similar content, as a likely duplicate', async () => {
    const content =
      'Đề nghị bỏ yêu cầu nộp bản sao công chứng giấy chứng nhận đăng ký doanh nghiệp khi làm thủ tục thuế điện tử.';
    const original = (await submit(t, buildSubmission({ content }))).json() as FeedbackReceipt;
    const originalId = (await itemOf(original.trackingCode)).id;
    const variants = [
      'DE NGHI BO YEU CAU NOP BAN SAO CONG CHUNG GIAY CHUNG NHAN DANG KY DOANH NGHIEP KHI LAM THU TUC THUE DIEN TU.',
      'Đề nghị bỏ yêu cầu nộp bản sao có công chứng giấy chứng nhận đăng ký doanh nghiệp khi làm thủ tục thuế điện tử',
    ];
    // Each is flagged against an earlier item saying the same (the original, or the variant before it).
    const earlier = [originalId];
    for (const variant of variants) {
      const receipt = (
        await submit(t, buildSubmission({ title: 'Bản sao công chứng', content: variant }))
      ).json() as FeedbackReceipt;
      const item = await itemOf(receipt.trackingCode);
      expect(earlier).toContain(item.possible_duplicate_of);
      earlier.push(item.id);
    }
    const different = (
      await submit(t, buildSubmission({ content: 'Cần mở rộng vùng phủ sóng 5G cho các xã miền núi phía Bắc.' }))
    ).json() as FeedbackReceipt;
    expect((await itemOf(different.trackingCode)).possible_duplicate_of).toBeNull();
  });

  describe('the form with attachments', () => {
    /** Sends the form from `ip`; the answer, and how much of the body the server read. */
    const sendForm = async (ip: string, body: Iterable<Buffer>, headers: Record<string, string> = {}) => {
      const streamed = streamedBody(body);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback/with-attachments',
        remoteAddress: ip,
        headers: { ...MULTIPART_HEADERS, ...headers },
        payload: streamed.payload,
      });
      return { response, bytesRead: streamed.bytesRead() };
    };
    const itemsTitled = async (title: string) =>
      (await t.database.db.selectFrom('feedback_item').select('id').where('title', '=', title).execute()).length;

    it('is refused with 429 before a byte of it is read when its address is limited, 20 sent at once', async () => {
      const ip = '203.0.113.50';
      for (let index = 0; index < 10; index += 1)
        expect((await submit(t, buildSubmission(), { ip })).statusCode).toBe(201);
      const input = buildSubmission();
      // Five files of 10 MiB each: 50 MiB a request, a gigabyte in all, were buffered before the refusal.
      const sent = await Promise.all(
        Array.from({ length: 20 }, () => sendForm(ip, form(input, Array(5).fill(ATTACHMENT_MAX_BYTES)))),
      );
      for (const { response, bytesRead } of sent) {
        expect(response.statusCode).toBe(429);
        expect(response.json()).toMatchObject({ code: 'rate_limited' });
        expect(bytesRead).toBeLessThan(MiB);
      }
      expect(await itemsTitled(input.title)).toBe(0);
    });

    it('lets only as many requests read their bodies as the address has submissions left', async () => {
      const ip = '203.0.113.51';
      const sent = await Promise.all(
        Array.from({ length: 20 }, () => sendForm(ip, form(buildSubmission(), [2 * MiB]))),
      );
      const statuses = sent.map(({ response }) => response.statusCode).sort();
      expect(statuses).toEqual([...Array(10).fill(201), ...Array(10).fill(429)]);
      for (const { response, bytesRead } of sent) {
        if (response.statusCode === 429) expect(bytesRead).toBeLessThan(MiB);
        else expect(bytesRead).toBeGreaterThan(2 * MiB);
      }
    });

    it('is refused with 413 at the first byte over a file’s limit, and stores nothing', async () => {
      const input = buildSubmission();
      const { response, bytesRead } = await sendForm(
        '203.0.113.52',
        form(input, [MiB, ATTACHMENT_MAX_BYTES + 1, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_BYTES]),
      );
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'payload_too_large', errors: [{ path: 'files.1' }] });
      // Read up to the limit of the second file, give or take the few pieces the streams between buffer.
      expect(bytesRead).toBeLessThan(MiB + ATTACHMENT_MAX_BYTES + 8 * MiB);
      expect(await itemsTitled(input.title)).toBe(0);
    });

    it('is refused unread when its Content-Length is larger than five files could make it', async () => {
      const { response, bytesRead } = await sendForm(
        '203.0.113.53',
        form(buildSubmission(), Array(6).fill(ATTACHMENT_MAX_BYTES)),
        { 'content-length': String(6 * ATTACHMENT_MAX_BYTES + 2000) },
      );
      expect(response.statusCode).toBe(413);
      expect(bytesRead).toBeLessThan(MiB);
    });
  });

  it('stores up to five attachments checked by their content, and refuses the others', async () => {
    const send = (files: { name: string; content: Buffer }[]) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/feedback/with-attachments',
        remoteAddress: `10.9.0.${files.length}`,
        ...multipartSubmission(buildSubmission(), files),
      });
    const accepted = await send([
      { name: 'văn bản.pdf', content: PDF },
      { name: 'ảnh chụp.png', content: PNG },
    ]);
    expect(accepted.statusCode).toBe(201);
    const item = await itemOf((accepted.json() as FeedbackReceipt).trackingCode);
    const stored = await t.database.db
      .selectFrom('feedback_attachment')
      .selectAll()
      .where('item_id', '=', item.id)
      .execute();
    expect(stored.map((file) => file.media_type).sort()).toEqual(['application/pdf', 'image/png']);

    const renamed = await send([{ name: 'virus.pdf', content: Buffer.from('MZ\x90\x00 not a pdf') }]);
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json()).toMatchObject({ errors: [{ path: 'files.0' }] });
    const tooMany = await send(Array.from({ length: 6 }, (_, index) => ({ name: `${index}.pdf`, content: PDF })));
    expect(tooMany.statusCode).toBe(413);
    const invalid = await t.app.inject({
      method: 'POST',
      url: '/api/v1/feedback/with-attachments',
      ...multipartSubmission({ ...buildSubmission(), title: '' }, []),
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ errors: [{ path: 'submission.title' }] });
  });
});
