import type { Db } from '../../db/database.ts';
import { addDays, type CalendarDate, calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import { dueSoonLimit } from '../../../shared/domain/feedback-service-level.ts';
import {
  allowedFeedbackActions,
  mayReadFeedback,
  readsAllFeedback,
} from '../../../shared/domain/feedback-permissions.ts';
import { roleAllows, scopesFor } from '../../../shared/domain/roles.ts';
import { foldForSearch } from '../../../shared/domain/text.ts';
import type { FeedbackDetail, FeedbackPage, FeedbackQueueQuery } from '../../../shared/schemas/feedback.ts';
import { forbidden, notFound } from '../../errors.ts';
import type { Principal } from '../auth/principal.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { findByIdOrCode } from '../organizations/organizations.repository.ts';
import { offsetOf, pageFrom } from '../pagination.ts';
import { countQueue, listQueue, type QueueFilter } from './feedback-queue.repository.ts';
import { positionOf } from './feedback-handling.service.ts';
import { summaryOf, toAttachment, toEvent, toSummary } from './feedback-views.ts';
import * as repository from './feedback.repository.ts';

/** The last due-soon date for readings as of `asOf`, from the working calendar. */
async function soonLimitOf(db: Db, asOf: CalendarDate): Promise<CalendarDate> {
  return dueSoonLimit(asOf, await loadWorkingCalendar(db, asOf, addDays(asOf, 31)));
}

function requireReader(principal: Principal): void {
  if (!principal.grants.some((grant) => roleAllows(grant.role, 'feedback.read'))) throw forbidden('read feedback');
}

/** The handlers' queue: what the caller may read, filtered, with service levels as of a date. */
export async function listFeedbackQueue(
  db: Db,
  principal: Principal,
  query: FeedbackQueueQuery,
  now = new Date(),
): Promise<FeedbackPage> {
  requireReader(principal);
  const asOf = query.as_of ?? calendarDateOf(now);
  const filter: QueueFilter = {
    scopePaths: readsAllFeedback(principal.grants)
      ? undefined
      : (scopesFor(principal.grants, 'feedback.read') as string[]),
    states: query.state,
    types: query.type,
    fields: query.field,
    serviceLevels: query.service_level,
    asOf,
    soonLimit: await soonLimitOf(db, asOf),
    folded: query.q ? foldForSearch(query.q) : undefined,
    receivedFrom: query.received_from,
    receivedTo: query.received_to,
  };
  if (query.organization) {
    const organization = await findByIdOrCode(db, query.organization);
    if (!organization) throw notFound('organization', query.organization);
    filter.assignedPath = organization.path;
  }
  const offset = offsetOf(query.cursor);
  const [rows, { total, isCapped }] = await Promise.all([
    listQueue(db, filter, { sort: query.sort, offset, limit: query.limit + 1 }),
    countQueue(db, filter),
  ]);
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  return {
    items: page.map((row) => toSummary(row, asOf, filter.soonLimit)),
    nextCursor,
    total,
    totalIsCapped: isCapped,
  };
}

/** An item for its handler: content, contact, attachments, the whole timeline and likely duplicates. */
export async function getFeedbackDetail(
  db: Db,
  principal: Principal,
  id: string,
  now = new Date(),
): Promise<FeedbackDetail> {
  const item = await repository.findItem(db, id);
  if (!item) throw notFound('feedback', id);
  if (!mayReadFeedback(principal.grants, item.assigned_path)) throw forbidden('read this feedback');
  const asOf = calendarDateOf(now);
  const [soonLimit, attachments, events, organizations, similar, mergedInto] = await Promise.all([
    soonLimitOf(db, asOf),
    repository.attachmentsOf(db, id),
    repository.eventsOf(db, id, { publicOnly: false }),
    repository.organizationNames(
      db,
      [item.organization_id, item.assigned_organization_id].filter((x) => x !== null),
    ),
    repository.similarItems(db, item.search_text, { field: item.field, limit: 5, excludeId: id }),
    item.merged_into ? repository.trackingCodeOf(db, item.merged_into) : undefined,
  ]);
  const refOf = (orgId: string | null) => {
    const found = organizations.find((organization) => organization.id === orgId);
    return found ? { id: found.id, code: found.code, nameVi: found.name_vi, nameEn: found.name_en } : null;
  };
  return {
    ...summaryOf(
      item,
      {
        organizationConcerned: refOf(item.organization_id),
        assignedOrganization: refOf(item.assigned_organization_id),
        attachmentCount: attachments.length,
      },
      asOf,
      soonLimit,
    ),
    content: item.content,
    submitterName: item.submitter_name,
    phone: item.phone,
    email: item.email,
    consentToPublish: item.consent_to_publish,
    isPublished: item.is_published,
    location:
      item.latitude === null && item.address === null
        ? null
        : { latitude: item.latitude, longitude: item.longitude, address: item.address },
    triagedAt: item.triaged_at?.toISOString() ?? null,
    answer: item.answer,
    answeredAt: item.answered_at?.toISOString() ?? null,
    closedAt: item.closed_at?.toISOString() ?? null,
    mergedInto: item.merged_into && mergedInto ? { id: item.merged_into, trackingCode: mergedInto } : null,
    taskId: item.task_id,
    attachments: attachments.map(toAttachment),
    events: events.map(toEvent),
    possibleDuplicates: similar.map((row) => ({
      id: row.id,
      trackingCode: row.tracking_code,
      title: row.title,
      state: row.state,
      receivedAt: row.received_at.toISOString(),
      similarity: Number(row.similarity),
    })),
    allowedActions: allowedFeedbackActions(principal.grants, positionOf(item)),
  };
}

/** An attachment, to whoever may read its item; served as a download, never rendered inline. */
export async function downloadFeedbackAttachment(db: Db, principal: Principal, attachmentId: string) {
  const file = await repository.findAttachmentContent(db, attachmentId);
  if (!file) throw notFound('attachment', attachmentId);
  const item = await repository.findItem(db, file.item_id);
  if (!item || !mayReadFeedback(principal.grants, item.assigned_path)) throw forbidden('read this attachment');
  return { ...toAttachment(file), content: Buffer.from(file.content) };
}
