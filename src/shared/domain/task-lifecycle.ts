import type { TaskAction } from './task-vocabulary.ts';

/**
 * A task's lifecycle state, set by people. `submitted` waits for the assigner's acceptance:
 * accepted → completed, returned → in_progress.
 */
export const TASK_STATES = ['draft', 'assigned', 'in_progress', 'submitted', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const OPEN_STATES: ReadonlySet<TaskState> = new Set(['assigned', 'in_progress', 'submitted']);

export const isOpen = (state: TaskState): boolean => OPEN_STATES.has(state);

/** The single table of transitions: each action, the states it may start from and where it leads. */
export const ACTION_EFFECTS: Readonly<Record<TaskAction, { from: readonly TaskState[]; to: TaskState }>> = {
  assign: { from: ['draft'], to: 'assigned' },
  start: { from: ['assigned'], to: 'in_progress' },
  submit: { from: ['assigned', 'in_progress'], to: 'submitted' },
  accept: { from: ['submitted'], to: 'completed' },
  return: { from: ['submitted'], to: 'in_progress' },
  cancel: { from: ['draft', 'assigned', 'in_progress', 'submitted'], to: 'cancelled' },
};

export const canTake = (action: TaskAction, state: TaskState): boolean => ACTION_EFFECTS[action].from.includes(state);

export const canTransition = (from: TaskState, to: TaskState): boolean =>
  Object.values(ACTION_EFFECTS).some((effect) => effect.to === to && effect.from.includes(from));

/** Actions the assigner takes; the others (start, submit) are the lead agency's. */
export const ASSIGNER_ACTIONS: ReadonlySet<TaskAction> = new Set(['assign', 'accept', 'return', 'cancel']);

/** Actions that need a reason from the person taking them. */
export const ACTIONS_NEEDING_REASON: ReadonlySet<TaskAction> = new Set(['return', 'cancel']);
