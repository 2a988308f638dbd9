import { describe, expect, it } from 'vitest';
import { today } from '../../shared/domain/calendar-date.ts';
import { headlineOf, type TimelinessCounts } from '../../shared/domain/headline.ts';
import { ACTION_EFFECTS, type TaskState } from '../../shared/domain/task-lifecycle.ts';
import { timelinessOf } from '../../shared/domain/timeliness.ts';
import { seededRandom } from './random.ts';
import { CUTOFF, HEADLINE, planTasks, type TaskPlan } from './task-plans.ts';

const TOTAL = HEADLINE.completed + HEADLINE.inProgress + HEADLINE.overdue;

/** Plays a plan's steps up to `asOf` as the services would, without a database. */
function simulate(plan: TaskPlan, asOf: string) {
  let state: TaskState = 'assigned';
  let deadline = plan.deadline;
  let completedOn: string | null = null;
  let requested: string | undefined;
  for (const step of plan.steps.filter((s) => s.on <= asOf)) {
    const move = (action: keyof typeof ACTION_EFFECTS) => {
      if (!ACTION_EFFECTS[action].from.includes(state)) throw new Error(`cannot ${action} when ${state}`);
      state = ACTION_EFFECTS[action].to;
    };
    switch (step.kind) {
      case 'report':
        if (state === 'assigned') state = 'in_progress';
        break;
      case 'submit':
      case 'return':
        move(step.kind);
        break;
      case 'accept':
        move('accept');
        completedOn = step.on;
        break;
      case 'request_extension':
        requested = step.requestedDeadline;
        break;
      case 'approve_extension':
        if (!requested) throw new Error('approval without a request');
        deadline = requested;
        break;
    }
  }
  return { state, deadline, completedOn };
}

function headlineAt(plans: TaskPlan[], asOf: string) {
  const counts: TimelinessCounts = {};
  for (const plan of plans) {
    if (plan.assignedOn > asOf) continue;
    const timeliness = timelinessOf(simulate(plan, asOf), asOf);
    if (timeliness) counts[timeliness] = (counts[timeliness] ?? 0) + 1;
  }
  return headlineOf(counts);
}

describe.each([today(), '2025-10-05', '2025-12-15', '2027-06-30'])('demo task plans made on %s', (day) => {
  const plans = planTasks(seededRandom(57), { total: TOTAL }, day, (index) => index % 3 !== 0);

  it('read the published figures at the cut-off', () => {
    expect(plans).toHaveLength(1132);
    expect(headlineAt(plans, CUTOFF)).toMatchObject({
      total: 1132,
      completed: 485,
      completedLate: HEADLINE.completedLate,
      inProgress: 561,
      overdue: 86,
    });
  });

  it('date every step in order, after the assignment and no later than today', () => {
    const problems: string[] = [];
    for (const [index, plan] of plans.entries()) {
      const days = plan.steps.map((step) => step.on);
      if (days.some((d, i) => i > 0 && d < (days[i - 1] ?? ''))) problems.push(`${index}: steps out of order`);
      if (days.some((d) => d <= plan.assignedOn)) problems.push(`${index}: a step on or before the assignment`);
      if (days.some((d) => d > day)) problems.push(`${index}: a step after ${day}`);
      if (plan.deadline !== null && plan.deadline < plan.assignedOn) problems.push(`${index}: due before assigned`);
    }
    expect(problems).toEqual([]);
  });

  it('play through the lifecycle to today, and leave open the tasks meant to stay open', () => {
    for (const plan of plans) {
      const { state } = simulate(plan, day);
      if (plan.staysOpen) expect(['assigned', 'in_progress', 'submitted']).toContain(state);
    }
    expect(plans.filter((plan) => plan.deadline === null)).toHaveLength(40);
  });
});
