import type { Insertable } from 'kysely';
import { searchDocument } from '../../../shared/domain/search.ts';
import type { CreateTask } from '../../../shared/schemas/tasks.ts';
import type { TaskTable } from '../../db/schema.ts';

/** Where a new task sits: resolved and checked by the caller (createTask, or an import batch). */
export interface TaskPlacement {
  programmeId: string;
  code: string;
  assignerId: string;
  lead: { id: string; path: string; provinceId: string | null };
  parent?: { id: string; lead_path: string; task_group_id: string | null; source_document_id: string | null };
  today: string;
}

/**
 * The row of a new task, one definition for the API and the spreadsheet import: a sub-task takes
 * its parent's group and document unless given; an assigned task is assigned today.
 */
export function newTaskRow(input: CreateTask, placement: TaskPlacement): Insertable<TaskTable> {
  const { code, parent, lead } = placement;
  const state = input.assign ? 'assigned' : 'draft';
  return {
    code,
    title: input.title,
    description: input.description,
    programme_id: placement.programmeId,
    task_group_id: input.taskGroupId ?? parent?.task_group_id ?? null,
    source_document_id: input.sourceDocumentId ?? parent?.source_document_id ?? null,
    source_conclusion_id: input.sourceConclusionId ?? null,
    assigner_organization_id: placement.assignerId,
    lead_organization_id: lead.id,
    lead_path: lead.path,
    lead_province_id: lead.provinceId,
    parent_task_id: parent?.id ?? null,
    parent_lead_path: parent?.lead_path ?? null,
    start_on: input.startOn ?? null,
    deadline: input.deadline,
    expected_output: input.expectedOutput,
    priority: input.priority,
    is_confidential: input.isConfidential,
    state,
    effective_deadline: input.deadline,
    assigned_on: input.assign ? placement.today : null,
    completed_on: null,
    search_text: searchDocument(code, input.title),
  };
}
