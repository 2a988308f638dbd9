/** The closed lists a task is described with; labels live in the message catalogue. */
export const EXPECTED_OUTPUTS = ['legal_document', 'report', 'system', 'scheme', 'plan', 'other'] as const;
export type ExpectedOutput = (typeof EXPECTED_OUTPUTS)[number];

export const PRIORITIES = ['normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DOCUMENT_TYPES = [
  'resolution',
  'conclusion',
  'directive',
  'plan',
  'dispatch',
  'decision',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** What people do to a task; each is one lifecycle transition (see task-lifecycle.ts). */
export const TASK_ACTIONS = ['assign', 'start', 'submit', 'accept', 'return', 'cancel'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export const TASK_EVENT_KINDS = [
  'created',
  'assign',
  'start',
  'submit',
  'accept',
  'return',
  'cancel',
  'updated',
  'progress_reported',
  'report_answered',
  'extension_requested',
  'extension_approved',
  'extension_refused',
  'commented',
  'subtask_created',
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** How task lists may be sorted; a leading '-' sorts in descending order. */
export const TASK_SORTS = [
  'deadline',
  '-deadline',
  'code',
  '-code',
  'progress',
  '-progress',
  'title',
  '-title',
] as const;
export type TaskSort = (typeof TASK_SORTS)[number];
