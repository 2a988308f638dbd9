import type { Db } from '../db/database.ts';
import { today as todayInVietnam } from '../../shared/domain/calendar-date.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { loadPrincipal } from '../modules/auth/auth.service.ts';
import type { Principal } from '../kernel/principal.ts';
import { createTask } from '../modules/tasks/task-commands.service.ts';
import type { Actor } from '../kernel/actor.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';
import type { ProgrammeSeed } from './programme.seed.ts';
import type { Random } from './random.ts';
import { systemStaffOf } from './system-staff.ts';
import { atNine, HEADLINE, planTasks, type Step, type TaskPlan } from './task-plans.ts';
import { taskTitle } from './task-titles.ts';

const CENTRAL_LEADS = ['VPTW', 'BCDCP', 'VAST', 'MTTQ', 'VIETTEL', 'VNPT'];

export interface DemoActors {
  steering: Principal;
  /** Focal points by the code of the organization they report for. */
  focalPoints: Map<string, Principal>;
}

export async function demoActors(
  db: Db,
  people: Array<{ id: string; role: string; scopeCode: string }>,
): Promise<DemoActors> {
  const steering = people.find((person) => person.role === 'steering');
  if (!steering) throw new Error('Demo seed: no steering account');
  const focalPoints = new Map<string, Principal>();
  for (const person of people.filter((p) => p.role === 'focal_point')) {
    focalPoints.set(person.scopeCode, await loadPrincipal(db, person.id, '', 'session'));
  }
  return { steering: await loadPrincipal(db, steering.id, '', 'session'), focalPoints };
}

/** Plays a plan's steps through the services, each on its own day, as the person who would act. */
async function play(db: Db, taskId: string, steps: Step[], assigner: Principal, lead: Principal): Promise<void> {
  let pendingExtension: string | undefined;
  for (const step of steps) {
    const asLead: Actor = { principal: lead, now: atNine(step.on) };
    const asAssigner: Actor = { principal: assigner, now: atNine(step.on) };
    switch (step.kind) {
      case 'report':
        await workflow.reportProgress(db, asLead, taskId, {
          percent: step.percent,
          narrative: `Đã hoàn thành khoảng ${step.percent}% khối lượng công việc theo kế hoạch.`,
          ...(step.difficulties
            ? {
                difficulties: 'Thiếu kinh phí và nhân lực chuyên trách.',
                proposals: 'Đề nghị bổ sung kinh phí năm 2026.',
              }
            : {}),
        });
        break;
      case 'submit':
        await workflow.transition(db, asLead, taskId, undefined, { action: 'submit' });
        break;
      case 'accept':
        await workflow.transition(db, asAssigner, taskId, undefined, { action: 'accept' });
        break;
      case 'return':
        await workflow.transition(db, asAssigner, taskId, undefined, { action: 'return', reason: step.reason });
        break;
      case 'request_extension':
        pendingExtension = await workflow.requestExtension(db, asLead, taskId, {
          requestedDeadline: step.requestedDeadline,
          reason: 'Cần thêm thời gian lấy ý kiến các bộ, ngành liên quan.',
        });
        break;
      case 'approve_extension':
        if (!pendingExtension) throw new Error('Demo seed: no pending extension to approve');
        await workflow.decideExtension(db, asAssigner, taskId, pendingExtension, { decision: 'approve' });
        break;
    }
  }
}

/**
 * The 1,132 central tasks of Resolution 57 over ministries, provinces and central bodies, each
 * with its history; the demo focal points' agencies keep open tasks to work on.
 */
export async function seedCentralTasks(
  db: Db,
  organizations: Map<string, Organization>,
  programme: ProgrammeSeed,
  actors: DemoActors,
  random: Random,
  onProgress: (message: string) => void = () => {},
): Promise<Array<{ id: string; plan: TaskPlan; lead: Organization }>> {
  const leads = [...organizations.values()].filter(
    (o) =>
      o.kind === 'ministry' ||
      o.kind === 'ministry_level_agency' ||
      o.kind === 'province' ||
      o.kind === 'city' ||
      CENTRAL_LEADS.includes(o.code),
  );
  const total = HEADLINE.completed + HEADLINE.inProgress + HEADLINE.overdue;
  const assignments = Array.from({ length: total }, (_, index) => leads[index % leads.length] as Organization);
  const plans = planTasks(
    random,
    { total },
    todayInVietnam(),
    (index) => actors.focalPoints.has(assignments[index]?.code ?? '') && index % 3 !== 0,
  );
  const assigner = organizations.get('BCDTW');
  if (!assigner) throw new Error('Demo seed: BCDTW is missing');
  const created = [];
  for (const [index, plan] of plans.entries()) {
    const lead = assignments[index] as Organization;
    const group = random.pick(programme.programme.groups);
    const heldBefore = programme.meetings.filter((m) => m.heldOn <= plan.assignedOn);
    const meeting = heldBefore.length > 0 && random.chance(0.3) ? random.pick(heldBefore) : undefined;
    const id = await createTask(
      db,
      { principal: actors.steering, now: atNine(plan.assignedOn) },
      {
        title: taskTitle(random, group.number, lead.nameVi),
        description: '',
        programmeId: programme.programme.id,
        taskGroupId: group.id,
        sourceDocumentId: random.pick(programme.documents.filter((d) => d.issuedOn <= plan.assignedOn)).id,
        ...(meeting?.conclusions[0] ? { sourceConclusionId: meeting.conclusions[0].id } : {}),
        assignerOrganizationId: assigner.id,
        leadOrganizationId: lead.id,
        coordinatingOrganizationIds: [],
        deadline: plan.deadline,
        expectedOutput: random.pick(['legal_document', 'report', 'system', 'scheme', 'plan'] as const),
        priority: random.chance(0.15) ? 'high' : 'normal',
        isConfidential: false,
        assign: true,
      },
    );
    const leadActor = actors.focalPoints.get(lead.code) ?? systemStaffOf(organizations, lead);
    await play(db, id, plan.steps, actors.steering, leadActor);
    created.push({ id, plan, lead });
    if (created.length % 100 === 0) onProgress(`tasks: ${created.length} of ${plans.length}`);
  }
  return created;
}
