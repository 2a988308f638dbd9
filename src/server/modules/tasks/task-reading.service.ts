import type { Db } from '../../db/database.ts';
import { today } from '../../../shared/domain/calendar-date.ts';
import { isWithinScope, scopesFor } from '../../../shared/domain/roles.ts';
import { allowedCapabilities, mayReadTask } from '../../../shared/domain/task-permissions.ts';
import { searchQueryWords } from '../../../shared/domain/search.ts';
import { DEFAULT_DUE_SOON_DAYS } from '../../../shared/domain/timeliness.ts';
import type { ListTasksQuery, TaskDetail, TaskPage } from '../../../shared/schemas/tasks.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { Principal } from '../../kernel/principal.ts';
import { findConclusion, findDocument } from '../directives/directives.repository.ts';
import { filesOfTask } from './evidence.repository.ts';
import { toEvidenceFile } from './evidence-views.ts';
import { getOrganization } from '../organizations/organizations.service.ts';
import { readingScope } from './task-access.ts';
import { decodeTaskCursor, encodeTaskCursor } from './task-list-cursor.ts';
import { actorGrants, positionOf } from './task-context.ts';
import * as queries from './task-queries.repository.ts';
import * as repository from './tasks.repository.ts';
import { summariesOf } from './task-summaries.service.ts';
import { toComments, toEvents, toExtensions, toReports } from './task-views.ts';

/** The filters of a list request, resolved: scope and agency codes become paths. */
export async function taskFilterFor(db: Db, principal: Principal, query: Omit<ListTasksQuery, 'limit' | 'sort'>) {
  const scope = await readingScope(db, principal, query.scope);
  const agency = query.agency ? await getOrganization(db, query.agency) : undefined;
  const filter: queries.TaskFilter = {
    asOf: query.as_of ?? today(),
    dueSoonDays: query.due_soon_days ?? DEFAULT_DUE_SOON_DAYS,
    scopePath: scope.path,
    ...(query.state ? { states: query.state } : {}),
    ...(query.timeliness ? { timeliness: query.timeliness } : {}),
    ...(agency ? { leadPath: agency.path } : {}),
    ...(query.group ? { groupId: query.group } : {}),
    ...(query.document ? { documentId: query.document } : {}),
    ...(query.parent ? { parentId: query.parent } : {}),
    ...(query.deadline_from ? { deadlineFrom: query.deadline_from } : {}),
    ...(query.deadline_to ? { deadlineTo: query.deadline_to } : {}),
    ...(query.q ? { words: searchQueryWords(query.q) } : {}),
    ...confidentialFilterOf(principal, scope.path),
  };
  if (query.parent) {
    // The sub-tasks of a task the caller may read are listed wherever they are led.
    const parent = await repository.findTask(db, query.parent);
    if (!parent) throw notFound('task', query.parent);
    if (!mayRead(principal, parent)) throw forbidden('read this task');
    delete filter.scopePath;
    // Listed wherever they are led: the confidential ones out of the caller's reach are left out.
    const confidential = confidentialFilterOf(principal).confidential;
    if (confidential) filter.confidential = confidential;
  }
  return { scope, filter };
}

/**
 * The confidential tasks a list shows the principal: the same rule as mayReadTask, in SQL. A list of
 * a scope the principal reads confidential tasks in needs no filter: every task it counts is led there.
 */
export function confidentialFilterOf(
  principal: Principal,
  listedWithin?: string,
): Pick<queries.TaskFilter, 'confidential'> {
  const scopes = scopesFor(principal.grants, 'task.read_confidential');
  if (scopes === 'everywhere') return {};
  if (listedWithin !== undefined && scopes.some((path) => isWithinScope(listedWithin, path))) return {};
  return { confidential: { readableUnder: scopes } };
}

/** A page of the list, after the cursor of the page before it, with the count of every match up to its cap. */
export async function listTasks(db: Db, principal: Principal, query: ListTasksQuery): Promise<TaskPage> {
  const { filter } = await taskFilterFor(db, principal, query);
  const after = decodeTaskCursor(query.cursor, query.sort);
  // Read with one row more than the page: that row says whether another page follows.
  const [rows, count] = await Promise.all([
    queries.listSummaries(db, filter, { sort: query.sort, limit: query.limit + 1, ...(after ? { after } : {}) }),
    queries.countSummaries(db, filter, query.sort),
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeTaskCursor(queries.cursorAfter(last, query.sort)) : null;
  return { items: await summariesOf(db, page, filter), nextCursor, ...count };
}

/** Who may read a task: the one rule of shared/domain/task-permissions.ts. */
export function mayRead(
  principal: Principal,
  task: { lead_path: string; assigner_path: string; is_confidential: boolean; coordinator_paths: string[] },
): boolean {
  return mayReadTask(principal.grants, {
    leadPath: task.lead_path,
    assignerPath: task.assigner_path,
    isConfidential: task.is_confidential,
    coordinatorPaths: task.coordinator_paths,
  });
}

export async function getTaskDetail(db: Db, principal: Principal, id: string, asOf = today()): Promise<TaskDetail> {
  const task = await repository.findTask(db, id);
  if (!task) throw notFound('task', id);
  if (!mayRead(principal, task)) throw forbidden('read this task');
  const filter = { asOf, dueSoonDays: DEFAULT_DUE_SOON_DAYS, ...confidentialFilterOf(principal) };
  const [
    [summary],
    children,
    coordinators,
    events,
    reports,
    extensions,
    comments,
    document,
    conclusion,
    files,
    pending,
  ] = await Promise.all([
    queries.listSummaries(db, { ...filter, ids: [id] }, { sort: 'code', limit: 1 }),
    queries.listSummaries(db, { ...filter, parentId: id }, { sort: 'code', limit: 500 }),
    repository.coordinatorsOf(db, id),
    repository.eventsOf(db, id),
    repository.reportsOf(db, id),
    repository.extensionsOf(db, id),
    repository.commentsOf(db, id),
    task.source_document_id ? findDocument(db, task.source_document_id) : undefined,
    task.source_conclusion_id ? findConclusion(db, task.source_conclusion_id) : undefined,
    filesOfTask(db, id),
    repository.pendingDecisionsOf(db, id),
  ]);
  // A task assigned after `asOf` did not exist yet on that day.
  if (!summary) throw notFound('task as of this date', id);
  const [shown, ...subTasks] = await summariesOf(db, [summary, ...children], filter);
  if (!shown) throw notFound('task as of this date', id);
  return {
    ...shown,
    description: task.description,
    startOn: task.start_on,
    expectedOutput: task.expected_output,
    sourceDocument: document ? { id: document.id, number: document.number, title: document.title } : null,
    sourceConclusion: conclusion
      ? { id: conclusion.id, meetingTitle: conclusion.meeting_title, number: conclusion.number, text: conclusion.text }
      : null,
    coordinators: coordinators.map((o) => ({ id: o.id, code: o.code, nameVi: o.name_vi, nameEn: o.name_en })),
    children: subTasks,
    events: toEvents(events),
    reports: toReports(reports, files.map(toEvidenceFile)),
    extensions: toExtensions(extensions),
    comments: toComments(comments),
    allowedActions: allowedCapabilities(actorGrants(principal), positionOf(task, pending)),
  };
}
