import { serviceLevelOf } from '../../../shared/domain/feedback-service-level.ts';
import { mayReadFeedback, maySeeTrackingCode } from '../../../shared/domain/feedback-permissions.ts';
import type { RoleGrant } from '../../../shared/domain/roles.ts';
import type {
  FeedbackAttachment,
  FeedbackEvent,
  FeedbackSummary,
  PublicFeedback,
} from '../../../shared/schemas/feedback.ts';
import type { QueueRow } from './feedback-queue.repository.ts';
import type * as repository from './feedback.repository.ts';

type EventRow = Awaited<ReturnType<typeof repository.eventsOf>>[number];
type AttachmentRow = Awaited<ReturnType<typeof repository.attachmentsOf>>[number];
type PublishedRow = Awaited<ReturnType<typeof repository.listPublished>>[number];

const ref = (id: string | null, code: string | null, nameVi: string | null, nameEn: string | null) =>
  id && code !== null && nameVi !== null && nameEn !== null ? { id, code, nameVi, nameEn } : null;

type SummaryColumns = Pick<
  QueueRow,
  | 'id'
  | 'tracking_code'
  | 'assigned_path'
  | 'type'
  | 'field'
  | 'title'
  | 'state'
  | 'submitter_kind'
  | 'received_at'
  | 'triage_due_on'
  | 'answer_due_on'
  | 'pending_due_on'
  | 'possible_duplicate_of'
  | 'version'
>;

/** An item as the queue lists it, from its own columns and what its caller read beside them. */
export function summaryOf(
  row: SummaryColumns,
  related: Pick<
    FeedbackSummary,
    'organizationConcerned' | 'assignedOrganization' | 'attachmentCount' | 'possibleDuplicateOfId'
  >,
  reader: readonly RoleGrant[],
  asOf: string,
  soonLimit: string,
): FeedbackSummary {
  const dates = { triageDueOn: row.triage_due_on, answerDueOn: row.answer_due_on };
  return {
    id: row.id,
    trackingCode: maySeeTrackingCode(reader, row.assigned_path) ? row.tracking_code : null,
    type: row.type,
    field: row.field,
    title: row.title,
    state: row.state,
    submitterKind: row.submitter_kind,
    receivedAt: row.received_at.toISOString(),
    triageDueOn: row.triage_due_on,
    answerDueOn: row.answer_due_on,
    pendingDueOn: row.pending_due_on,
    serviceLevel: serviceLevelOf(row.state, dates, asOf, soonLimit),
    organizationConcerned: related.organizationConcerned,
    assignedOrganization: related.assignedOrganization,
    possibleDuplicateOfId: related.possibleDuplicateOfId,
    attachmentCount: related.attachmentCount,
    version: row.version,
  };
}

export const toSummary = (
  row: QueueRow,
  reader: readonly RoleGrant[],
  asOf: string,
  soonLimit: string,
): FeedbackSummary =>
  summaryOf(
    row,
    {
      // The flag names the other item only to those who may read it.
      possibleDuplicateOfId:
        row.possible_duplicate_of !== null && mayReadFeedback(reader, row.duplicate_path)
          ? row.possible_duplicate_of
          : null,
      organizationConcerned: ref(row.organization_id, row.concerned_code, row.concerned_name_vi, row.concerned_name_en),
      assignedOrganization: ref(
        row.assigned_organization_id,
        row.assigned_code,
        row.assigned_name_vi,
        row.assigned_name_en,
      ),
      attachmentCount: Number(row.attachment_count ?? 0),
    },
    reader,
    asOf,
    soonLimit,
  );

export const toEvent = (row: EventRow): FeedbackEvent => ({
  id: row.id,
  at: row.at.toISOString(),
  kind: row.kind,
  fromState: row.from_state,
  toState: row.to_state,
  organizationName: row.organization_name,
  reason: row.reason,
  body: row.body,
  actorName: row.actor_name,
  isInternal: row.is_internal,
});

/**
 * The submitter sees what happened and where, never who did it; of the reasons, a rejection's
 * only, and the code of the task an adopted initiative became.
 */
export const toPublicEvent = (row: EventRow) => ({
  at: row.at.toISOString(),
  kind: row.kind,
  fromState: row.from_state,
  toState: row.to_state,
  organizationName: row.organization_name,
  reason: row.kind === 'reject' || row.kind === 'adopted' ? row.reason : null,
});

export const toAttachment = (row: AttachmentRow): FeedbackAttachment => ({
  id: row.id,
  fileName: row.file_name,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  sha256: row.sha256,
  createdAt: row.created_at.toISOString(),
});

export const toPublicFeedback = (row: PublishedRow): PublicFeedback => ({
  trackingCode: row.tracking_code,
  type: row.type,
  field: row.field,
  title: row.title,
  content: row.content,
  submitterKind: row.submitter_kind,
  receivedAt: row.received_at.toISOString(),
  state: row.state,
  answer: {
    text: row.answer ?? '',
    answeredAt: row.answered_at?.toISOString() ?? '',
    organizationName: row.organization_name,
  },
});
