import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVIDENCE_MAX_BYTES } from '../../../shared/domain/evidence.ts';
import { closing, filler, MULTIPART_HEADERS, part, streamedBody } from '../../testing/streamed-body.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createProgramme } from '../directives/directives.service.ts';
import { createTask } from './task-commands.service.ts';

const MiB = 1024 * 1024;
const PDF_HEAD = Buffer.from('%PDF-1.7\n');
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);

function multipart(fileName: string, content: Buffer) {
  const boundary = '----steerboard-test-boundary';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n`),
    Buffer.from('Content-Type: application/octet-stream\r\n\r\n'),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(TEST_DATABASE_KINDS)('evidence files on %s', (kind) => {
  let t: TestApp;
  let focal: TestClient;
  let taskId: string;
  const upload = (client: TestClient, fileName: string, content: Buffer) =>
    client.request({ method: 'POST', url: `/api/v1/tasks/${taskId}/files`, ...multipart(fileName, content) });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const programme = await createProgramme(t.database.db, SYSTEM, {
      code: 'EV',
      nameVi: 'Chương trình thử',
      nameEn: 'Test programme',
      ownerOrganizationId: t.world.org.root.id,
      groups: [],
    });
    taskId = await createTask(
      t.database.db,
      { principal: SYSTEM, now: new Date() },
      {
        title: 'Báo cáo kết quả chuyển đổi số',
        description: '',
        programmeId: programme.id,
        assignerOrganizationId: t.world.org.root.id,
        leadOrganizationId: t.world.org.hanoi.id,
        coordinatingOrganizationIds: [],
        deadline: '2030-12-31',
        expectedOutput: 'report',
        priority: 'normal',
        isConfidential: false,
        assign: true,
      },
    );
    focal = await t.signIn(t.world.person.hanoiFocal.email);
  });
  afterAll(() => t.close());

  it('stores a PDF from the lead agency, attaches it to a report and serves it back to readers', async () => {
    const uploaded = await upload(focal, 'Báo cáo quý III.pdf', PDF);
    expect(uploaded.statusCode).toBe(201);
    const file = uploaded.json();
    expect(file).toMatchObject({
      fileName: 'Báo cáo quý III.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      reportId: null,
    });
    const report = await focal.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/reports`,
      payload: { percent: 40, narrative: 'Đã có báo cáo', evidenceFileIds: [file.id] },
    });
    expect(report.statusCode).toBe(201);
    expect(report.json().reports[0].files).toEqual([
      expect.objectContaining({ id: file.id, reportId: report.json().reports[0].id }),
    ]);
    const leader = await t.signIn(t.world.person.leader.email);
    const download = await leader.request({ method: 'GET', url: `/api/v1/files/${file.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''B%C3%A1o");
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a file attached twice or belonging to nothing', async () => {
    const file = (await upload(focal, 'minh-chung.pdf', PDF)).json();
    const report = (ids: string[]) =>
      focal.request({
        method: 'POST',
        url: `/api/v1/tasks/${taskId}/reports`,
        payload: { percent: 50, narrative: 'x', evidenceFileIds: ids },
      });
    expect((await report([file.id])).statusCode).toBe(201);
    const again = await report([file.id]);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].path).toBe('evidenceFileIds');
  });

  it('checks the type by content, not only by name, and the size', async () => {
    const renamed = await upload(focal, 'report.pdf', Buffer.from('MZ\x90\x00 this is an executable'));
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().code).toBe('unsupported_media_type');
    const script = await upload(focal, 'virus.exe', PDF);
    expect(script.statusCode).toBe(415);
    const tooLarge = await upload(focal, 'big.pdf', Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]));
    expect(tooLarge.statusCode).toBe(413);
    const notMultipart = await focal.request({
      method: 'POST',
      url: `/api/v1/tasks/${taskId}/files`,
      payload: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBe(415);
  });

  describe('a file over the limit', () => {
    /**
     * A PDF of `size` bytes sent in pieces of `piece` bytes, one of them ending exactly at the limit;
     * the answer, and how much of the body the server read.
     */
    const uploadStreamed = (client: TestClient, size: number, piece: number, headers: Record<string, string> = {}) => {
      const upToLimit = Math.min(size, EVIDENCE_MAX_BYTES) - PDF_HEAD.length;
      const content = function* () {
        yield PDF_HEAD;
        yield* filler(upToLimit, piece);
        yield* filler(size - PDF_HEAD.length - upToLimit, piece);
      };
      const body = streamedBody(
        (function* () {
          yield* part('file', 'minh-chung.pdf', content());
          yield* closing();
        })(),
      );
      const url = `/api/v1/tasks/${taskId}/files`;
      return client
        .request({ method: 'POST', url, headers: { ...MULTIPART_HEADERS, ...headers }, payload: body.payload })
        .then((response) => ({ response, bytesRead: body.bytesRead() }));
    };
    const stored = async () => ({
      files: (await t.database.db.selectFrom('evidence_file').select('id').execute()).length,
      audited: (
        await t.database.db
          .selectFrom('audit_log')
          .select('seq')
          .where('action', '=', 'task.evidence_uploaded')
          .execute()
      ).length,
    });

    // The parser cut a file at the limit without saying so when a piece of it ended exactly there
    // (1 MiB and 64 KiB pieces ending at 20 MiB, then one more byte): it was stored cut.
    it.each([
      ['one byte over, in 1 MiB pieces ending at the limit', EVIDENCE_MAX_BYTES + 1, MiB, 8],
      ['one byte over, in 64 KiB pieces ending at the limit', EVIDENCE_MAX_BYTES + 1, 64 * 1024, 4],
      ['one byte over, its first 20 MiB in one piece', EVIDENCE_MAX_BYTES + 1, EVIDENCE_MAX_BYTES, 2],
      ['far over (60 MiB), in 1 MiB pieces', 3 * EVIDENCE_MAX_BYTES, MiB, 2],
    ])('is refused with 413 in every try, %s, and nothing is stored', async (_, size, piece, tries) => {
      const before = await stored();
      for (let attempt = 0; attempt < tries; attempt += 1) {
        const { response, bytesRead } = await uploadStreamed(focal, size, piece);
        expect(response.statusCode, `try ${attempt + 1}: ${response.body.slice(0, 200)}`).toBe(413);
        expect(response.json().code).toBe('payload_too_large');
        // Reading stops at the limit, give or take the few 1 MiB pieces the streams between buffer.
        expect(bytesRead).toBeLessThan(EVIDENCE_MAX_BYTES + 8 * MiB);
      }
      expect(await stored()).toEqual(before);
    });

    it('is refused unread when its Content-Length says so', async () => {
      const announced = await uploadStreamed(focal, EVIDENCE_MAX_BYTES + 2 * MiB, MiB, {
        'content-length': String(EVIDENCE_MAX_BYTES + 2 * MiB + 200),
      });
      expect(announced.response.statusCode).toBe(413);
      expect(announced.bytesRead).toBeLessThan(MiB);
    });

    it('is not read at all from someone who may not add evidence to the task', async () => {
      const outsider = await t.signIn(t.world.person.outsider.email);
      const refused = await uploadStreamed(outsider, EVIDENCE_MAX_BYTES - MiB, MiB);
      expect(refused.response.statusCode).toBe(403);
      expect(refused.bytesRead).toBeLessThan(MiB);
    });

    it('takes a file of exactly the limit, whole', async () => {
      const { response } = await uploadStreamed(focal, EVIDENCE_MAX_BYTES, MiB);
      expect(response.statusCode).toBe(201);
      expect(response.json().sizeBytes).toBe(EVIDENCE_MAX_BYTES);
    });
  });

  it('lets only the lead agency upload, and only readers list and download', async () => {
    const outsider = await t.signIn(t.world.person.outsider.email);
    expect((await upload(outsider, 'x.pdf', PDF)).statusCode).toBe(403);
    const listed = await focal.request({ method: 'GET', url: `/api/v1/tasks/${taskId}/files` });
    expect(listed.statusCode).toBe(200);
    const [first] = listed.json().items;
    expect((await outsider.request({ method: 'GET', url: `/api/v1/tasks/${taskId}/files` })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'GET', url: `/api/v1/files/${first.id}` })).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/files/${first.id}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
