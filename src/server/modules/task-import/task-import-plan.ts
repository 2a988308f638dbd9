import type { z } from 'zod';
import type { CreateTask, UpdateTask } from '../../../shared/schemas/tasks.ts';
import { CreateTaskSchema, UpdateTaskSchema } from '../../../shared/schemas/tasks.ts';
import type { CellProblem } from '../spreadsheets/cell-values.ts';
import type { ExistingTask } from './task-import.repository.ts';
import type { ReadRow } from './task-sheet-reader.ts';
import type { TaskSheetRow } from '../tasks/task-sheet-columns.ts';

/** What a row of the file asks for, once its codes and numbers are resolved to ids. */
export type PlannedRow =
  | { kind: 'create'; input: CreateTask }
  | { kind: 'update'; task: ExistingTask; changes: UpdateTask }
  | { kind: 'unchanged'; task: ExistingTask };

export interface RowProblem {
  /** The column at fault, or '' for the row as a whole. */
  column: string;
  /** Ours name a catalogue message; the API schemas' refusals are zod issues, worded per caller. */
  problem: CellProblem | { zodIssue: z.core.$ZodIssue };
}

/** What the database knows of the names a file uses, looked up once for the whole file. */
export interface ImportLookups {
  programmeId: string;
  assignerId: string;
  organizationIds: Map<string, string>;
  documentIds: Map<string, string>;
  groupIds: Map<number, string>;
  existingTasks: Map<string, ExistingTask>;
}

/** API field names to sheet columns, so that a refusal by the task rules lands on its column. */
export const COLUMN_OF_FIELD: Record<string, string> = {
  code: 'code',
  title: 'title',
  description: 'description',
  taskGroupId: 'group',
  sourceDocumentId: 'sourceDocument',
  leadOrganizationId: 'lead',
  coordinatingOrganizationIds: 'coordinators',
  startOn: 'startOn',
  deadline: 'deadline',
  expectedOutput: 'expectedOutput',
  priority: 'priority',
  isConfidential: 'confidential',
};

const zodProblems = (issues: z.core.$ZodIssue[]): RowProblem[] =>
  issues.map((issue) => ({
    column: COLUMN_OF_FIELD[String(issue.path[0])] ?? '',
    problem: { zodIssue: issue },
  }));

/** The ids the row's codes name; an unknown one is a problem on its column. */
function resolveReferences(row: TaskSheetRow, lookups: ImportLookups, problems: RowProblem[]) {
  const leadId = lookups.organizationIds.get(row.leadCode);
  if (row.leadCode && !leadId) {
    problems.push({ column: 'lead', problem: { message: 'import.unknown_agency', params: { code: row.leadCode } } });
  }
  const coordinatorIds = row.coordinatorCodes.map((code) => {
    const id = lookups.organizationIds.get(code);
    if (!id) problems.push({ column: 'coordinators', problem: { message: 'import.unknown_agency', params: { code } } });
    return id ?? '';
  });
  const documentId = row.sourceDocumentNumber ? lookups.documentIds.get(row.sourceDocumentNumber) : undefined;
  if (row.sourceDocumentNumber && !documentId) {
    problems.push({
      column: 'sourceDocument',
      problem: { message: 'import.unknown_document', params: { number: row.sourceDocumentNumber } },
    });
  }
  const groupId = row.groupNumber === null ? undefined : lookups.groupIds.get(row.groupNumber);
  if (row.groupNumber !== null && !groupId) {
    problems.push({
      column: 'group',
      problem: { message: 'import.unknown_group', params: { number: row.groupNumber } },
    });
  }
  return { leadId, coordinatorIds, documentId, groupId };
}

type References = ReturnType<typeof resolveReferences>;

function planCreate(row: TaskSheetRow, refs: References, lookups: ImportLookups): PlannedRow | RowProblem[] {
  const parsed = CreateTaskSchema.safeParse({
    ...(row.code ? { code: row.code } : {}),
    title: row.title,
    description: row.description,
    programmeId: lookups.programmeId,
    ...(refs.groupId ? { taskGroupId: refs.groupId } : {}),
    ...(refs.documentId ? { sourceDocumentId: refs.documentId } : {}),
    assignerOrganizationId: lookups.assignerId,
    leadOrganizationId: refs.leadId,
    coordinatingOrganizationIds: refs.coordinatorIds,
    ...(row.startOn ? { startOn: row.startOn } : {}),
    deadline: row.deadline,
    expectedOutput: row.expectedOutput,
    priority: row.priority ?? 'normal',
    isConfidential: row.isConfidential,
  });
  return parsed.success ? { kind: 'create', input: parsed.data } : zodProblems(parsed.error.issues);
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((value) => b.includes(value));

/**
 * The changes the row makes to an existing task. The lead agency, start date and source document
 * are fixed once a task exists (the API cannot change them either), so a different value is refused.
 */
function planUpdate(row: TaskSheetRow, refs: References, task: ExistingTask): PlannedRow | RowProblem[] {
  const locked: RowProblem[] = [];
  const lock = (column: string) => locked.push({ column, problem: { message: 'import.locked_column' } });
  if (refs.leadId !== task.lead_organization_id) lock('lead');
  if (row.startOn !== task.start_on) lock('startOn');
  if ((refs.documentId ?? null) !== task.source_document_id) lock('sourceDocument');
  if (locked.length > 0) return locked;
  const candidate: UpdateTask = {
    ...(row.title !== task.title ? { title: row.title } : {}),
    ...(row.description !== task.description ? { description: row.description } : {}),
    ...((refs.groupId ?? null) !== task.task_group_id ? { taskGroupId: refs.groupId ?? null } : {}),
    ...(row.deadline !== task.deadline ? { deadline: row.deadline } : {}),
    ...(row.expectedOutput && row.expectedOutput !== task.expected_output
      ? { expectedOutput: row.expectedOutput }
      : {}),
    ...((row.priority ?? 'normal') !== task.priority ? { priority: row.priority ?? 'normal' } : {}),
    ...(row.isConfidential !== task.is_confidential ? { isConfidential: row.isConfidential } : {}),
    ...(!sameSet(refs.coordinatorIds, task.coordinatorIds) ? { coordinatingOrganizationIds: refs.coordinatorIds } : {}),
  };
  if (Object.keys(candidate).length === 0) return { kind: 'unchanged', task };
  const parsed = UpdateTaskSchema.safeParse(candidate);
  return parsed.success ? { kind: 'update', task, changes: parsed.data } : zodProblems(parsed.error.issues);
}

/**
 * What each row would do, or why it cannot: a code that names an existing task updates it, any
 * other row creates one. Only rows without problems go on to the task rules in the database.
 */
export function planRows(
  rows: ReadRow[],
  lookups: ImportLookups,
): Array<ReadRow & { plan?: PlannedRow; all: RowProblem[] }> {
  const firstRowOfCode = new Map<string, number>();
  return rows.map((read) => {
    const all: RowProblem[] = [...read.problems];
    const code = read.row.code;
    if (code) {
      const first = firstRowOfCode.get(code);
      if (first === undefined) firstRowOfCode.set(code, read.rowNumber);
      else all.push({ column: 'code', problem: { message: 'import.duplicate_in_file', params: { row: first } } });
    }
    const refs = resolveReferences(read.row, lookups, all);
    if (all.length > 0) return { ...read, all };
    const existing = code ? lookups.existingTasks.get(code) : undefined;
    const plan = existing ? planUpdate(read.row, refs, existing) : planCreate(read.row, refs, lookups);
    return Array.isArray(plan) ? { ...read, all: plan } : { ...read, plan, all };
  });
}
