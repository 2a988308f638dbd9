import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { loadConfig } from '../env.ts';
import { verify } from '../modules/audit/audit.service.ts';
import { loadPrincipal } from '../modules/auth/auth.service.ts';
import { SYSTEM } from '../kernel/principal.ts';
import { getDashboard } from '../modules/dashboard/dashboard.service.ts';
import { getIndicator, listIndicators } from '../modules/indicators/indicators.service.ts';
import { listProgrammes } from '../modules/directives/directives.service.ts';
import { listFeedbackQueue } from '../modules/feedback/feedback-reading.service.ts';
import { listPublicFeedback } from '../modules/feedback/feedback.service.ts';
import { getTaskDetail, listTasks } from '../modules/tasks/task-reading.service.ts';
import { positionOf } from '../modules/tasks/task-context.ts';
import { findTask } from '../modules/tasks/tasks.repository.ts';
import { relationTo } from '../../shared/domain/task-permissions.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { FEEDBACK_STATES } from '../../shared/domain/feedback.ts';
import { TASK_STATES } from '../../shared/domain/task-lifecycle.ts';
import { DEMO_ACCOUNTS, isSeeded, seedDemo, type SeededAccount } from './demo.seed.ts';
import { FEEDBACK_HANDLER_ACCOUNTS } from './feedback.seed.ts';
import { REFERENCE_DIR, readProvinces } from './reference-data.ts';
import { CUTOFF } from './task-plans.ts';

const PASSWORD = 'demo password for tests';
const SHARED_REFERENCE_DIR = path.resolve(REFERENCE_DIR, '../../shared/reference');

// PGlite only, seeded once for every check: ~3,500 organizations and 1,132 tasks with their histories.
describe('demo seed on pglite', () => {
  let database: DatabaseHandle;
  let accounts: SeededAccount[];
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
    expect(await isSeeded(database.db)).toBe(false);
    accounts = await seedDemo(database.db, { password: PASSWORD });
  }, 300_000);
  afterAll(() => database.close());

  const db = () => database.db;
  const countWhere = async (kinds: string[]) =>
    Number(
      (
        await db()
          .selectFrom('organization')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('kind', 'in', kinds as never[])
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('marks the database as seeded', async () => {
    expect(await isSeeded(db())).toBe(true);
  });

  it('creates the 34 provinces and cities under the national root', async () => {
    expect(await countWhere(['province', 'city'])).toBe(34);
    const provinces = await db()
      .selectFrom('organization as o')
      .innerJoin('organization as parent', 'parent.id', 'o.parent_id')
      .select(['o.code', 'o.name_vi', 'parent.code as parent_code'])
      .where('o.kind', 'in', ['province', 'city'])
      .orderBy('o.code')
      .execute();
    const reference = readProvinces();
    expect(provinces.map((p) => [p.code, p.name_vi, p.parent_code])).toEqual(
      reference.map((p) => [p.code, p.name_vi, 'VN']).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('creates the 14 ministries and 3 ministry-level agencies under the Government', async () => {
    expect(await countWhere(['ministry', 'ministry_level_agency'])).toBe(17);
    expect(await countWhere(['ministry'])).toBe(14);
    const parents = await db()
      .selectFrom('organization as o')
      .innerJoin('organization as parent', 'parent.id', 'o.parent_id')
      .select('parent.code')
      .distinct()
      .where('o.kind', 'in', ['ministry', 'ministry_level_agency'])
      .execute();
    expect(parents.map((p) => p.code)).toEqual(['CP']);
  });

  it('creates exactly 3,321 communes, wards and special zones', async () => {
    expect(await countWhere(['commune', 'ward', 'special_zone'])).toBe(3321);
  });

  it('gives each province the commune, ward and special-zone counts of provinces.csv', async () => {
    const rows = await db()
      .selectFrom('organization as o')
      .innerJoin('organization as province', 'province.id', 'o.parent_id')
      .select(['province.code', 'o.kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('o.kind', 'in', ['commune', 'ward', 'special_zone'])
      .groupBy(['province.code', 'o.kind'])
      .execute();
    const actual = new Map(rows.map((row) => [`${row.code}/${row.kind}`, Number(row.n)]));
    const reference = readProvinces();
    expect(reference).toHaveLength(34);
    for (const province of reference) {
      const counts = {
        commune: actual.get(`${province.code}/commune`) ?? 0,
        ward: actual.get(`${province.code}/ward`) ?? 0,
        special_zone: actual.get(`${province.code}/special_zone`) ?? 0,
      };
      expect(counts, province.code).toEqual({
        commune: province.xa,
        ward: province.phuong,
        special_zone: province.dac_khu,
      });
    }
    expect(reference.reduce((sum, p) => sum + p.communes_total, 0)).toBe(3321);
  });

  it('keeps child counts and search text consistent with the rows', async () => {
    const hanoi = await db().selectFrom('organization').selectAll().where('code', '=', '01').executeTakeFirstOrThrow();
    const children = await db()
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('parent_id', '=', hanoi.id)
      .executeTakeFirstOrThrow();
    expect(Number(children.n)).toBe(126 + 2);
    expect(hanoi.child_count).toBe(Number(children.n));
    expect(hanoi.search_text).toContain('ha noi');
  });

  it('writes a verified audit chain with one entry for every organization, person and role', async () => {
    const organizations = await db()
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const entries = await db()
      .selectFrom('audit_log')
      .select(['action', (eb) => eb.fn.countAll().as('n')])
      .where('action', 'in', ['organization.created', 'person.created', 'role.granted'])
      .groupBy('action')
      .execute();
    expect(Object.fromEntries(entries.map((e) => [e.action, Number(e.n)]))).toEqual({
      'organization.created': Number(organizations.n),
      'person.created': DEMO_ACCOUNTS.length + FEEDBACK_HANDLER_ACCOUNTS.length,
      'role.granted': DEMO_ACCOUNTS.length + FEEDBACK_HANDLER_ACCOUNTS.length,
    });
    const result = await verify(db());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('creates the seven demo accounts, each able to sign in with its role', async () => {
    expect(accounts.map((a) => a.role).sort()).toEqual([
      'admin',
      'feedback_handler',
      'focal_point',
      'focal_point',
      'inspector',
      'leader',
      'steering',
    ]);
    expect(accounts.every((a) => a.password === PASSWORD)).toBe(true);
    const app = await buildApp(database, { ...loadConfig({ LOG_LEVEL: 'silent' }), webDir: '/nonexistent' });
    try {
      for (const account of DEMO_ACCOUNTS) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/sign-in',
          payload: { email: account.email, password: PASSWORD },
        });
        expect(response.statusCode, `${account.email}: ${response.body}`).toBe(200);
        expect(response.json().roles).toEqual([
          expect.objectContaining({ role: account.role, organizationCode: account.scopeCode }),
        ]);
      }
      const wrong = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: DEMO_ACCOUNTS[0]?.email, password: 'not the password' },
      });
      expect(wrong.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });

  const principalOf = async (email: string) => {
    const person = await db().selectFrom('person').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return loadPrincipal(db(), person.id, '', 'session');
  };
  const query = { limit: 1, sort: 'deadline' } as const;
  /** How many tasks the list shows, page after page: past 1,000 its total only says "more than". */
  const countListed = async (filters: { scope: string; as_of: string }) => {
    let shown = 0;
    let cursor: string | undefined;
    do {
      const page = await listTasks(db(), SYSTEM, { ...filters, limit: 500, sort: 'deadline', cursor });
      shown += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return shown;
  };

  it('reads the published headline for the country as of the cut-off', async () => {
    const dashboard = await getDashboard(db(), await principalOf('leader@demo.steerboard.vn'), {
      scope: 'VN',
      as_of: CUTOFF,
    });
    expect(dashboard).toMatchObject({ total: 1132, completed: 485, inProgress: 561, overdue: 86 });
    expect(dashboard.completed + dashboard.inProgress + dashboard.overdue).toBe(dashboard.total);
    expect(Math.round(dashboard.completionRate * 100)).toBe(43);
    const overdue = await listTasks(db(), SYSTEM, { ...query, scope: 'VN', as_of: CUTOFF, timeliness: ['overdue'] });
    expect(overdue.total).toBe(86);
  });

  it('keeps each task’s progress history: the cut-off reads its own percentages (decision 0014)', async () => {
    const rows = await db()
      .selectFrom('task as t')
      .select(['t.code', 't.progress_percent as today'])
      .select((eb) => [
        eb
          .selectFrom('task_progress as h')
          .select('h.percent')
          .whereRef('h.task_id', '=', 't.id')
          .where('h.day', '<=', CUTOFF)
          .orderBy('h.day', 'desc')
          .limit(1)
          .as('on_cutoff'),
        eb
          .selectFrom('task_progress as h')
          .select('h.percent')
          .whereRef('h.task_id', '=', 't.id')
          .orderBy('h.day', 'desc')
          .limit(1)
          .as('latest'),
      ])
      .execute();
    // Today's readings take the task's column: it must be the latest row, cascades' back-dated roll-ups included.
    expect(rows.filter((row) => row.latest !== row.today)).toEqual([]);
    const moved = rows.filter((row) => row.on_cutoff !== null && row.on_cutoff !== row.today);
    expect(moved.length).toBeGreaterThan(100);
    const [sample] = moved;
    const listed = await listTasks(db(), SYSTEM, { ...query, scope: 'VN', as_of: CUTOFF, q: sample?.code ?? '' });
    expect(listed.items[0]).toMatchObject({ code: sample?.code, progressPercent: sample?.on_cutoff });
  });

  it('holds 25 meetings and the ten task groups', async () => {
    const meetings = await db()
      .selectFrom('meeting')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(meetings.n)).toBe(25);
    const [programme] = await listProgrammes(db());
    expect(programme?.code).toBe('R57');
    expect(programme?.groups.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('cascades to the units of Hà Nội, Huế and Đà Nẵng, counted in the provinces’ and units’ scopes only', async () => {
    const subtasks = await db()
      .selectFrom('task as t')
      .innerJoin('task as parent', 'parent.id', 't.parent_task_id')
      .innerJoin('organization as province', 'province.id', 'parent.lead_organization_id')
      .select(['province.code', 't.code as code_of_subtask', 'parent.code as code_of_parent'])
      .execute();
    expect(new Set(subtasks.map((s) => s.code))).toEqual(new Set(['01', '46', '48']));
    for (const subtask of subtasks) expect(subtask.code_of_subtask.startsWith(`${subtask.code_of_parent}.`)).toBe(true);
    const country = await countListed({ scope: 'VN', as_of: '2026-01-01' });
    const topLevel = await db()
      .selectFrom('task')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_task_id', 'is', null)
      .where('assigned_on', '<=', '2026-01-01')
      .executeTakeFirstOrThrow();
    expect(country).toBe(Number(topLevel.n));
  });

  it('leaves the demo focal points open tasks to work on today', async () => {
    for (const email of ['focal.hanoi@demo.steerboard.vn', 'focal.bkhcn@demo.steerboard.vn']) {
      const open = await listTasks(db(), await principalOf(email), {
        ...query,
        state: ['assigned', 'in_progress', 'submitted'],
      });
      expect(open.total, email).toBeGreaterThan(0);
    }
  });

  it('holds every state a working day meets, the secretariat’s queue of results to accept included', async () => {
    const states = await db().selectFrom('task').select('state').distinct().execute();
    expect(new Set(states.map((row) => row.state))).toEqual(new Set(TASK_STATES));
    const extensions = await db().selectFrom('extension_request').select('status').distinct().execute();
    expect(new Set(extensions.map((row) => row.status))).toEqual(new Set(['pending', 'approved', 'refused']));
    // Returned for rework: back in progress after a return, not yet submitted again.
    const returned = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM task t
      WHERE t.state = 'in_progress' AND (
        SELECT e.kind FROM task_event e WHERE e.task_id = t.id AND e.to_state IS NOT NULL
        ORDER BY e.at DESC LIMIT 1) = 'return'`.execute(db());
    expect(returned.rows[0]?.n).toBeGreaterThan(0);
    const difficulties = await db()
      .selectFrom('progress_report as r')
      .innerJoin('task as t', 't.id', 'r.task_id')
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<boolean>`r.answer IS NULL`.as('open')])
      .where('r.difficulties', 'is not', null)
      .where('t.state', 'in', ['assigned', 'in_progress', 'submitted'])
      .groupBy(sql`r.answer IS NULL`)
      .execute();
    expect(new Set(difficulties.filter((row) => Number(row.n) > 0).map((row) => row.open))).toEqual(
      new Set([true, false]),
    );
    const steering = await principalOf('steering@demo.steerboard.vn');
    const toAccept = await listTasks(db(), steering, { ...query, state: ['submitted'] });
    expect(toAccept.total).toBeGreaterThanOrEqual(10);
    // A commune's result waits for Hà Nội, which assigned it.
    const hanoi = await principalOf('focal.hanoi@demo.steerboard.vn');
    const hanoiQueue = await listTasks(db(), hanoi, { limit: 100, sort: 'code', state: ['submitted'] });
    expect(hanoiQueue.items.some((item) => item.parentTaskId !== null)).toBe(true);
    // Each demo focal point finds results of its own returned or awaiting, and still has open work.
    for (const email of ['focal.hanoi@demo.steerboard.vn', 'focal.bkhcn@demo.steerboard.vn']) {
      const focal = await principalOf(email);
      const waiting = await listTasks(db(), focal, { ...query, state: ['submitted'] });
      expect(waiting.total, email).toBeGreaterThan(0);
    }
  });

  it('shows a cascading province its late communes’ sub-tasks, with the roll-up beside the parent’s own report', async () => {
    const leader = await principalOf('leader@demo.steerboard.vn');
    let lateSubTasks = 0;
    for (const province of ['01', '46', '48']) {
      const dashboard = await getDashboard(db(), leader, { scope: province });
      const late = dashboard.overdueTasks.filter((task) => task.parentTaskId !== null);
      const listed = await listTasks(db(), leader, { ...query, limit: 100, scope: province, timeliness: ['overdue'] });
      expect(listed.items.filter((task) => task.parentTaskId !== null).length, province).toBe(late.length);
      lateSubTasks += late.length;
    }
    expect(lateSubTasks).toBeGreaterThan(0);
    const cascaded = await db().selectFrom('task').select('id').where('child_count', '>', 0).execute();
    expect(cascaded.length).toBeGreaterThan(0);
    const pages = await Promise.all(cascaded.map((row) => getTaskDetail(db(), leader, row.id)));
    for (const page of pages) {
      expect(page.subTasks?.count, page.code).toBe(page.children.filter((child) => child.timeliness !== null).length);
    }
  });

  it('shows in its audit trail no decision taken by the person who asked for it, nor from the lead’s side', async () => {
    // Each decision with the request it answers: the latest submission before an acceptance or a
    // return, the extension request a decision is about, the report an answer is about.
    const decisions = await sql<{ action: string; task_id: string; decider: string | null; requester: string | null }>`
      SELECT d.action, d.entity_id AS task_id, d.actor_id AS decider,
        CASE
          WHEN d.action IN ('task.accept', 'task.return') THEN (
            SELECT s.actor_id FROM audit_log s
            WHERE s.entity_id = d.entity_id AND s.action = 'task.submit' AND s.seq < d.seq
            ORDER BY s.seq DESC LIMIT 1)
          WHEN d.action IN ('task.extension_approved', 'task.extension_refused') THEN (
            SELECT e.created_by FROM extension_request e WHERE e.id = (d.after->>'extensionId')::uuid)
          ELSE (SELECT r.created_by FROM progress_report r WHERE r.id = (d.after->>'reportId')::uuid)
        END AS requester
      FROM audit_log d
      WHERE d.action IN ('task.accept', 'task.return', 'task.extension_approved', 'task.extension_refused',
        'task.report_answered')
    `.execute(db());
    expect(decisions.rows.length).toBeGreaterThan(400);
    const selfDecided = decisions.rows.filter((row) => row.decider !== null && row.decider === row.requester);
    expect(selfDecided).toEqual([]);
    // Every decision a person took, they took from the assigner's side by today's rule.
    const people = new Map<string, Awaited<ReturnType<typeof loadPrincipal>>>();
    const sides = new Map<string, number>();
    for (const row of decisions.rows.filter((r) => r.decider !== null)) {
      const decider = row.decider as string;
      if (!people.has(decider)) people.set(decider, await loadPrincipal(db(), decider, '', 'session'));
      const task = await findTask(db(), row.task_id);
      if (!task) throw new Error(`task ${row.task_id} missing`);
      const relation = relationTo(
        people.get(decider)!.grants,
        positionOf(task, { pendingExtension: null, submittedBy: null }),
      );
      sides.set(relation, (sides.get(relation) ?? 0) + 1);
    }
    expect([...sides.keys()]).toEqual(['assigner']);
  });

  it('holds the Resolution 57 indicators: the online share at 73.5% in Q3 2025, stale, red, waiting and returned values', async () => {
    const steering = await principalOf('steering@demo.steerboard.vn');
    const page = await listIndicators(db(), steering, { limit: 50 });
    expect(page.items.map((item) => item.code).sort()).toEqual([
      'BUDGET_STI',
      'DIGITAL_ECONOMY_GDP',
      'DIGITAL_FIRMS',
      'HIGHTECH_EXPORTS',
      'ONLINE_PUBLIC_SERVICES',
      'RND_GDP',
      'RND_NONSTATE',
      'TFP_GROWTH',
    ]);
    const online = page.items.find((item) => item.code === 'ONLINE_PUBLIC_SERVICES');
    const onCutoff = await getIndicator(db(), steering, online?.id ?? '', CUTOFF);
    expect(onCutoff.standing).toMatchObject({ latest: { periodKey: '2025-Q2' } });
    const afterQ3 = await getIndicator(db(), steering, online?.id ?? '', '2025-10-31');
    expect(afterQ3.standing).toMatchObject({ latest: { periodKey: '2025-Q3', value: 73.5 }, status: 'on_track' });
    expect(afterQ3.standings).toHaveLength(35);
    const hanoi = afterQ3.standings.find((standing) => standing.organization.code === '01');
    expect(hanoi).toMatchObject({ ownTrajectory: true, targets: [{ year: 2030, value: 90 }] });
    const today = await getIndicator(db(), steering, online?.id ?? '');
    expect(today.staleCount).toBe(4);
    const statuses = new Set(today.standings.map((standing) => standing.status));
    expect(statuses).toEqual(new Set(['on_track', 'at_risk', 'off_track', 'no_data']));
    const tfp = page.items.find((item) => item.code === 'TFP_GROWTH');
    expect(tfp?.standing).toMatchObject({ stale: true, status: 'no_data' });
    const byState = await db()
      .selectFrom('indicator_observation')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    const counts = Object.fromEntries(byState.map((row) => [row.state, Number(row.n)]));
    expect(counts.submitted).toBe(9);
    expect(counts.returned).toBe(2);
    // Research spending stays far behind its path: both its values are off track, each with its note.
    const research = await db()
      .selectFrom('indicator_observation as o')
      .innerJoin('indicator as i', 'i.id', 'o.indicator_id')
      .select('o.note')
      .where('i.code', '=', 'RND_GDP')
      .execute();
    expect(research.length).toBeGreaterThanOrEqual(2);
    expect(research.every((row) => row.note)).toBe(true);
    const notes = await db().selectFrom('indicator_observation').select('id').where('note', 'is not', null).execute();
    expect(notes.length).toBeGreaterThan(10);
  });

  it('holds public feedback in every state, with published answers, overdue items and flagged duplicates', async () => {
    const handler = await principalOf('handler@demo.steerboard.vn');
    const page = await listFeedbackQueue(db(), handler, { limit: 1, sort: 'due' });
    expect(page.total).toBe(300);
    const byState = await db()
      .selectFrom('feedback_item')
      .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('state')
      .execute();
    expect(new Set(byState.map((row) => row.state))).toEqual(new Set(FEEDBACK_STATES));
    const overdue = await listFeedbackQueue(db(), handler, { limit: 1, sort: 'due', service_level: ['overdue'] });
    expect(overdue.total).toBeGreaterThan(0);
    const published = await listPublicFeedback(db(), { limit: 5 });
    expect(published.items.length).toBeGreaterThan(0);
    expect(published.items[0]?.answer.text).toMatch(/[ạ-ỹ]/u);
    const flagged = await db()
      .selectFrom('feedback_item')
      .select('id')
      .where('possible_duplicate_of', 'is not', null)
      .where('state', '=', 'merged')
      .execute();
    expect(flagged.length).toBeGreaterThan(0);
  });
});

describe('reference data', () => {
  const csvs = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith('.csv'))
      .sort();

  it('ships the four reference tables', () => {
    expect(csvs(REFERENCE_DIR)).toEqual(['indicators.csv', 'ministries.csv', 'provinces.csv', 'task-groups.csv']);
  });

  it.skipIf(!fs.existsSync(SHARED_REFERENCE_DIR))(
    'keeps reference/*.csv byte-identical to ../shared/reference/*.csv',
    () => {
      expect(csvs(REFERENCE_DIR)).toEqual(csvs(SHARED_REFERENCE_DIR));
      for (const name of csvs(SHARED_REFERENCE_DIR)) {
        const copy = fs.readFileSync(path.join(REFERENCE_DIR, name));
        const original = fs.readFileSync(path.join(SHARED_REFERENCE_DIR, name));
        expect(copy.equals(original), `${name} differs from the shared original`).toBe(true);
      }
    },
  );
});
