import type { Db } from '../db/database.ts';
import { addDays, daysBetween, today as todayInVietnam } from '../../shared/domain/calendar-date.ts';
import type { Organization } from '../../shared/schemas/organizations.ts';
import { SYSTEM } from '../kernel/principal.ts';
import type { Principal } from '../kernel/principal.ts';
import { createTask } from '../modules/tasks/task-commands.service.ts';
import { getTaskDetail, listTasks } from '../modules/tasks/task-reading.service.ts';
import * as workflow from '../modules/tasks/task-workflow.service.ts';
import type { ProgrammeSeed } from './programme.seed.ts';
import { seededRandom } from './random.ts';
import { systemStaffOf } from './system-staff.ts';
import type { DemoActors } from './tasks.seed.ts';
import { atNine, CUTOFF, type TaskPlan } from './task-plans.ts';
import { taskTitle } from './task-titles.ts';

/** What the secretariat and the agencies find waiting on a working day, and how many of each. */
const SITUATIONS = {
  awaitingAcceptance: 10,
  returnedForRework: 4,
  extensionPending: 5,
  extensionRefused: 3,
  difficultyOpen: 5,
  difficultyAnswered: 3,
} as const;
type Situation = keyof typeof SITUATIONS;

interface CentralTask {
  id: string;
  plan: TaskPlan;
  lead: Organization;
}

/** A task a situation is played on: an open one of the demo's plan, or one made for the working day. */
interface WorkingTask {
  id: string;
  lead: Organization;
  /** Its effective deadline today. */
  deadline: string | null;
}

interface Context {
  db: Db;
  actors: DemoActors;
  organizations: Map<string, Organization>;
  /** `days` before today, at nine. */
  ago: (days: number) => Date;
}

/** The effective deadline the plan leaves the task with: the approved extension's, if any. */
function effectiveDeadlineOf(plan: TaskPlan): string | null {
  const extension = plan.steps.findLast((step) => step.kind === 'request_extension');
  return extension && plan.steps.some((step) => step.kind === 'approve_extension')
    ? extension.requestedDeadline
    : plan.deadline;
}

const leadActorOf = (context: Context, lead: Organization): Principal =>
  context.actors.focalPoints.get(lead.code) ?? systemStaffOf(context.organizations, lead);

/** Plays one situation on a task left open by its plan, on the days just before today. */
async function play(context: Context, situation: Situation, task: WorkingTask, percent: number): Promise<void> {
  const { db, actors, ago } = context;
  const lead = (days: number) => ({ principal: leadActorOf(context, task.lead), now: ago(days) });
  const assigner = (days: number) => ({ principal: actors.steering, now: ago(days) });
  const narrative = 'Đơn vị đã hoàn thành các nội dung theo kế hoạch, gửi kèm báo cáo kết quả.';
  switch (situation) {
    case 'awaitingAcceptance':
      await workflow.reportProgress(db, lead(3), task.id, { percent: 100, narrative });
      await workflow.transition(db, lead(2), task.id, undefined, { action: 'submit' });
      return;
    case 'returnedForRework':
      await workflow.reportProgress(db, lead(9), task.id, { percent: 100, narrative });
      await workflow.transition(db, lead(8), task.id, undefined, { action: 'submit' });
      await workflow.transition(db, assigner(6), task.id, undefined, {
        action: 'return',
        reason: 'Đề nghị bổ sung tài liệu minh chứng kết quả và số liệu triển khai tại địa phương.',
      });
      return;
    case 'extensionPending':
    case 'extensionRefused': {
      const deadline = task.deadline ?? todayInVietnam();
      const later = addDays(deadline > todayInVietnam() ? deadline : todayInVietnam(), 90);
      const pending = situation === 'extensionPending';
      const id = await workflow.requestExtension(db, lead(pending ? 3 : 12), task.id, {
        requestedDeadline: later,
        reason: 'Cần thêm thời gian hoàn thiện hồ sơ và lấy ý kiến các cơ quan liên quan.',
      });
      if (!pending) {
        await workflow.decideExtension(db, assigner(10), task.id, id, {
          decision: 'refuse',
          reason: 'Chưa đủ căn cứ gia hạn; đề nghị tập trung nguồn lực hoàn thành theo kế hoạch.',
        });
      }
      return;
    }
    case 'difficultyOpen':
    case 'difficultyAnswered': {
      const open = situation === 'difficultyOpen';
      await workflow.reportProgress(db, lead(open ? 2 : 10), task.id, {
        percent,
        narrative: 'Đang triển khai, một số nội dung chậm so với kế hoạch.',
        difficulties: 'Chưa được bố trí kinh phí; thiếu cán bộ chuyên trách về chuyển đổi số.',
        proposals: 'Đề nghị Ban Chỉ đạo chỉ đạo bố trí kinh phí trong năm tới.',
      });
      if (!open) {
        const [report] = (await getTaskDetail(db, actors.steering, task.id)).reports;
        if (!report) throw new Error('Demo seed: the report just written is missing');
        await workflow.answerReport(
          db,
          assigner(7),
          task.id,
          report.id,
          'Ban Chỉ đạo đã đề nghị Bộ Tài chính cân đối, bố trí kinh phí; đơn vị tiếp tục triển khai.',
        );
      }
      return;
    }
  }
}

/** A sub-task of Hà Nội's communes submitted to the city, which assigned it, for acceptance. */
async function submitASubTask(context: Context): Promise<void> {
  const { items } = await listTasks(context.db, SYSTEM, {
    scope: '01',
    state: ['in_progress'],
    limit: 100,
    sort: 'code',
  });
  const subTasks = items.filter((item) => item.parentTaskId !== null);
  const chosen = subTasks.find((item) => item.timeliness !== 'overdue') ?? subTasks[0];
  const unit = chosen && context.organizations.get(chosen.lead.code);
  if (!chosen || !unit) return;
  const staff = systemStaffOf(context.organizations, unit);
  await workflow.reportProgress(context.db, { principal: staff, now: context.ago(2) }, chosen.id, {
    percent: 100,
    narrative: 'Đã hoàn thành tại địa phương.',
  });
  await workflow.transition(context.db, { principal: staff, now: context.ago(1) }, chosen.id, undefined, {
    action: 'submit',
  });
}

/**
 * A task assigned six weeks ago with a deadline still ahead, for a situation the plan's open tasks
 * are too few to show: the demo's plan keeps few central tasks open today.
 */
async function freshTask(
  context: Context,
  programme: ProgrammeSeed,
  lead: Organization,
  random: ReturnType<typeof seededRandom>,
): Promise<WorkingTask> {
  const assigner = context.organizations.get('BCDTW');
  if (!assigner) throw new Error('Demo seed: BCDTW is missing');
  const group = random.pick(programme.programme.groups);
  const deadline = addDays(todayInVietnam(), 45 + random.int(120));
  const id = await createTask(
    context.db,
    { principal: context.actors.steering, now: context.ago(42) },
    {
      title: taskTitle(random, group.number, lead.nameVi),
      description: '',
      programmeId: programme.programme.id,
      taskGroupId: group.id,
      assignerOrganizationId: assigner.id,
      leadOrganizationId: lead.id,
      coordinatingOrganizationIds: [],
      deadline,
      expectedOutput: 'report',
      priority: 'normal',
      isConfidential: false,
      assign: true,
    },
  );
  return { id, lead, deadline };
}

/** New this week: a task just assigned (nothing reported yet), a draft, and one cancelled. */
async function seedNewTasks(context: Context, programme: ProgrammeSeed): Promise<void> {
  const random = seededRandom(1057);
  const ministry = context.organizations.get('BKHCN') ?? [...context.organizations.values()][0];
  const assigner = context.organizations.get('BCDTW');
  if (!ministry || !assigner) throw new Error('Demo seed: BKHCN or BCDTW is missing');
  const make = async (daysAgo: number, assign: boolean) => {
    const group = random.pick(programme.programme.groups);
    return createTask(
      context.db,
      { principal: context.actors.steering, now: context.ago(daysAgo) },
      {
        title: taskTitle(random, group.number, ministry.nameVi),
        description: '',
        programmeId: programme.programme.id,
        taskGroupId: group.id,
        assignerOrganizationId: assigner.id,
        leadOrganizationId: ministry.id,
        coordinatingOrganizationIds: [],
        deadline: addDays(todayInVietnam(), 120),
        expectedOutput: 'report',
        priority: 'normal',
        isConfidential: false,
        assign,
      },
    );
  };
  await make(2, true);
  await make(1, false);
  const cancelled = await make(20, true);
  await workflow.transition(
    context.db,
    { principal: context.actors.steering, now: context.ago(5) },
    cancelled,
    undefined,
    { action: 'cancel', reason: 'Nội dung đã được lồng ghép vào nhiệm vụ khác của chương trình.' },
  );
}

/**
 * What a working day meets (issue 10): results awaiting the secretariat's acceptance, results
 * returned for rework, extension requests waiting or refused, difficulties waiting for an answer or
 * answered, a commune's result awaiting its province, a task just assigned, a draft and a cancelled
 * task. All of it happens in the last three weeks, long after the cut-off, to tasks that their plan
 * leaves open: the published figures of 30 September 2025 are untouched, and today's headline too
 * (an open task stays open; the new tasks are assigned after the cut-off, a draft and a cancelled
 * task count nowhere).
 */
export async function seedWorkingDay(
  db: Db,
  organizations: Map<string, Organization>,
  programme: ProgrammeSeed,
  centralTasks: CentralTask[],
  cascadedParents: ReadonlySet<string>,
  actors: DemoActors,
): Promise<void> {
  const today = todayInVietnam();
  // A demo seeded within weeks of the cut-off has no working days after it to play.
  if (daysBetween(CUTOFF, today) < 60) return;
  const context: Context = { db, actors, organizations, ago: (days) => atNine(addDays(today, -days)) };
  // Tasks with a deadline (a standing duty asks for no extension), not broken down.
  const open: WorkingTask[] = centralTasks
    .filter((task) => task.plan.staysOpen && task.plan.deadline !== null && !cascadedParents.has(task.id))
    .map((task) => ({ id: task.id, lead: task.lead, deadline: effectiveDeadlineOf(task.plan) }));
  const focalAgencies = [...actors.focalPoints.keys()];
  const ofFocalPoints = open.filter((task) => actors.focalPoints.has(task.lead.code));
  const others = open.filter((task) => !actors.focalPoints.has(task.lead.code));
  const firstLedBy = (code: string | undefined) => {
    const index = ofFocalPoints.findIndex((task) => task.lead.code === code);
    return index < 0 ? [] : ofFocalPoints.splice(index, 1);
  };
  const random = seededRandom(2057);
  const extraLeads = [
    ...focalAgencies.flatMap((code) => organizations.get(code) ?? []),
    ...[...organizations.values()].filter((organization) => organization.kind === 'ministry').slice(0, 8),
  ];
  const situations = Object.entries(SITUATIONS) as Array<[Situation, number]>;
  for (const [index, [situation, count]] of situations.entries()) {
    // The demo focal points meet the situations too: each has a result awaiting acceptance, and
    // they take turns for the others.
    const theirs =
      situation === 'awaitingAcceptance'
        ? focalAgencies.flatMap(firstLedBy)
        : firstLedBy(focalAgencies[index % focalAgencies.length]);
    const chosen = [...theirs, ...others.splice(0, count - theirs.length)];
    // Every focal point's agency has a result awaiting acceptance, from a task of its own if its plan left none open.
    if (situation === 'awaitingAcceptance') {
      for (const lead of extraLeads.slice(0, focalAgencies.length)) {
        if (!chosen.some((task) => task.lead.code === lead.code)) {
          chosen.push(await freshTask(context, programme, lead, random));
        }
      }
    }
    // Too few open tasks in the plan: the rest are tasks assigned for the working day, led in turn
    // by the focal points' agencies and the ministries.
    while (chosen.length < count) {
      const lead = extraLeads[(chosen.length + index) % extraLeads.length];
      if (!lead) break;
      chosen.push(await freshTask(context, programme, lead, random));
    }
    for (const task of chosen) await play(context, situation, task, 30 + random.int(50));
  }
  await submitASubTask(context);
  await seedNewTasks(context, programme);
}
