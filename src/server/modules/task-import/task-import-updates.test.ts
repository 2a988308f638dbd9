import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../db/database.ts';
import { actorFor, buildProgramme } from '../../testing/task-factory.ts';
import { countRows, openTestDatabase, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { seedTestWorld, type TestWorld } from '../../testing/test-world.ts';
import * as audit from '../audit/audit.service.ts';
import { SYSTEM } from '../../kernel/principal.ts';
import { updateTask } from '../tasks/task-commands.service.ts';
import type { Actor } from '../../kernel/actor.ts';
import { type SheetRow, taskSheetRow, taskWorkbook } from '../../testing/spreadsheets-test-support.ts';
import { type ImportProgress, importTasks } from './task-import.service.ts';

const TASKS = 120;

describe.each(TEST_DATABASE_KINDS)('update-heavy task imports on %s', (kind) => {
  let database: DatabaseHandle;
  let world: TestWorld;
  let actor: Actor;
  /** The tasks the file changes, as the first import created them. */
  let tasks: Array<{ id: string; code: string; title: string; version: number }>;

  const db = () => database.db;
  const run = async (rows: SheetRow[], dryRun: boolean, onProgress?: ImportProgress) =>
    importTasks(
      db(),
      { ...actor, now: new Date() },
      { bytes: await taskWorkbook(rows), dryRun, programme: 'R57', locale: 'en' },
      onProgress,
    );
  const current = () =>
    db().selectFrom('task').select(['id', 'code', 'title', 'version', 'priority']).orderBy('code').execute();
  const auditCount = () => countRows(db(), 'audit_log');
  const entriesAfter = (seq: number) =>
    db()
      .selectFrom('audit_log')
      .select(['seq', 'action', 'entity_type', 'entity_id', 'scope_path', 'before', 'after'])
      .where('seq', '>', seq)
      .orderBy('seq')
      .execute();
  const lastSeq = async () => Number((await db().selectFrom('audit_head').select('seq').executeTakeFirst())?.seq ?? 0);
  /** Every task retitled, every third one made high priority, every fifth given other coordinators. */
  const changes = (task: { code: string; title: string }, i: number) =>
    taskSheetRow(`${task.title} (sửa)`, {
      'Mã nhiệm vụ': task.code,
      ...(i % 3 === 0 ? { 'Mức độ ưu tiên': 'Cao' } : {}),
      ...(i % 5 === 0 ? { 'Mã cơ quan phối hợp': 'BKHCN' } : {}),
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await seedTestWorld(database.db);
    await buildProgramme(database.db, world);
    actor = await actorFor(database.db, world.person.steering);
    const created = await run(
      Array.from({ length: TASKS + 1 }, (_, i) => taskSheetRow(`Nhiệm vụ ${String(i).padStart(3, '0')}`)),
      false,
    );
    expect(created).toMatchObject({ applied: true, summary: { create: TASKS + 1 } });
    tasks = await current();
  });
  afterAll(() => database.close());

  it('writes nothing in a dry run, then refuses the whole file for one refused row', async () => {
    const [, ...changed] = tasks;
    const before = { tasks: await current(), entries: await auditCount() };
    const dryRun = await run(
      changed.map((task, i) => changes(task, i)),
      true,
    );
    expect(dryRun).toMatchObject({ applied: false, summary: { update: TASKS, error: 0 } });
    // An assigned task's deadline moves by extension only: updateTask refuses the row, after the
    // rows before it were written in the transaction, and the whole file is rolled back.
    const rows = changed.map((task, i) =>
      i === 60 ? { ...changes(task, i), 'Thời hạn hoàn thành': '31/12/2027' } : changes(task, i),
    );
    const refused = await run(rows, false);
    expect(refused).toMatchObject({ applied: false, summary: { update: TASKS - 1, error: 1 } });
    expect(refused.rows[60]).toMatchObject({ status: 'error', errors: [{ column: 'deadline' }] });
    expect(await current()).toEqual(before.tasks);
    expect(await auditCount()).toBe(before.entries);
    expect(await audit.verify(db())).toMatchObject({ ok: true });
  });

  it('applies an update-heavy file through updateTask, audited as the API audits, the audit lock at the end', async () => {
    const [twin, ...changed] = tasks;
    if (!twin) throw new Error('no tasks');
    // The API's own update of one task, for its audit entry.
    const bkhcn = world.org.ministry.id;
    await updateTask(db(), actor, twin.id, twin.version, {
      title: `${twin.title} (sửa)`,
      priority: 'high',
      coordinatingOrganizationIds: [bkhcn],
    });
    const [apiEntry] = await entriesAfter((await lastSeq()) - 1);
    const start = await lastSeq();

    // Another writer, once the import has changed a few tasks (on PostgreSQL only: PGlite has one
    // connection, which the import holds).
    let other: Promise<number> | undefined;
    let isImportDone = false;
    const onProgress: ImportProgress = (processed) => {
      if (kind === 'pglite' || other || processed < 5) return;
      other = db()
        .transaction()
        .execute((tx) =>
          audit.record(tx, SYSTEM, [{ action: 'test.meanwhile', entityType: 'test', entityId: 'x', scopePath: null }]),
        )
        .then(() => (isImportDone ? 1 : 0));
    };
    const report = await run(
      [
        ...changed.map((task, i) => changes(task, i + 1)),
        taskSheetRow('Nhiệm vụ mới 1'),
        taskSheetRow('Nhiệm vụ mới 2'),
      ],
      false,
      onProgress,
    );
    isImportDone = true;
    expect(report).toMatchObject({ applied: true, summary: { create: 2, update: TASKS, unchanged: 0, error: 0 } });

    const after = new Map((await current()).map((task) => [task.id, task]));
    changed.forEach((task, i) => {
      expect(after.get(task.id), task.code).toMatchObject({
        title: `${task.title} (sửa)`,
        version: task.version + 1,
        priority: (i + 1) % 3 === 0 ? 'high' : 'urgent',
      });
    });

    const entries = await entriesAfter(start);
    if (kind === 'postgres') {
      // The other writer did not wait for the import: its entry comes first in the chain.
      expect(await other).toBe(0);
      expect(entries[0]?.action).toBe('test.meanwhile');
      entries.shift();
    }
    // Updates first, creates last (they take the tallies' lock), then the entry of the import.
    expect(entries.map((entry) => entry.action)).toEqual([
      ...changed.map(() => 'task.updated'),
      'task.created',
      'task.created',
      'task.imported',
    ]);
    expect(entries.slice(0, -3).map((entry) => entry.entity_id)).toEqual(changed.map((task) => task.id));
    // Row 5 of the file (i + 1 = 5) changes title and coordinators; row 3 title and priority; row 15 all three.
    const fifteenth = changed[14];
    const entryOf = (id: string | undefined) => entries.find((entry) => entry.entity_id === id);
    const asApiWrites = (entry: typeof apiEntry, title: string) => ({
      ...entry,
      seq: 0,
      entity_id: '',
      before: { ...(entry?.before as object), title },
      after: { ...(entry?.after as object), title: `${title} (sửa)` },
    });
    expect(asApiWrites(entryOf(fifteenth?.id), 'T')).toEqual(asApiWrites(apiEntry, 'T'));
    expect(entryOf(changed[2]?.id)?.after).toEqual({ title: `${changed[2]?.title} (sửa)`, priority: 'high' });
    expect(entries.at(-1)?.after).toEqual({ summary: { create: 2, update: TASKS, unchanged: 0, error: 0 } });
    expect(await audit.verify(db())).toMatchObject({ ok: true, problems: [] });
  });
});
