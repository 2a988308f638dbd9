import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.ts';
import { TASK_CAPABILITIES, type TaskCapability } from '../../../shared/domain/task-permissions.ts';
import type { Role } from '../../../shared/domain/roles.ts';
import { createOrganizations } from '../organizations/organizations.service.ts';
import { createPerson, grantRole } from '../people/people.service.ts';
import { SYSTEM, systemStaffAt } from '../../kernel/principal.ts';
import { actorFor, buildProgramme, buildTask, type TestProgramme } from '../../testing/task-factory.ts';
import { openTestDatabase, TEST_DATABASE_KINDS } from '../../testing/test-database.ts';
import { seedTestWorld, TEST_PASSWORD, type TestWorld } from '../../testing/test-world.ts';
import type { Actor } from '../../kernel/actor.ts';
import { updateTask } from './task-commands.service.ts';
import { getTaskDetail } from './task-reading.service.ts';
import * as workflow from './task-workflow.service.ts';
import { findTask } from './tasks.repository.ts';

/**
 * The gate and the screens agree (decision 0015): for every kind of task (top-level, sub-task), every
 * state, with and without a pending extension, every person (each role, both sides, neither side,
 * both sides at once) and every capability, the service lets the person act exactly when the task's
 * allowedActions offers it. Each attempt that succeeds is followed by a fresh task in the same
 * situation, so every attempt starts from it.
 */

const NOTHING_TO_ANSWER = new Error('no progress report to answer yet');

type Situation = {
  name: string;
  subtask: boolean;
  /** The steps after assignment, taken by the side that would take them. */
  steps: Array<'assign' | 'report' | 'submit' | 'accept' | 'cancel' | 'request_extension'>;
};

const SITUATIONS: Situation[] = [
  { name: 'draft', subtask: false, steps: [] },
  { name: 'assigned', subtask: false, steps: ['assign'] },
  { name: 'in progress', subtask: false, steps: ['assign', 'report'] },
  { name: 'extension pending', subtask: false, steps: ['assign', 'report', 'request_extension'] },
  { name: 'submitted', subtask: false, steps: ['assign', 'report', 'submit'] },
  { name: 'submitted, extension pending', subtask: false, steps: ['assign', 'report', 'request_extension', 'submit'] },
  { name: 'completed', subtask: false, steps: ['assign', 'report', 'submit', 'accept'] },
  {
    name: 'completed, extension pending',
    subtask: false,
    steps: ['assign', 'report', 'request_extension', 'submit', 'accept'],
  },
  { name: 'cancelled', subtask: false, steps: ['assign', 'report', 'cancel'] },
  { name: 'sub-task assigned', subtask: true, steps: [] },
  { name: 'sub-task in progress', subtask: true, steps: ['report'] },
  { name: 'sub-task extension pending', subtask: true, steps: ['report', 'request_extension'] },
  { name: 'sub-task submitted', subtask: true, steps: ['report', 'submit'] },
  { name: 'sub-task completed', subtask: true, steps: ['report', 'submit', 'accept'] },
  { name: 'sub-task cancelled', subtask: true, steps: ['report', 'cancel'] },
];

const PEOPLE = [
  'steering',
  'ministryFocal',
  'unitFocal',
  'bothSides',
  'leader',
  'inspector',
  'admin',
  'hanoiFocal',
  'outsider',
] as const;
type Person = (typeof PEOPLE)[number];

describe.each(TEST_DATABASE_KINDS)('one gate for tasks on %s', (kind) => {
  let close: () => Promise<void>;
  let db: Db;
  let world: TestWorld;
  let programme: TestProgramme;
  let subUnitId: string;
  const actors = {} as Record<Person, Actor>;

  beforeAll(async () => {
    const handle = await openTestDatabase(kind);
    close = handle.close;
    db = handle.db;
    world = await seedTestWorld(db);
    programme = await buildProgramme(db, world);
    const [subUnit] = await createOrganizations(db, SYSTEM, [
      {
        parentId: programme.ministryUnit.id,
        code: 'BKHCN.CDS.P1',
        kind: 'department',
        nameVi: 'Phòng Hạ tầng số',
        nameEn: 'Digital Infrastructure Division',
      },
    ]);
    subUnitId = subUnit!.id;
    const extra: Array<[Person, Array<[Role, string]>]> = [
      ['unitFocal', [['focal_point', programme.ministryUnit.id]]],
      // A focal point of the ministry who is also the department's: on both sides of its sub-tasks.
      [
        'bothSides',
        [
          ['focal_point', world.org.ministry.id],
          ['focal_point', programme.ministryUnit.id],
        ],
      ],
    ];
    for (const [key, grants] of extra) {
      const person = await createPerson(db, SYSTEM, {
        email: `${key.toLowerCase()}@test.steerboard.vn`,
        fullName: key,
        locale: 'vi',
        organizationId: programme.ministryUnit.id,
        password: TEST_PASSWORD,
      });
      for (const [role, organizationId] of grants) await grantRole(db, SYSTEM, person.id, { role, organizationId });
      actors[key] = await actorFor(db, person);
    }
    for (const key of PEOPLE) {
      if (key !== 'unitFocal' && key !== 'bothSides') actors[key] = await actorFor(db, world.person[key]);
    }
  }, 120_000);
  afterAll(() => close());

  /** A task in the situation, each step taken by an organization's own staff on its side. */
  async function build(situation: Situation): Promise<string> {
    const steeringActor = actors.steering;
    const ministryStaff: Actor = { principal: systemStaffAt(await pathOf(world.org.ministry.id)), now: new Date() };
    let id = await buildTask(db, steeringActor, {
      programmeId: programme.id,
      leadOrganizationId: world.org.ministry.id,
      deadline: '2099-01-01',
      assign: situation.subtask,
    });
    let lead = ministryStaff;
    let assigner = steeringActor;
    if (situation.subtask) {
      id = await buildTask(db, ministryStaff, {
        programmeId: programme.id,
        parentTaskId: id,
        leadOrganizationId: programme.ministryUnit.id,
        deadline: '2099-01-01',
      });
      assigner = ministryStaff;
      lead = { principal: systemStaffAt(await pathOf(programme.ministryUnit.id)), now: new Date() };
    }
    for (const step of situation.steps) {
      if (step === 'report') {
        await workflow.reportProgress(db, lead, id, {
          percent: 40,
          narrative: 'Đạt 40%',
          difficulties: 'Thiếu kinh phí',
        });
      } else if (step === 'request_extension') {
        await workflow.requestExtension(db, lead, id, { requestedDeadline: '2099-06-01', reason: 'Chờ kinh phí' });
      } else if (step === 'submit') {
        await workflow.transition(db, lead, id, undefined, { action: 'submit' });
      } else {
        await workflow.transition(db, assigner, id, undefined, { action: step, reason: 'Lý do' });
      }
    }
    return id;
  }

  async function pathOf(organizationId: string): Promise<string> {
    const row = await db.selectFrom('organization').select('path').where('id', '=', organizationId).executeTakeFirst();
    return row!.path;
  }

  /** Tries the capability through its service; true when it went through, null when it has no object. */
  async function attempt(actor: Actor, id: string, capability: TaskCapability): Promise<boolean | null> {
    const task = await findTask(db, id);
    const attempts: Record<TaskCapability, () => Promise<unknown>> = {
      assign: () => workflow.transition(db, actor, id, undefined, { action: 'assign' }),
      start: () => workflow.transition(db, actor, id, undefined, { action: 'start' }),
      submit: () => workflow.transition(db, actor, id, undefined, { action: 'submit' }),
      accept: () => workflow.transition(db, actor, id, undefined, { action: 'accept' }),
      return: () => workflow.transition(db, actor, id, undefined, { action: 'return', reason: 'Thiếu minh chứng' }),
      cancel: () => workflow.transition(db, actor, id, undefined, { action: 'cancel', reason: 'Trùng lặp' }),
      report: () => workflow.reportProgress(db, actor, id, { percent: 60, narrative: 'Đạt 60%' }),
      request_extension: () =>
        workflow.requestExtension(db, actor, id, { requestedDeadline: '2099-09-01', reason: 'Cần thêm thời gian' }),
      decide_extension: async () => {
        const pending = await db
          .selectFrom('extension_request')
          .select('id')
          .where('task_id', '=', id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (!pending) throw new Error('no pending request');
        await workflow.decideExtension(db, actor, id, pending.id, { decision: 'approve' });
      },
      answer: async () => {
        const report = await db.selectFrom('progress_report').select('id').where('task_id', '=', id).executeTakeFirst();
        if (!report) throw NOTHING_TO_ANSWER;
        await workflow.answerReport(db, actor, id, report.id, 'Đã ghi nhận');
      },
      cascade: () =>
        buildTask(db, actor, {
          programmeId: programme.id,
          parentTaskId: id,
          leadOrganizationId: task?.parent_task_id ? subUnitId : programme.ministryUnit.id,
          deadline: '2099-01-01',
        }),
      edit: () => updateTask(db, actor, id, task!.version, { title: 'Tên mới' }),
      comment: () => workflow.addComment(db, actor, id, 'Ý kiến'),
    };
    return attempts[capability]().then(
      () => true,
      (error: unknown) => (error === NOTHING_TO_ANSWER ? null : false),
    );
  }

  async function allowedFor(actor: Actor, id: string): Promise<TaskCapability[]> {
    try {
      return (await getTaskDetail(db, actor.principal, id)).allowedActions;
    } catch {
      return [];
    }
  }

  it.each(SITUATIONS.map((situation) => [situation.name, situation] as const))(
    '%s: each person may do exactly what the task offers them',
    async (_name, situation) => {
      let id = await build(situation);
      const disagreements: string[] = [];
      let granted = 0;
      for (const person of PEOPLE) {
        const allowed = new Set(await allowedFor(actors[person], id));
        for (const capability of TASK_CAPABILITIES) {
          const went = await attempt(actors[person], id, capability);
          // Answering is offered on an open task before any report is there to answer.
          if (went === null) continue;
          if (went !== allowed.has(capability)) {
            disagreements.push(`${person} ${capability}: service ${went}, allowedActions ${allowed.has(capability)}`);
          }
          if (went) {
            granted += 1;
            id = await build(situation);
          }
        }
      }
      expect(disagreements).toEqual([]);
      // Those taking part can at least comment: a gate that refused everything would agree with itself.
      expect(granted).toBeGreaterThan(0);
    },
    240_000,
  );
});
