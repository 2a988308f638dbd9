import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchKind, SearchResult } from '../../../shared/schemas/search.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { createMeeting } from '../directives/directives.service.ts';
import { transitionFeedback } from '../feedback/feedback-handling.service.ts';
import { submitFeedback } from '../feedback/feedback.service.ts';
import { createOrganizations } from '../organizations/organizations.service.ts';
import { buildSubmission } from '../../testing/feedback-test-support.ts';
import { actorFor, buildProgramme, buildTask } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

type Who = 'steering' | 'hanoiFocal' | 'hanoiAdmin' | 'ministryFocal' | 'outsider' | 'inspector' | 'handler';

/**
 * The global search and the lists' `q` (decision 0022): words in any order, diacritics ignored,
 * ranked; codes go straight to their item; each person finds only what they may read.
 */
describe.each(TEST_DATABASE_KINDS)('search on %s', (kind) => {
  let t: TestApp;
  const client = {} as Record<Who, TestClient>;
  const task = {} as Record<'fintech' | 'skills' | 'scattered' | 'secret' | 'commune', { id: string; code: string }>;
  let trackingCode: string;
  let feedbackId: string;
  let meetingId: string;
  let provincialDepartmentId: string;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const { hanoi, ministry, hoanKiem } = t.world.org;
    const programme = await buildProgramme(db, t.world);
    const steering = await actorFor(db, t.world.person.steering);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const make = async (key: keyof typeof task, title: string, lead: string, extra: object = {}) => {
      const id = await buildTask(db, steering, {
        programmeId: programme.id,
        title,
        leadOrganizationId: lead,
        ...extra,
      });
      const row = await db.selectFrom('task').select('code').where('id', '=', id).executeTakeFirstOrThrow();
      task[key] = { id, code: row.code };
    };
    await make('fintech', 'Thí điểm cơ chế thử nghiệm có kiểm soát (sandbox) cho fintech', ministry.id);
    await make('skills', 'Bồi dưỡng kỹ năng số cho cán bộ, công chức', hanoi.id);
    await make(
      'scattered',
      'Cán bộ phường tự đánh giá kỹ năng sử dụng dịch vụ công trực tuyến và số hóa hồ sơ lưu trữ',
      hanoi.id,
    );
    await make('secret', 'Kế hoạch fintech an ninh', hanoi.id, { isConfidential: true });
    const communeId = await buildTask(db, hanoiFocal, {
      programmeId: programme.id,
      title: 'Triển khai kỹ năng số tại phường',
      leadOrganizationId: hoanKiem.id,
      parentTaskId: task.skills.id,
    });
    const commune = await db.selectFrom('task').select('code').where('id', '=', communeId).executeTakeFirstOrThrow();
    task.commune = { id: communeId, code: commune.code };

    const [department] = await createOrganizations(db, SYSTEM, [
      {
        parentId: hanoi.id,
        code: '01.SKHCN',
        kind: 'provincial_department',
        nameVi: 'Sở Khoa học và Công nghệ Hà Nội',
        nameEn: 'Hanoi Department of Science and Technology',
      },
    ]);
    provincialDepartmentId = department!.id;

    const meeting = await createMeeting(db, steering.principal, {
      organizationId: hanoi.id,
      heldOn: '2025-06-02',
      title: 'Phiên họp Ban Chỉ đạo Hà Nội',
      conclusions: ['Mở rộng thử nghiệm fintech trong khu vực sandbox của Thành phố'],
    });
    meetingId = meeting.id;

    const receipt = await submitFeedback(
      db,
      {
        ...buildSubmission({ title: 'Đề nghị mở rộng sandbox', content: 'Doanh nghiệp fintech chờ được thử nghiệm.' }),
        consentToPublish: true,
      },
      { address: '192.0.2.7', now: new Date() },
    );
    trackingCode = receipt.trackingCode;
    const item = await db
      .selectFrom('feedback_item')
      .select('id')
      .where('tracking_code', '=', trackingCode)
      .executeTakeFirstOrThrow();
    feedbackId = item.id;
    const system = { principal: SYSTEM, now: new Date() };
    await transitionFeedback(db, system, feedbackId, undefined, { action: 'accept' });
    await transitionFeedback(db, system, feedbackId, undefined, { action: 'assign', organizationId: hanoi.id });

    for (const who of Object.keys({
      steering: 1,
      hanoiFocal: 1,
      hanoiAdmin: 1,
      ministryFocal: 1,
      outsider: 1,
      inspector: 1,
      handler: 1,
    }) as Who[]) {
      client[who] = await t.signIn(t.world.person[who].email);
    }
  });
  afterAll(() => t.close());

  const search = async (q: string, as: Who = 'steering'): Promise<SearchResult> => {
    const response = await client[as].request({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const ids = (result: SearchResult, kind: SearchKind) =>
    result.groups.find((group) => group.kind === kind)?.items.map((item) => item.id);
  const list = async (path: string, as: Who = 'steering') => {
    const response = await client[as].request({ method: 'GET', url: path });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json() as { items: Array<{ id: string }> }).items.map((item) => item.id);
  };

  describe('words in any order, diacritics ignored', () => {
    it('finds "fintech sandbox" in "… (sandbox) cho fintech": neither adjacent nor in order', async () => {
      const result = await search('fintech sandbox');
      expect(ids(result, 'task')).toEqual(expect.arrayContaining([task.fintech.id]));
      expect(ids(result, 'meeting')).toEqual([meetingId]);
      expect(await list(`/api/v1/tasks?q=${encodeURIComponent('fintech sandbox')}`)).toContain(task.fintech.id);
    });

    it('finds "ky nang so can bo", the closest and shortest match first', async () => {
      const result = await search('ky nang so can bo');
      expect(ids(result, 'task')).toEqual([task.skills.id, task.scattered.id]);
      const listed = await list(`/api/v1/tasks?q=${encodeURIComponent('ky nang so can bo')}&limit=50`);
      expect(listed.sort()).toEqual([task.skills.id, task.scattered.id].sort());
    });

    it('finds "khoa hoc cong nghe" for "Bộ Khoa học và Công nghệ", the ministry before the department', async () => {
      const result = await search('khoa hoc cong nghe');
      expect(ids(result, 'organization')).toEqual([t.world.org.ministry.id, provincialDepartmentId]);
      const listed = await list(`/api/v1/organizations?q=${encodeURIComponent('khoa hoc cong nghe')}`);
      expect(listed).toEqual(expect.arrayContaining([t.world.org.ministry.id, provincialDepartmentId]));
    });

    it('takes the last word as a prefix, đ as d, and any case', async () => {
      expect(ids(await search('KỸ NĂNG SỐ CÁN B'), 'task')).toContain(task.skills.id);
      expect(ids(await search('de nghi mo rong', 'handler'), 'feedback')).toEqual([feedbackId]);
      expect(ids(await search('Đề nghị sandbox', 'handler'), 'feedback')).toEqual([feedbackId]);
    });

    it('finds sub-tasks led within the reader’s scope, and meetings and documents by their words', async () => {
      expect(ids(await search('trien khai ky nang', 'hanoiFocal'), 'task')).toEqual([task.commune.id]);
      expect(ids(await search('van ban 57'), 'document')).toHaveLength(1);
      expect(await list(`/api/v1/meetings?q=${encodeURIComponent('sandbox thanh pho')}`)).toEqual([meetingId]);
      expect(await list(`/api/v1/directives?q=${encodeURIComponent('57 van ban')}`)).toHaveLength(1);
    });

    it('finds nothing for words that are not all there', async () => {
      const result = await search('fintech khoa hoc');
      expect(result.groups.flatMap((group) => group.items)).toEqual([]);
      expect(result.goTo).toBeNull();
    });
  });

  describe('codes go straight to their item', () => {
    it('answers a task code, a sub-task code and a document number in goTo', async () => {
      expect((await search(task.skills.code.toLowerCase())).goTo).toMatchObject({ kind: 'task', id: task.skills.id });
      expect((await search(` ${task.commune.code} `, 'hanoiFocal')).goTo).toMatchObject({ id: task.commune.id });
      expect((await search('57-nq/tw')).goTo).toMatchObject({ kind: 'document', code: '57-NQ/TW' });
    });

    it('answers a tracking code to the item’s handler, with the code, and in the queue’s q', async () => {
      const result = await search(trackingCode.toLowerCase().replace('-', ''), 'handler');
      expect(result.goTo).toMatchObject({ kind: 'feedback', id: feedbackId, code: trackingCode });
      expect(await list(`/api/v1/feedback?q=${trackingCode}`, 'handler')).toEqual([feedbackId]);
    });
  });

  describe('each person finds only what they may read', () => {
    it('shows a confidential task to its readers only', async () => {
      expect(ids(await search('fintech', 'hanoiFocal'), 'task')).toContain(task.secret.id);
      expect(ids(await search('fintech', 'inspector'), 'task')).toContain(task.secret.id);
      expect(ids(await search('fintech', 'hanoiAdmin'), 'task')).not.toContain(task.secret.id);
      expect((await search(task.secret.code, 'hanoiAdmin')).goTo).toBeNull();
      expect(ids(await search('fintech', 'ministryFocal'), 'task')).toEqual([task.fintech.id]);
    });

    it('keeps another province’s tasks, meetings and codes out of reach', async () => {
      const result = await search('ky nang so', 'outsider');
      expect(ids(result, 'task')).toEqual([]);
      expect(ids(await search('fintech sandbox', 'outsider'), 'meeting')).toEqual([]);
      expect((await search(task.commune.code, 'outsider')).goTo).toBeNull();
      expect((await search(task.commune.code, 'ministryFocal')).goTo).toBeNull();
    });

    it('shows feedback to its readers only, and its tracking code to its handlers only', async () => {
      expect(ids(await search('fintech sandbox', 'outsider'), 'feedback')).toBeUndefined();
      const inspector = await search('fintech sandbox', 'inspector');
      expect(inspector.groups.find((group) => group.kind === 'feedback')?.items).toEqual([
        expect.objectContaining({ id: feedbackId, code: null }),
      ]);
      expect((await search(trackingCode, 'inspector')).goTo).toBeNull();
      expect(await list(`/api/v1/feedback?q=${trackingCode}`, 'inspector')).toEqual([]);
    });
  });

  it('refuses an empty or over-long query with a problem naming q', async () => {
    for (const q of ['', ' ', 'x'.repeat(201)]) {
      const response = await client.steering.request({ method: 'GET', url: `/api/v1/search?q=${q}` });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors[0].path).toBe('querystring.q');
    }
  });

  it('says whether a group has more than the limit', async () => {
    const response = await client.steering.request({ method: 'GET', url: '/api/v1/search?q=ky%20nang&limit=1' });
    const group = (response.json() as SearchResult).groups.find((item) => item.kind === 'task');
    expect(group?.items).toHaveLength(1);
    expect(group?.hasMore).toBe(true);
  });
});
