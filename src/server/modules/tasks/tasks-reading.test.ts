import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, today } from '../../../shared/domain/calendar-date.ts';
import type { TaskPage, TaskSummary } from '../../../shared/schemas/tasks.ts';
import { actorFor, buildProgramme, buildTask, move, type TestProgramme } from '../../testing/task-factory.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';

type Page = TaskPage;

/**
 * Reading tasks: filters, sort, pages, and who sees what. Nine tasks made today through the
 * services, by title: A…H at the top level, S a sub-task of C for a ward of Hà Nội.
 */
describe.each(TEST_DATABASE_KINDS)('reading tasks on %s', (kind) => {
  let t: TestApp;
  let programme: TestProgramme;
  const ids = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'S', string>;
  const client: Record<string, TestClient> = {};
  const day = (offset: number) => addDays(today(), offset);

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    programme = await buildProgramme(db, t.world);
    const [g1, g2] = programme.groups;
    const [d1, d2] = programme.documents;
    const steering = await actorFor(db, t.world.person.steering);
    const ministryFocal = await actorFor(db, t.world.person.ministryFocal);
    const hanoiFocal = await actorFor(db, t.world.person.hanoiFocal);
    const { ministry, hanoi, hcm, hoanKiem } = t.world.org;
    const make = (title: string, leadOrganizationId: string, extra: object = {}) =>
      buildTask(db, steering, { programmeId: programme.id, title, leadOrganizationId, ...extra });
    ids.A = await make('A Cổng dữ liệu quốc gia', ministry.id, {
      taskGroupId: g1.id,
      sourceDocumentId: d1.id,
      deadline: day(30),
    });
    ids.B = await make('B Luật Khoa học', ministry.id, {
      taskGroupId: g2.id,
      sourceDocumentId: d2.id,
      deadline: day(-5),
    });
    ids.C = await make('C Đề án Thủ đô số', hanoi.id, {
      taskGroupId: g1.id,
      sourceDocumentId: d1.id,
      deadline: day(3),
    });
    ids.D = await make('D Trực ban thường xuyên', hanoi.id, { taskGroupId: g2.id, deadline: null });
    ids.E = await make('E Báo cáo quý', hanoi.id, { taskGroupId: g1.id, deadline: day(10) });
    ids.F = await make('F Thành phố thông minh', hcm.id, { deadline: day(100) });
    ids.G = await make('G Nhiệm vụ mật', hanoi.id, { deadline: day(50), isConfidential: true });
    ids.H = await make('H Bản nháp', ministry.id, { deadline: day(20), assign: false });
    ids.S = await buildTask(db, hanoiFocal, {
      programmeId: programme.id,
      title: 'S Triển khai tại Hoàn Kiếm',
      leadOrganizationId: hoanKiem.id,
      parentTaskId: ids.C,
      deadline: day(2),
    });
    await move(db, ministryFocal, ids.B, { percent: 30 });
    await move(db, hanoiFocal, ids.E, 'submit');
    await move(db, steering, ids.E, 'accept');
    for (const key of ['steering', 'hanoiFocal', 'inspector', 'outsider', 'leader', 'ministryFocal'] as const) {
      client[key] = await t.signIn(t.world.person[key].email);
    }
  });
  afterAll(() => t.close());

  const list = async (query: string, as = 'steering'): Promise<Page> => {
    const response = await client[as]!.request({ method: 'GET', url: `/api/v1/tasks?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const titles = (page: Page) => page.items.map((item) => item.title.slice(0, 1)).sort();

  describe('filters', () => {
    it('lists the top-level tasks of the scope, drafts included, with their timeliness', async () => {
      const page = await list('limit=100');
      expect(titles(page)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
      expect(page).toMatchObject({ total: 8, totalIsCapped: false });
      const by = Object.fromEntries(page.items.map((item) => [item.title.slice(0, 1), item]));
      expect(Object.fromEntries(Object.entries(by).map(([k, v]) => [k, v.timeliness]))).toEqual({
        A: 'on_track',
        B: 'overdue',
        C: 'due_soon',
        D: 'ongoing',
        E: 'on_time',
        F: 'on_track',
        G: 'on_track',
        H: null,
      });
      expect(by.B).toMatchObject({ state: 'in_progress', daysLate: 5, progressPercent: 30 });
    });

    it('filters by state, timeliness, agency, group, document and deadline range', async () => {
      const [g1] = programme.groups;
      const [, d2] = programme.documents;
      expect(titles(await list('state=draft'))).toEqual(['H']);
      expect(titles(await list('state=completed,in_progress'))).toEqual(['B', 'E']);
      expect(titles(await list('timeliness=overdue'))).toEqual(['B']);
      expect(titles(await list('timeliness=due_soon,ongoing'))).toEqual(['C', 'D']);
      expect(titles(await list('agency=01'))).toEqual(['C', 'D', 'E', 'G']);
      expect(titles(await list(`agency=${t.world.org.government.id}`))).toEqual(['A', 'B', 'H']);
      expect(titles(await list(`group=${g1.id}`))).toEqual(['A', 'C', 'E']);
      expect(titles(await list(`document=${d2.id}`))).toEqual(['B']);
      expect(titles(await list(`deadline_from=${day(0)}&deadline_to=${day(30)}`))).toEqual(['A', 'C', 'E', 'H']);
      expect(titles(await list(`agency=01&timeliness=due_soon&group=${g1.id}`))).toEqual(['C']);
      const bad = await client.steering!.request({ method: 'GET', url: '/api/v1/tasks?state=finished' });
      expect(bad.statusCode).toBe(400);
    });

    it('searches titles and codes ignoring case and diacritics', async () => {
      expect(titles(await list('q=cong%20du%20lieu'))).toEqual(['A']);
      expect(titles(await list(`q=${encodeURIComponent('THỦ ĐÔ')}`))).toEqual(['C']);
      expect(titles(await list('q=thanh%20pho'))).toEqual(['F']);
      expect(titles(await list('q=100%25'))).toEqual([]);
      const [a] = (await list('q=cong%20du%20lieu')).items;
      expect(titles(await list(`q=${a?.code.toLowerCase()}`))).toEqual(['A']);
    });
  });

  describe('order and pages', () => {
    it('sorts by deadline (standing duties last) and by code, both ways', async () => {
      const deadlines = (await list('sort=deadline')).items.map((i) => i.effectiveDeadline);
      expect(deadlines.at(-1)).toBeNull();
      const dated = deadlines.filter((d): d is string => d !== null);
      expect(dated).toEqual([...dated].sort());
      const descending = (await list('sort=-deadline')).items.map((i) => i.effectiveDeadline);
      expect(descending.at(-1)).toBeNull();
      expect(descending.slice(0, -1)).toEqual([...dated].reverse());
      const codes = (await list('sort=code')).items.map((i) => i.code);
      expect(codes).toEqual([...codes].sort());
      expect((await list('sort=-code')).items.map((i) => i.code)).toEqual([...codes].reverse());
      const progress = (await list('sort=-progress')).items.map((i) => i.progressPercent);
      expect(progress).toEqual([...progress].sort((a, b) => b - a));
    });

    it.each(['deadline', '-title', 'progress'])(
      'pages by %s without gaps or duplicates, with the total',
      async (sort) => {
        const all = await list(`sort=${sort}&limit=100`);
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const page: Page = await list(`sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
          expect(page.total).toBe(8);
          seen.push(...page.items.map((i) => i.id));
          cursor = page.nextCursor;
          pages += 1;
        } while (cursor && pages < 10);
        expect(pages).toBe(3);
        expect(seen).toEqual(all.items.map((i) => i.id));
        expect(new Set(seen).size).toBe(8);
      },
    );
  });

  describe('scope', () => {
    it('refuses a scope outside the caller’s, and confines a focal point to the tasks its city leads', async () => {
      const outside = await client.outsider!.request({ method: 'GET', url: '/api/v1/tasks?scope=01' });
      expect(outside.statusCode).toBe(403);
      expect(outside.json().code).toBe('forbidden');
      const hanoi = await list('', 'hanoiFocal');
      expect(titles(hanoi)).toEqual(['C', 'D', 'E', 'G', 'S']);
      expect(hanoi.items.every((i) => i.lead.code.startsWith('01'))).toBe(true);
      expect((await client.hanoiFocal!.request({ method: 'GET', url: '/api/v1/tasks?scope=VN' })).statusCode).toBe(403);
      expect(titles(await list('', 'inspector'))).toEqual(titles(await list('')));
      expect(titles(await list('', 'outsider'))).toEqual(['F']);
    });

    it('shows a confidential task to the readers of its scope and to nobody else', async () => {
      const read = (as: string) => client[as]!.request({ method: 'GET', url: `/api/v1/tasks/${ids.G}` });
      for (const reader of ['hanoiFocal', 'leader', 'steering']) {
        const response = await read(reader);
        expect(response.statusCode, reader).toBe(200);
        expect(response.json().isConfidential).toBe(true);
      }
      for (const other of ['outsider', 'ministryFocal']) expect((await read(other)).statusCode, other).toBe(403);
      expect(titles(await list('q=mat', 'outsider'))).toEqual([]);
      expect(titles(await list('q=mat', 'ministryFocal'))).toEqual([]);
    });

    it('counts a sub-task in its unit’s scope and its parent’s lead agency’s, not above (decision 0021)', async () => {
      expect(titles(await list(`scope=${t.world.org.hoanKiem.id}`, 'hanoiFocal'))).toEqual(['S']);
      expect(titles(await list('scope=01', 'hanoiFocal'))).toContain('S');
      expect(titles(await list('scope=VN'))).not.toContain('S');
      expect(titles(await list(`parent=${ids.C}`, 'hanoiFocal'))).toEqual(['S']);
      const parent = await client.hanoiFocal!.request({ method: 'GET', url: `/api/v1/tasks/${ids.C}` });
      expect(parent.json().children.map((c: TaskSummary) => c.id)).toEqual([ids.S]);
    });

    it('does not list the sub-tasks of a task the caller may not read', async () => {
      const response = await client.outsider!.request({ method: 'GET', url: `/api/v1/tasks?parent=${ids.C}` });
      expect(response.statusCode, response.body).toBe(403);
      const ministry = await client.ministryFocal!.request({ method: 'GET', url: `/api/v1/tasks?parent=${ids.C}` });
      expect(ministry.statusCode).toBe(403);
    });
  });

  // Last, as it adds a task: the lists above count eight.
  describe('pages that follow their cursor', () => {
    it('continue after the last task shown, even when a task is added before it meanwhile', async () => {
      const first = await list('sort=deadline&limit=3');
      const shown = first.items.map((item) => item.id);
      const steering = await actorFor(t.database.db, t.world.person.steering);
      // The earliest deadline of all: an offset would now show the first page's last task again.
      await buildTask(t.database.db, steering, {
        programmeId: programme.id,
        title: 'I Nhiệm vụ giao thêm',
        leadOrganizationId: t.world.org.ministry.id,
        deadline: day(-60),
      });
      const rest: string[] = [];
      let cursor = first.nextCursor;
      while (cursor) {
        const page = await list(`sort=deadline&limit=3&cursor=${cursor}`);
        rest.push(...page.items.map((item) => item.id));
        cursor = page.nextCursor;
      }
      expect(rest.filter((id) => shown.includes(id))).toEqual([]);
      expect(new Set([...shown, ...rest])).toEqual(new Set(Object.values(ids).filter((id) => id !== ids.S)));
    });

    it('refuse a cursor of another order, or one that is not theirs, as invalid input', async () => {
      const { nextCursor } = await list('sort=deadline&limit=2');
      const request = (query: string) =>
        client.steering!.request({
          method: 'GET',
          url: `/api/v1/tasks?${query}`,
          headers: { 'accept-language': 'vi' },
        });
      const otherOrder = await request(`sort=code&limit=2&cursor=${nextCursor}`);
      expect(otherOrder.statusCode).toBe(400);
      expect(otherOrder.json().errors).toEqual([
        { path: 'querystring.cursor', message: expect.stringContaining('thứ tự khác') },
      ]);
      for (const cursor of ['2', 'not-a-cursor', Buffer.from('["deadline","soon","X"]').toString('base64url')]) {
        const response = await request(`sort=deadline&cursor=${cursor}`);
        expect(response.statusCode, cursor).toBe(400);
        expect(response.json().errors[0].path).toBe('querystring.cursor');
      }
    });
  });
});
