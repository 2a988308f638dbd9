/**
 * A task's lifecycle state, set by people. `submitted` waits for the assigner's acceptance:
 * accepted → completed, returned → in_progress.
 */
export const TASK_STATES = ['draft', 'assigned', 'in_progress', 'submitted', 'completed', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const OPEN_STATES: ReadonlySet<TaskState> = new Set(['assigned', 'in_progress', 'submitted']);

export const isOpen = (state: TaskState): boolean => OPEN_STATES.has(state);

/** Which state may follow which; anything else is refused. */
export const TRANSITIONS: Readonly<Record<TaskState, readonly TaskState[]>> = {
  draft: ['assigned', 'cancelled'],
  assigned: ['in_progress', 'submitted', 'cancelled'],
  in_progress: ['submitted', 'cancelled'],
  submitted: ['completed', 'in_progress', 'cancelled'],
  completed: [],
  cancelled: [],
};

export const canTransition = (from: TaskState, to: TaskState): boolean => TRANSITIONS[from].includes(to);
