import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../db/database.ts';
import { loadPrincipal } from '../auth/auth.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import { CRASH_CHILD, crashTarget, type CrashTarget, spawnNode, waitUntil } from '../../testing/child-process.ts';
import { TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { seedTestWorld } from '../../testing/test-world.ts';
import { buildProgramme } from '../../testing/task-factory.ts';
import { createImportJob, getImportJob } from './import-jobs.service.ts';
import { startImportWorker } from './import-worker.ts';
import { type SheetRow, taskWorkbook } from '../../testing/spreadsheets-test-support.ts';

const row = (title: string): SheetRow => ({
  'Tên nhiệm vụ': title,
  'Nhóm nhiệm vụ (số)': 2,
  'Số văn bản giao': '57-NQ/TW',
  'Mã cơ quan chủ trì': 'BKHCN',
  'Thời hạn hoàn thành': new Date('2026-06-30T00:00:00Z'),
  'Sản phẩm đầu ra': 'Hệ thống thông tin',
  'Mức độ ưu tiên': 'Khẩn',
  Mật: 'không',
});

/** Longer than the restart takes: the next start comes while the dead process's lease still runs. */
const CHILD_LEASE_SECONDS = 15;

describe.each(TEST_DATABASE_KINDS)('an import job whose process is killed mid-run, on %s', (kind) => {
  let target: CrashTarget;
  let principal: Principal;
  let jobId: string;

  beforeAll(async () => {
    target = await crashTarget(kind);
    const database = await target.open();
    try {
      await migrateToLatest(database.db);
      const world = await seedTestWorld(database.db);
      await buildProgramme(database.db, world);
      principal = await loadPrincipal(database.db, world.person.steering.id, '', 'session');
      // 600 new tasks: written in three batches, the second of which the child never reaches.
      const bytes = await taskWorkbook(Array.from({ length: 600 }, (_, i) => row(`Nhiệm vụ ${i + 1}`)));
      const job = await createImportJob(database.db, principal, {
        bytes,
        fileName: 'crash.xlsx',
        dryRun: false,
        programme: 'R57',
        locale: 'en',
      });
      jobId = job.id;
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => target.remove());

  it('is failed as interrupted by the next start, even one within its lease, and none of it is written', async () => {
    const child = spawnNode([CRASH_CHILD, 'run-import-job', String(CHILD_LEASE_SECONDS)], target.env);
    try {
      await child.waitFor(/a batch of tasks written, its transaction open/);
    } finally {
      await child.kill();
    }

    const database = await target.open();
    try {
      const { db } = database;
      const job = () =>
        db.selectFrom('import_job').select(['state', 'lease_until']).where('id', '=', jobId).executeTakeFirstOrThrow();
      const left = await job();
      expect(left.state).toBe('running');
      // The restart comes before the dead process's lease ends: the case that stayed running forever.
      if (kind === 'postgres') expect(left.lease_until?.getTime()).toBeGreaterThan(Date.now());

      const worker = startImportWorker(database, { pollMs: 100 });
      try {
        await waitUntil('failed', async () => (await job()).state !== 'running', (CHILD_LEASE_SECONDS + 60) * 1000);
      } finally {
        await worker.stop();
      }
      const view = await getImportJob(db, principal, jobId, new Map(), 'en');
      expect(view).toMatchObject({ state: 'failed', report: null, failure: { code: 'interrupted' } });
      // The import's transaction died with its process: not one task of the batch it wrote.
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM task`.execute(db);
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await database.close();
    }
  }, 180_000);
});
