import type { Db } from '../db/database.ts';
import type { TaskAction } from '../../shared/domain/task-vocabulary.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import type { CreateTask } from '../../shared/schemas/tasks.ts';
import { loadPrincipal } from '../modules/auth/auth.service.ts';
import { SYSTEM, systemStaffAt } from '../kernel/principal.ts';
import { createDocument, createProgramme } from '../modules/directives/directives.service.ts';
import { createOrganizations } from '../modules/organizations/organizations.service.ts';
import { createTask } from '../modules/tasks/task-commands.service.ts';
import type { Actor } from '../kernel/actor.ts';
import { positionOf } from '../modules/tasks/task-context.ts';
import { findTask, pendingDecisionsOf } from '../modules/tasks/tasks.repository.ts';
import { relationTo } from '../../shared/domain/task-permissions.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';
import type { TestWorld } from './test-world.ts';

/**
 * A programme to hang tasks on, built through the services: two task groups, two directive
 * documents and a department of the ministry (a unit it may cascade to). Tasks are then made and
 * moved by `buildTask` and `on`, as chosen people on chosen days, as the demo seed does.
 */
export interface TestProgramme {
  id: string;
  code: string;
  groups: [{ id: string; number: number }, { id: string; number: number }];
  documents: [{ id: string; number: string }, { id: string; number: string }];
  /** A department of the ministry (BKHCN.CDS). */
  ministryUnit: Organization;
}

export async function buildProgramme(db: Db, world: TestWorld, code = 'R57'): Promise<TestProgramme> {
  const [ministryUnit] = await createOrganizations(db, SYSTEM, [
    {
      parentId: world.org.ministry.id,
      code: 'BKHCN.CDS',
      kind: 'department',
      nameVi: 'Cục Chuyển đổi số quốc gia',
      nameEn: 'National Digital Transformation Agency',
    },
  ]);
  if (!ministryUnit) throw new Error('task factory: ministry unit missing');
  const programme = await createProgramme(db, SYSTEM, {
    code,
    nameVi: 'Thực hiện Nghị quyết số 57-NQ/TW',
    nameEn: 'Implementation of Resolution 57-NQ/TW',
    ownerOrganizationId: world.org.root.id,
    groups: [
      { number: 1, nameVi: 'Lãnh đạo, chỉ đạo', nameEn: 'Leadership' },
      { number: 2, nameVi: 'Hạ tầng số', nameEn: 'Digital infrastructure' },
    ],
  });
  const documents = [];
  for (const [number, issuedOn] of [
    ['57-NQ/TW', '2024-12-22'],
    ['01-CV/BCĐTW', '2025-03-25'],
  ] as const) {
    const document = await createDocument(db, SYSTEM, {
      number,
      docType: 'resolution',
      issuerOrganizationId: world.org.root.id,
      issuedOn,
      title: `Văn bản ${number}`,
    });
    documents.push({ id: document.id, number: document.number });
  }
  const [g1, g2] = programme.groups;
  const [d1, d2] = documents;
  if (!g1 || !g2 || !d1 || !d2) throw new Error('task factory: programme incomplete');
  return { id: programme.id, code: programme.code, groups: [g1, g2], documents: [d1, d2], ministryUnit };
}

/** A person of the test world acting at 09:00 in Hà Nội on `day` (or now). */
export async function actorFor(db: Db, person: { id: string }, day?: string): Promise<Actor> {
  const principal = await loadPrincipal(db, person.id, '', 'session');
  return { principal, now: day ? new Date(`${day}T02:00:00Z`) : new Date() };
}

/** The same person on another day. */
export const onDay = (actor: Actor, day: string): Actor => ({ ...actor, now: new Date(`${day}T02:00:00Z`) });

export type TaskOverrides = Partial<CreateTask> & Pick<CreateTask, 'programmeId' | 'leadOrganizationId'>;

/** Creates (and by default assigns) a task through the service; returns its id. */
export async function buildTask(db: Db, actor: Actor, overrides: TaskOverrides): Promise<string> {
  return createTask(db, actor, {
    title: 'Nhiệm vụ thử nghiệm',
    description: '',
    coordinatingOrganizationIds: [],
    deadline: null,
    expectedOutput: 'report',
    priority: 'normal',
    isConfidential: false,
    assign: true,
    ...overrides,
  });
}

const LEAD_STEPS: ReadonlySet<TaskAction> = new Set(['start', 'submit']);

/**
 * Moves a task on `actor`'s day: a lifecycle action, or a progress report with a percentage. A step
 * that is the lead agency's (report, start, submit) is taken by `actor` when they speak for the lead,
 * and otherwise by the lead agency's own staff: histories are written by the side that would act.
 */
export async function move(
  db: Db,
  actor: Actor,
  id: string,
  step: TaskAction | { percent: number },
  reason?: string,
): Promise<void> {
  if (typeof step === 'object') {
    const lead = await asLeadSide(db, actor, id);
    await workflow.reportProgress(db, lead, id, { percent: step.percent, narrative: `Đạt ${step.percent}%` });
    return;
  }
  const by = LEAD_STEPS.has(step) ? await asLeadSide(db, actor, id) : actor;
  await workflow.transition(db, by, id, undefined, { action: step, ...(reason ? { reason } : {}) });
}

async function asLeadSide(db: Db, actor: Actor, id: string): Promise<Actor> {
  const task = await findTask(db, id);
  if (!task) throw new Error(`task factory: task ${id} missing`);
  const position = positionOf(task, await pendingDecisionsOf(db, id));
  if (relationTo(actor.principal.grants, position) === 'assignee') return actor;
  return { ...actor, principal: systemStaffAt(task.lead_path) };
}
