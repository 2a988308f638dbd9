import type { ControlledTransaction } from 'kysely';
import type { z } from 'zod';
import { en, fr, vi } from 'zod/locales';
import { can } from '../../../shared/domain/roles.ts';
import { isMessageKey, type Locale, type MessageKey, translate } from '../../../shared/i18n/index.ts';
import type { ImportReport, ImportRow } from '../../../shared/schemas/spreadsheets.ts';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { AppError, forbidden, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { updateTaskInTransaction } from '../tasks/task-commands.service.ts';
import { createTasks, defaultAssignerId } from '../tasks/task-creation.service.ts';
import { isSheetColumnKey } from '../tasks/task-sheet-columns.ts';
import type { Actor } from '../../kernel/actor.ts';
import * as repository from './task-import.repository.ts';
import { COLUMN_OF_FIELD, type ImportLookups, type PlannedRow, planRows, type RowProblem } from './task-import-plan.ts';
import type { ReadRow, TaskSheet } from './task-sheet-reader.ts';
import { readUploadedTaskSheet } from './task-sheet-thread.ts';

/**
 * The organization an import assigns for: the scope of the caller's steering role, as when a task
 * is created through the API without naming an assigner. Checked before the file is even read.
 */
export async function importingAssigner(db: Db, principal: Principal) {
  const scopeId = defaultAssignerId(principal);
  if (!scopeId) throw forbidden('import tasks');
  const assigner = await getOrganization(db, scopeId);
  if (!can(principal.grants, 'task.assign', assigner.path)) throw forbidden('import tasks');
  return assigner;
}

async function lookupsFor(db: Db, rows: ReadRow[], ids: Pick<ImportLookups, 'programmeId' | 'assignerId'>) {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const orgCodes = unique(rows.flatMap(({ row }) => [row.leadCode, ...row.coordinatorCodes]).filter(Boolean));
  const numbers = unique(rows.map(({ row }) => row.sourceDocumentNumber).filter((n): n is string => Boolean(n)));
  const codes = unique(rows.map(({ row }) => row.code).filter((c): c is string => Boolean(c)));
  const [organizations, documents, groups, tasks] = await Promise.all([
    repository.organizationsByCodes(db, orgCodes),
    repository.documentsByNumbers(db, numbers),
    repository.groupsOfProgramme(db, ids.programmeId),
    repository.tasksByCodes(db, codes),
  ]);
  return {
    ...ids,
    organizationIds: new Map(organizations.map((o) => [o.code, o.id])),
    documentIds: new Map(documents.map((d) => [d.number, d.id])),
    groupIds: new Map(groups.map((g) => [g.number, g.id])),
    existingTasks: new Map(tasks.map((t) => [t.code, t])),
  };
}

const SAVEPOINT = 'import_row';

type RowOutcome = { code: string } | { refused: AppError };

/**
 * Runs one row in a savepoint: a row the task rules refuse (a duplicate code aborts a PostgreSQL
 * transaction) is undone alone, audit entries held for it included, so that the dry run can go on
 * and report every row.
 */
async function inSavepoint(
  trx: ControlledTransaction<Database>,
  appends: audit.DeferredAppends,
  work: (tx: Db) => Promise<string>,
): Promise<RowOutcome> {
  const marked = await trx.savepoint(SAVEPOINT).execute();
  const held = appends.savepoint(marked);
  try {
    const code = await work(marked);
    await marked.releaseSavepoint(SAVEPOINT).execute();
    held.release();
    return { code };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    await (await marked.rollbackToSavepoint(SAVEPOINT).execute()).releaseSavepoint(SAVEPOINT).execute();
    held.rollback();
    return { refused: error };
  }
}

function problemsOfRefusal(error: AppError): RowProblem[] {
  const params = Object.fromEntries(
    Object.entries(error.details).filter((e): e is [string, string | number] =>
      ['string', 'number'].includes(typeof e[1]),
    ),
  );
  if (!error.fieldErrors?.length) return [{ column: '', problem: { message: `error.${error.code}`, params } }];
  return error.fieldErrors.map((field) => ({
    column: COLUMN_OF_FIELD[field.path] ?? '',
    problem: { message: isMessageKey(field.message) ? field.message : `error.${error.code}`, params },
  }));
}

type RowUpdate = { index: number; plan: Extract<PlannedRow, { kind: 'update' }> };
type RowCreate = { index: number; input: Extract<PlannedRow, { kind: 'create' }>['input'] };

/**
 * Whether an update writes a period (a new deadline) or moves the task to another group: the
 * dashboard tallies' triggers then take the audit lock until commit (decision 0011), as new tasks'
 * first periods do. The import writes these after the other updates, so that the lock comes late.
 */
const movesTallies = ({ plan }: RowUpdate) =>
  plan.changes.deadline !== undefined || plan.changes.taskGroupId !== undefined;

/** A change to an existing task, through updateTask's own rules, in a savepoint of its own. */
async function applyRow(
  trx: ControlledTransaction<Database>,
  appends: audit.DeferredAppends,
  actor: Actor,
  plan: RowUpdate['plan'],
): Promise<RowOutcome> {
  return inSavepoint(trx, appends, async (tx) => {
    await updateTaskInTransaction(tx, actor, plan.task.id, plan.task.version, plan.changes);
    return plan.task.code;
  });
}

const ZOD_LOCALES = { vi: vi(), en: en(), fr: fr() };

function wordMessage(locale: Locale, problem: RowProblem['problem']): string {
  if ('zodIssue' in problem) {
    const worded = ZOD_LOCALES[locale].localeError(problem.zodIssue as Parameters<z.core.$ZodErrorMap>[0]);
    return typeof worded === 'string' ? worded : (worded?.message ?? problem.zodIssue.message);
  }
  const choices = problem.choiceKeys?.map((key: MessageKey) => translate(locale, key)).join(', ');
  return translate(locale, problem.message, { ...problem.params, ...(choices ? { choices } : {}) });
}

/**
 * A problem as people read it: the column's title in their language, as the template heads it, and
 * the cell (I7) when the file has the column; `column` keeps the key for programs.
 */
function wordProblem(
  locale: Locale,
  { column, problem }: RowProblem,
  rowNumber: number,
  letters: TaskSheet['columnLetters'],
) {
  const letter = letters[column];
  return {
    column,
    ...(isSheetColumnKey(column) ? { columnTitle: translate(locale, `sheet.column.${column}`) } : {}),
    ...(letter ? { cell: `${letter}${rowNumber}` } : {}),
    message: wordMessage(locale, problem),
  };
}

export interface TaskImportRequest {
  bytes: Buffer;
  dryRun: boolean;
  programme: string;
  locale: Locale;
}

/** Rows done so far out of the file's rows, told as the import goes (a job's progress bar). */
export type ImportProgress = (processed: number, total: number) => void;

/** Writes that must commit with an applied import, or not at all (its job's outcome). */
export type BeforeCommit = (trx: Db, report: ImportReport) => Promise<void>;

/**
 * Imports a task sheet. Every row is rehearsed through the API's rules in one transaction; a dry
 * run, or a file with any faulty row, is rolled back whole, so that the report of a dry run is
 * exactly what applying would do. New tasks are written in batches with createTask's rules
 * (task-import-batch.ts), changed ones row by row through updateTask. The transaction defers its
 * audit appends to one write just before commit (a dry run appends nothing), and what makes the
 * dashboard tallies take the audit lock comes after the rest: the lock is taken late, not at the
 * first row (decision 0010).
 */
export async function importTasks(
  db: Db,
  actor: Actor,
  request: TaskImportRequest,
  onProgress: ImportProgress = () => {},
  beforeCommit: BeforeCommit = async () => {},
): Promise<ImportReport> {
  const assigner = await importingAssigner(db, actor.principal);
  const programme = await repository.findProgrammeByIdOrCode(db, request.programme);
  if (!programme) throw notFound('programme', request.programme);
  const { rows: read, columnLetters } = await readUploadedTaskSheet(request.bytes);
  let processed = 0;
  const advance = (count: number) => {
    processed += count;
    onProgress(processed, read.length);
  };
  advance(0);
  const lookups = await lookupsFor(db, read, { programmeId: programme.id, assignerId: assigner.id });
  const planned = planRows(read, lookups);
  const creates: RowCreate[] = [];
  const updates: RowUpdate[] = [];
  planned.forEach((entry, index) => {
    if (!entry.plan || entry.all.length > 0 || entry.plan.kind === 'unchanged') return;
    if (entry.plan.kind === 'create') creates.push({ index, input: entry.plan.input });
    else updates.push({ index, plan: entry.plan });
  });
  advance(planned.length - creates.length - updates.length);
  const trx = await db.startTransaction().execute();
  const appends = audit.deferAppends(trx);
  try {
    // What takes the audit lock goes last (see movesTallies): rows are independent of each other,
    // and each is reported at its own place whatever the order they are written in.
    const outcomes = new Map<number, RowOutcome>();
    for (const { index, plan } of [...updates.filter((u) => !movesTallies(u)), ...updates.filter(movesTallies)]) {
      outcomes.set(index, await applyRow(trx, appends, actor, plan));
      advance(1);
    }
    const created = await createTasks(
      trx,
      actor,
      creates.map((row) => row.input),
      advance,
    );
    created.forEach((outcome, position) => outcomes.set(creates[position]?.index ?? -1, outcome));
    const rows: ImportRow[] = planned.map((entry, index) => {
      const outcome =
        outcomes.get(index) ?? (entry.plan?.kind === 'unchanged' ? { code: entry.plan.task.code } : undefined);
      const problems = outcome && 'refused' in outcome ? problemsOfRefusal(outcome.refused) : entry.all;
      const code = (outcome && 'code' in outcome ? outcome.code : undefined) ?? entry.row.code ?? undefined;
      return {
        row: entry.rowNumber,
        status: problems.length > 0 || !entry.plan ? 'error' : entry.plan.kind,
        ...(code ? { code } : {}),
        ...(entry.row.title ? { title: entry.row.title } : {}),
        errors: problems.map((problem) => wordProblem(request.locale, problem, entry.rowNumber, columnLetters)),
      };
    });
    const summary = { create: 0, update: 0, unchanged: 0, error: 0 };
    for (const row of rows) summary[row.status] += 1;
    const isApplying = !request.dryRun && summary.error === 0;
    if (isApplying && summary.create + summary.update > 0) {
      // The last entry ties the tasks' own entries to one upload.
      await audit.record(trx, actor.principal, [
        {
          action: 'task.imported',
          entityType: 'programme',
          entityId: programme.id,
          scopePath: assigner.path,
          after: { summary },
        },
      ]);
    }
    const report = { dryRun: request.dryRun, applied: isApplying, rows, summary };
    if (isApplying) {
      await appends.flush();
      await beforeCommit(trx, report);
    }
    await (isApplying ? trx.commit() : trx.rollback()).execute();
    return report;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    throw error;
  }
}
