import type { SubTaskRollUp, TaskDetail, TaskSummary } from '../../../shared/schemas/tasks.ts';
import type { TaskSummaryRow } from './task-queries.repository.ts';
import type * as repository from './tasks.repository.ts';

type Rows<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

/** A list row as the API gives it, with its sub-tasks' roll-up (task-summaries.service.ts). */
export function toTaskSummary(row: TaskSummaryRow, subTasks: SubTaskRollUp | null): TaskSummary {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    programmeId: row.programme_id,
    taskGroupId: row.task_group_id,
    taskGroupNumber: row.task_group_number,
    lead: { id: row.lead_organization_id, code: row.lead_code, nameVi: row.lead_name_vi, nameEn: row.lead_name_en },
    assigner: {
      id: row.assigner_organization_id,
      code: row.assigner_code,
      nameVi: row.assigner_name_vi,
      nameEn: row.assigner_name_en,
    },
    parentTaskId: row.parent_task_id,
    deadline: row.deadline,
    effectiveDeadline: row.effective_deadline,
    state: row.state,
    timeliness: row.timeliness,
    daysLate: Number(row.days_late),
    completedOn: row.completed_on,
    progressPercent: row.progress_percent,
    subTasks,
    priority: row.priority,
    isConfidential: row.is_confidential,
    childCount: row.child_count,
    version: row.version,
  };
}

export const toEvents = (rows: Rows<typeof repository.eventsOf>): TaskDetail['events'] =>
  rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    kind: row.kind,
    fromState: row.from_state,
    toState: row.to_state,
    reason: row.reason,
    actorName: row.actor_name,
    details: (row.details as Record<string, unknown> | null) ?? null,
  }));

export const toReports = (
  rows: Rows<typeof repository.reportsOf>,
  files: TaskDetail['reports'][number]['files'],
): TaskDetail['reports'] =>
  rows.map((row) => ({
    id: row.id,
    reportedOn: row.reported_on,
    percent: row.percent,
    narrative: row.narrative,
    difficulties: row.difficulties,
    proposals: row.proposals,
    answer: row.answer,
    answeredAt: row.answered_at?.toISOString() ?? null,
    authorName: row.author_name,
    files: files.filter((file) => file.reportId === row.id),
  }));

export const toExtensions = (rows: Rows<typeof repository.extensionsOf>): TaskDetail['extensions'] =>
  rows.map((row) => ({
    id: row.id,
    requestedDeadline: row.requested_deadline,
    reason: row.reason,
    status: row.status,
    decisionReason: row.decision_reason,
    decidedAt: row.decided_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  }));

export const toComments = (rows: Rows<typeof repository.commentsOf>): TaskDetail['comments'] =>
  rows.map((row) => ({
    id: row.id,
    body: row.body,
    authorName: row.author_name,
    createdAt: row.created_at.toISOString(),
  }));
