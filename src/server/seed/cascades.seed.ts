import type { Db } from '../db/database.ts';
import { addDays } from '../../shared/domain/calendar-date.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { createTask } from '../modules/tasks/task-commands.service.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';
import type { Random } from './random.ts';
import { systemStaffOf } from './system-staff.ts';
import type { DemoActors } from './tasks.seed.ts';
import { atNine, type TaskPlan } from './task-plans.ts';

const CASCADING_PROVINCES = ['01', '46', '48'];

/**
 * A few provinces break their open central tasks down to their departments and communes, as the
 * province's focal point would: sub-tasks, some of them already done. Returns the cascaded tasks' ids.
 */
export async function seedCascades(
  db: Db,
  organizations: Map<string, Organization>,
  programmeId: string,
  centralTasks: Array<{ id: string; plan: TaskPlan; lead: Organization }>,
  actors: DemoActors,
  random: Random,
): Promise<Set<string>> {
  const cascaded = new Set<string>();
  for (const provinceCode of CASCADING_PROVINCES) {
    const units = [...organizations.values()].filter(
      (o) =>
        o.parentId === organizations.get(provinceCode)?.id &&
        (o.kind === 'provincial_department' || random.chance(0.03)),
    );
    const parents = centralTasks
      .filter((task) => task.lead.code === provinceCode && !task.plan.steps.some((step) => step.kind === 'accept'))
      .slice(0, 3);
    const province = organizations.get(provinceCode);
    if (!province) throw new Error(`Demo seed: province ${provinceCode} is missing`);
    const actor = actors.focalPoints.get(provinceCode) ?? systemStaffOf(organizations, province);
    for (const parent of parents) {
      cascaded.add(parent.id);
      for (const unit of random.shuffle([...units]).slice(0, 2 + random.int(2))) {
        const createdOn = addDays(parent.plan.assignedOn, 3 + random.int(10));
        const id = await createTask(
          db,
          { principal: actor, now: atNine(createdOn) },
          {
            title: `Triển khai tại ${unit.nameVi}`,
            description: '',
            programmeId,
            leadOrganizationId: unit.id,
            parentTaskId: parent.id,
            coordinatingOrganizationIds: [],
            deadline: parent.plan.deadline ?? addDays(createdOn, 120),
            expectedOutput: 'report',
            priority: 'normal',
            isConfidential: false,
            assign: true,
          },
        );
        // The unit reports and submits; the province, which assigned it, accepts: never one person on both sides.
        const unitStaff = systemStaffOf(organizations, unit);
        const reportedOn = addDays(createdOn, 7);
        await workflow.reportProgress(db, { principal: unitStaff, now: atNine(reportedOn) }, id, {
          percent: 30 + random.int(60),
          narrative: 'Đơn vị đã triển khai theo kế hoạch của tỉnh.',
        });
        if (random.chance(0.4)) {
          await workflow.transition(db, { principal: unitStaff, now: atNine(addDays(reportedOn, 10)) }, id, undefined, {
            action: 'submit',
          });
          await workflow.transition(db, { principal: actor, now: atNine(addDays(reportedOn, 12)) }, id, undefined, {
            action: 'accept',
          });
        }
      }
    }
  }
  return cascaded;
}
