import { addDays, daysBetween } from '../../shared/domain/calendar-date.ts';
import type { Random } from './random.ts';

/**
 * The history of each demo task, planned as dated steps before anything is written, so that the
 * central dashboard as of the cut-off reads exactly the published figures: 485 completed,
 * 561 in progress, 86 overdue of 1,132 (end of Q3 2025), and goes on plausibly after it.
 */
export const CUTOFF = '2025-09-30';

/** When a planned step happens: 09:00 in Hà Nội on its day. */
export const atNine = (day: string): Date => new Date(`${day}T02:00:00Z`);
export const HEADLINE = { completed: 485, completedLate: 61, inProgress: 561, overdue: 86 } as const;
const FIRST_ASSIGNMENT = '2025-01-10';

export type Step =
  | { on: string; kind: 'report'; percent: number; difficulties?: boolean }
  | { on: string; kind: 'submit' | 'accept' }
  | { on: string; kind: 'return'; reason: string }
  | { on: string; kind: 'request_extension'; requestedDeadline: string }
  | { on: string; kind: 'approve_extension' };

export interface TaskPlan {
  category: 'completed' | 'completed_late' | 'in_progress' | 'standing' | 'extended' | 'overdue';
  assignedOn: string;
  deadline: string | null;
  steps: Step[];
  /** Whether the plan leaves the task open today, so that demo focal points have work to do. */
  staysOpen: boolean;
}

const between = (random: Random, from: string, to: string) =>
  addDays(from, random.int(Math.max(1, daysBetween(from, to) + 1)));
const min = (a: string, b: string) => (a < b ? a : b);

/** Submit on the eve of `on`, accept on it; one in ten is first returned for more work. */
function closing(random: Random, on: string, reportedOn: string): Step[] {
  if (random.chance(0.1) && daysBetween(reportedOn, on) > 4) {
    return [
      { on: addDays(on, -4), kind: 'submit' },
      { on: addDays(on, -3), kind: 'return', reason: 'Đề nghị bổ sung tài liệu minh chứng kết quả.' },
      { on: addDays(on, -1), kind: 'submit' },
      { on, kind: 'accept' },
    ];
  }
  return [
    { on: addDays(on, -1), kind: 'submit' },
    { on, kind: 'accept' },
  ];
}

function report(random: Random, on: string, percent: number): Step {
  return { on, kind: 'report', percent, difficulties: random.chance(0.2) };
}

/** After the cut-off: most open tasks are completed by today, on time or not. */
function afterCutoff(random: Random, deadline: string | null, today: string, keepOpen: boolean): Step[] {
  // Nothing after the cut-off is in the future of the day the demo is seeded.
  if (today <= CUTOFF) return [];
  const progress = report(
    random,
    between(random, addDays(CUTOFF, 1), min(addDays(CUTOFF, 40), today)),
    60 + random.int(30),
  );
  if (keepOpen || !random.chance(0.65) || daysBetween(CUTOFF, today) < 60) return [progress];
  const done = between(random, addDays(CUTOFF, 50), addDays(today, -3));
  return [progress, ...closing(random, done, progress.on)];
}

export function planTasks(
  random: Random,
  count: { total: number },
  today: string,
  keepOpen: (index: number) => boolean,
): TaskPlan[] {
  const categories: TaskPlan['category'][] = [
    ...Array<TaskPlan['category']>(HEADLINE.completed - HEADLINE.completedLate).fill('completed'),
    ...Array<TaskPlan['category']>(HEADLINE.completedLate).fill('completed_late'),
    ...Array<TaskPlan['category']>(40).fill('standing'),
    ...Array<TaskPlan['category']>(60).fill('extended'),
    ...Array<TaskPlan['category']>(HEADLINE.inProgress - 100).fill('in_progress'),
    ...Array<TaskPlan['category']>(HEADLINE.overdue).fill('overdue'),
  ];
  if (categories.length !== count.total) throw new Error(`plans add up to ${categories.length}, not ${count.total}`);
  return random.shuffle(categories).map((category, index) => planOne(random, category, today, keepOpen(index)));
}

function planOne(random: Random, category: TaskPlan['category'], today: string, keepOpen: boolean): TaskPlan {
  switch (category) {
    case 'completed': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-09-01');
      const deadline = addDays(assignedOn, 60 + random.int(200));
      const done = between(random, addDays(assignedOn, 15), min(deadline, CUTOFF));
      const reported = addDays(assignedOn, 5 + random.int(Math.max(1, daysBetween(assignedOn, done) - 8)));
      return {
        category,
        assignedOn,
        deadline,
        staysOpen: false,
        steps: [report(random, reported, 40 + random.int(50)), ...closing(random, done, reported)],
      };
    }
    case 'completed_late': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-07-15');
      const done = between(random, addDays(assignedOn, 40), CUTOFF);
      const deadline = addDays(done, -(1 + random.int(Math.min(30, daysBetween(assignedOn, done) - 30))));
      const reported = addDays(assignedOn, 10);
      return {
        category,
        assignedOn,
        deadline,
        staysOpen: false,
        steps: [report(random, reported, 50 + random.int(40)), ...closing(random, done, reported)],
      };
    }
    case 'overdue': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-08-20');
      const deadline = between(random, addDays(assignedOn, 20), addDays(CUTOFF, -1));
      const steps: Step[] = [report(random, addDays(assignedOn, 7), 10 + random.int(60))];
      return {
        category,
        assignedOn,
        deadline,
        staysOpen: keepOpen,
        steps: [...steps, ...afterCutoff(random, deadline, today, keepOpen)],
      };
    }
    case 'extended': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-08-01');
      const deadline = between(random, addDays(assignedOn, 30), addDays(CUTOFF, -5));
      const requestedDeadline = between(random, addDays(CUTOFF, 10), addDays(CUTOFF, 200));
      const steps: Step[] = [
        report(random, addDays(assignedOn, 7), 20 + random.int(40)),
        { on: addDays(deadline, -3), kind: 'request_extension', requestedDeadline },
        { on: addDays(deadline, -1), kind: 'approve_extension' },
      ];
      return {
        category,
        assignedOn,
        deadline,
        staysOpen: keepOpen,
        steps: [...steps, ...afterCutoff(random, requestedDeadline, today, keepOpen)],
      };
    }
    case 'standing': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-06-30');
      return {
        category,
        assignedOn,
        deadline: null,
        staysOpen: true,
        steps: [report(random, addDays(assignedOn, 20), 30 + random.int(40))],
      };
    }
    case 'in_progress': {
      const assignedOn = between(random, FIRST_ASSIGNMENT, '2025-09-20');
      // One in fifteen falls due within the week after the cut-off: "due soon" on that day.
      const deadline = random.chance(1 / 15)
        ? between(random, CUTOFF, addDays(CUTOFF, 7))
        : between(random, addDays(CUTOFF, 8), '2026-12-31');
      const steps: Step[] =
        daysBetween(assignedOn, CUTOFF) > 5 && random.chance(0.8)
          ? [report(random, between(random, addDays(assignedOn, 1), CUTOFF), 5 + random.int(70))]
          : [];
      return {
        category,
        assignedOn,
        deadline,
        staysOpen: keepOpen,
        steps: [...steps, ...afterCutoff(random, deadline, today, keepOpen)],
      };
    }
  }
}
