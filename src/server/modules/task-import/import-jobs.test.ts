import { type Insertable, sql, TableNode, UpdateQueryNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../shared/schemas/spreadsheets.ts';
import type { ImportJobTable } from '../../db/schema.ts';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app.ts';
import { countRows, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { actorFor, buildProgramme } from '../../testing/task-factory.ts';
import { getImportJob, runImportJob } from './import-jobs.service.ts';
import { startImportWorker } from './import-worker.ts';
import {
  multipartFile,
  readWorkbook,
  type SheetRow,
  sheetValues,
  taskSheetRow,
  taskWorkbook,
} from '../../testing/spreadsheets-test-support.ts';
import { importTasks } from './task-import.service.ts';

const row = (title: string, lead = 'BKHCN'): SheetRow => taskSheetRow(title, { 'Mã cơ quan chủ trì': lead });
const rows = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => row(`${prefix} ${i + 1}`));

describe.each(TEST_DATABASE_KINDS)('task import jobs on %s', (kind) => {
  let t: TestApp;
  let steering: TestClient;
  let focal: TestClient;
  let inspector: TestClient;

  beforeAll(async () => {
    t = await createTestApp(kind);
    await buildProgramme(t.database.db, t.world);
    [steering, focal, inspector] = await Promise.all([
      t.signIn(t.world.person.steering.email),
      t.signIn(t.world.person.hanoiFocal.email),
      t.signIn(t.world.person.inspector.email),
    ]);
  });
  afterAll(() => t.close());

  const queue = (client: TestClient, content: Buffer, dryRun: boolean, language = 'vi') =>
    client.request({
      method: 'POST',
      url: `/api/v1/tasks/import/jobs?dry_run=${dryRun}`,
      ...multipartFile('nhiem-vu.xlsx', content),
      headers: { ...multipartFile('x', content).headers, 'accept-language': language },
    });
  /** A job as a worker left it running, written straight into the table: the steering member's apply. */
  const insertRunningJob = (
    programmeId: string,
    values: Pick<Insertable<ImportJobTable>, 'locale' | 'file_name' | 'content' | 'worker'> &
      Partial<Insertable<ImportJobTable>>,
  ) =>
    t.database.db
      .insertInto('import_job')
      .values({
        created_by: t.world.person.steering.id,
        programme_id: programmeId,
        mode: 'apply',
        state: 'running',
        ...values,
      })
      .returning(['id', 'created_by', 'programme_id', 'mode', 'locale', 'content'])
      .executeTakeFirstOrThrow();
  const getJob = (client: TestClient, id: string, language = 'en') =>
    client.request({ method: 'GET', url: `/api/v1/tasks/import/jobs/${id}`, headers: { 'accept-language': language } });
  async function finished(id: string): Promise<ImportJob> {
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const job: ImportJob = (await getJob(steering, id)).json();
      if (job.state === 'succeeded' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`job ${id} did not finish`);
  }
  const taskCount = () => countRows(t.database.db, 'task');

  it('answers 202 with the queued job and its Location, then the same report as the synchronous dry run', async () => {
    const file = await taskWorkbook([...rows(3, 'Nhiệm vụ'), row('Báo cáo', 'XYZ')]);
    const response = await queue(steering, file, true);
    expect(response.statusCode, response.body).toBe(202);
    const queued: ImportJob = response.json();
    expect(response.headers.location).toBe(`/api/v1/tasks/import/jobs/${queued.id}`);
    expect(queued).toMatchObject({ dryRun: true, fileName: 'nhiem-vu.xlsx', report: null, failure: null });
    expect(['queued', 'running']).toContain(queued.state);

    const job = await finished(queued.id);
    expect(job).toMatchObject({ state: 'succeeded', rowsTotal: 4, rowsProcessed: 4 });
    const synchronous = await steering.request({
      method: 'POST',
      url: '/api/v1/tasks/import?dry_run=true',
      ...multipartFile('nhiem-vu.xlsx', file),
      headers: { ...multipartFile('x', file).headers, 'accept-language': 'vi' },
    });
    // Codes a dry run would give are the same in both: nothing was written in between.
    expect(job.report).toEqual(synchronous.json());
    expect(job.report?.summary).toEqual({ create: 3, update: 0, unchanged: 0, error: 1 });
    expect(await taskCount()).toBe(0);
  });

  it('applies all rows or none: a faulty row leaves the database as it was', async () => {
    const refused = await finished(
      (await queue(steering, await taskWorkbook([row('A'), row('B', 'XYZ')]), false)).json().id,
    );
    expect(refused).toMatchObject({ state: 'succeeded', report: { applied: false, summary: { create: 1, error: 1 } } });
    expect(await taskCount()).toBe(0);

    const applied = await finished((await queue(steering, await taskWorkbook(rows(30, 'Việc')), false)).json().id);
    expect(applied).toMatchObject({ state: 'succeeded', report: { applied: true, summary: { create: 30 } } });
    expect(await taskCount()).toBe(30);
    const codes = applied.report?.rows.map((r) => r.code) ?? [];
    expect(new Set(codes).size).toBe(30);
    // Each task as the API would have made it: coordinators, a first period, a creation event.
    const counts = await sql<{ coordinators: number; periods: number; events: number }>`
      SELECT (SELECT count(*) FROM task_coordinator)::int AS coordinators,
             (SELECT count(*) FROM task_period)::int AS periods,
             (SELECT count(*) FROM task_event WHERE kind = 'created')::int AS events`.execute(t.database.db);
    expect(counts.rows[0]).toEqual({ coordinators: 60, periods: 30, events: 30 });
    const admin = await t.signIn(t.world.person.admin.email);
    const verify = await admin.request({ method: 'GET', url: '/api/v1/audit/verify' });
    expect(verify.json()).toMatchObject({ ok: true });
    const audit = await admin.request({ method: 'GET', url: '/api/v1/audit?action=task.created&limit=100' });
    expect(audit.json().items).toHaveLength(30);
  });

  it('refuses on its row a code the programme numbering gives to an earlier row, as the API would', async () => {
    const { next_task_number: next } = await t.database.db
      .selectFrom('programme')
      .select('next_task_number')
      .executeTakeFirstOrThrow();
    const generated = `R57-${String(next).padStart(4, '0')}`;
    const file = await taskWorkbook([row('Đầu'), { 'Mã nhiệm vụ': generated, ...row('Sau') }]);
    const job = await finished((await queue(steering, file, true, 'en')).json().id);
    expect(job.report?.rows.map((r) => [r.status, r.code])).toEqual([
      ['create', generated],
      ['error', generated],
    ]);
    expect(job.report?.rows[1]?.errors).toEqual([
      { column: 'code', columnTitle: expect.any(String), cell: expect.any(String), message: expect.any(String) },
    ]);
  });

  it('fails a job whose file cannot be read, with the reason in the reader’s language', async () => {
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a workbook')]);
    const job = await finished((await queue(steering, garbage, true)).json().id);
    expect(job).toMatchObject({ state: 'failed', report: null, failure: { code: 'unreadable_file' } });
    expect(job.failure?.message).toBe('The file cannot be read as an Excel workbook (.xlsx).');
  });

  it('lets only its creator and inspectors read a job; only a steering role queues one', async () => {
    const id = (await queue(steering, await taskWorkbook([row('X')]), true)).json().id;
    await finished(id);
    expect((await getJob(focal, id)).statusCode).toBe(404);
    expect((await getJob(inspector, id)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/tasks/import/jobs/${id}` })).statusCode).toBe(401);
    expect((await queue(focal, await taskWorkbook([row('Y')]), true)).statusCode).toBe(403);
    expect((await getJob(steering, 'not-a-uuid')).statusCode).toBe(400);
  });

  it('tells progress as rows are done, and a running job’s live progress over what was stored', async () => {
    const actor = await actorFor(t.database.db, t.world.person.steering);
    const seen: Array<[number, number]> = [];
    await importTasks(
      t.database.db,
      actor,
      { bytes: await taskWorkbook(rows(600, 'Tiến độ')), dryRun: true, programme: 'R57', locale: 'vi' },
      (processed, total) => seen.push([processed, total]),
    );
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.every(([, total]) => total === 600)).toBe(true);
    expect(seen.map(([processed]) => processed)).toEqual([...seen.map(([p]) => p)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([600, 600]);

    const [running] = await t.database.db
      .insertInto('import_job')
      .values({
        created_by: t.world.person.steering.id,
        programme_id: (await t.database.db.selectFrom('programme').select('id').executeTakeFirstOrThrow()).id,
        mode: 'apply',
        state: 'running',
        locale: 'vi',
        file_name: 'x.xlsx',
        content: Buffer.alloc(0),
        rows_total: 100,
        heartbeat_at: new Date(),
      })
      .returning('id')
      .execute();
    const id = running?.id ?? '';
    const live = new Map([[id, { processed: 40, total: 100 }]]);
    const view = await getImportJob(t.database.db, actor.principal, id, live, 'en');
    expect(view).toMatchObject({ state: 'running', rowsProcessed: 40, rowsTotal: 100 });
    expect((await getJob(steering, id)).json()).toMatchObject({ state: 'running', rowsProcessed: 0 });
  });

  it('fails at start-up a job whose lease ran out, saying why; on PostgreSQL not one another process holds', async () => {
    const programmeId = (await t.database.db.selectFrom('programme').select('id').executeTakeFirstOrThrow()).id;
    const running = async (worker: string, leaseUntil: Date) =>
      (
        await insertRunningJob(programmeId, {
          locale: 'vi',
          file_name: 'lost.xlsx',
          content: await taskWorkbook([row('Mất')]),
          worker,
          heartbeat_at: new Date(),
          lease_until: leaseUntil,
        })
      ).id;
    const abandoned = await running('dead-process', new Date(Date.now() - 1_000));
    const elsewhere = await running('live-process', new Date(Date.now() + 10 * 60_000));
    const worker = startImportWorker(t.database, { pollMs: 10_000 });
    await worker.stop();
    const job: ImportJob = (await getJob(steering, abandoned, 'vi')).json();
    expect(job).toMatchObject({ state: 'failed', failure: { code: 'interrupted' } });
    expect(job.failure?.message).toContain('gián đoạn');
    // PGlite's data directory admits one process: any job left running is a dead one's.
    expect((await getJob(steering, elsewhere)).json().state).toBe(kind === 'pglite' ? 'failed' : 'running');
    expect(await taskCount()).toBe(30);
    await t.database.db.deleteFrom('import_job').where('id', 'in', [abandoned, elsewhere]).execute();
  });

  it('commits an applied import with its job’s success: if that record fails, no task is written', async () => {
    const programmeId = (await t.database.db.selectFrom('programme').select('id').executeTakeFirstOrThrow()).id;
    const content = await taskWorkbook(rows(5, 'Nguyên tử'));
    const tasksBefore = await taskCount();
    const job = await insertRunningJob(programmeId, {
      locale: 'en',
      file_name: 'atomic.xlsx',
      content,
      worker: 'this-test',
    });
    // The first write of the job's outcome fails, as if the process died at that moment.
    let failures = 0;
    const failing = t.database.db.withPlugin({
      transformQuery({ node }) {
        if (
          UpdateQueryNode.is(node) &&
          node.table &&
          TableNode.is(node.table) &&
          node.table.table.identifier.name === 'import_job'
        ) {
          if (failures++ === 0) throw new Error('crash while recording the job');
        }
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    await expect(runImportJob(failing, job, () => {})).rejects.toThrow('crash while recording the job');
    expect(await taskCount()).toBe(tasksBefore);
    expect((await getJob(steering, job.id)).json()).toMatchObject({ state: 'failed', report: null });
  });

  it('imports nothing from an untouched template: the example is on a sheet of its own', async () => {
    const template = await steering.request({ method: 'GET', url: '/api/v1/tasks/import/template' });
    const workbook = await readWorkbook(template);
    expect(sheetValues(workbook.getWorksheet('Ví dụ - Example'))[2]).toContain('57-NQ/TW');
    expect(workbook.getWorksheet('Nhiệm vụ')?.actualRowCount).toBe(2);
    const job = await finished((await queue(steering, template.rawPayload, false)).json().id);
    expect(job.report).toMatchObject({ rows: [], summary: { create: 0, error: 0 } });
    expect(await taskCount()).toBe(30);
  });
});
