import type { Db } from '../../db/database.ts';
import { addDays, type CalendarDate, calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import { dueSoonLimit } from '../../../shared/domain/feedback-service-level.ts';
import { maskContact } from '../../../shared/domain/contact-masking.ts';
import {
  allowedFeedbackActions,
  feedbackReadScopes,
  mayReadFeedback,
  mayReadFeedbackContact,
  maySeeTrackingCode,
} from '../../../shared/domain/feedback-permissions.ts';
import { roleAllows } from '../../../shared/domain/roles.ts';
import { searchQueryWords, trackingCodeIn } from '../../../shared/domain/search.ts';
import type {
  FeedbackContact,
  FeedbackDetail,
  FeedbackPage,
  FeedbackQueueQuery,
} from '../../../shared/schemas/feedback.ts';
import { forbidden, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { findByIdOrCode } from '../organizations/organizations.repository.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import { countQueue, listQueue, type QueueFilter } from './feedback-queue.repository.ts';
import { findFeedbackByTrackingCode } from './feedback-search.service.ts';
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
  const readScopes = feedbackReadScopes(principal.grants);
  const trackingCode = query.q ? trackingCodeIn(query.q) : undefined;
  const byCode = trackingCode ? await findFeedbackByTrackingCode(db, principal, trackingCode) : undefined;
  const filter: QueueFilter = {
    scopePaths: readScopes === 'all' ? undefined : readScopes,
    states: query.state,
    types: query.type,
    fields: query.field,
    serviceLevels: query.service_level,
    asOf,
    soonLimit: await soonLimitOf(db, asOf),
    // A tracking code its handler types finds that item; words find the items holding them all.
    ...(byCode ? { itemId: byCode.id } : { words: query.q ? searchQueryWords(query.q) : undefined }),
    receivedFrom: query.received_from,
    receivedTo: query.received_to,
  };
  if (query.organization) {
    const organization = await findByIdOrCode(db, query.organization);
    if (!organization) throw notFound('organization', query.organization);
    filter.assignedPath = organization.path;
  }
  const offset = offsetOf(query.cursor);
  const [rows, count] = await Promise.all([
    listQueue(db, filter, { sort: query.sort, offset, limit: query.limit + 1 }),
    countQueue(db, filter),
  ]);
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  return {
    items: page.map((row) => toSummary(row, principal.grants, asOf, filter.soonLimit)),
    nextCursor,
    ...count,
  };
}

/**
 * An item for its readers: content, attachments, the whole timeline and likely duplicates among the
 * items they may read; the sender's name and contact masked (readFeedbackContact reveals them).
 */
export async function getFeedbackDetail(
  db: Db,
  principal: Principal,
  id: string,
  now = new Date(),
): Promise<FeedbackDetail> {
  const item = await repository.findItem(db, id);
  if (!item) throw notFound('feedback', id);
  const reader = principal.grants;
  if (!mayReadFeedback(reader, item.assigned_path)) throw forbidden('read this feedback');
  const asOf = calendarDateOf(now);
  const readScopes = feedbackReadScopes(reader);
  const referred = [item.merged_into, item.possible_duplicate_of].filter((x) => x !== null);
  const [soonLimit, attachments, events, organizations, similar, refs] = await Promise.all([
    soonLimitOf(db, asOf),
    repository.attachmentsOf(db, id),
    repository.eventsOf(db, id, { publicOnly: false }),
    repository.organizationNames(
      db,
      [item.organization_id, item.assigned_organization_id].filter((x) => x !== null),
    ),
    repository.similarItems(db, item.search_text, {
      field: item.field,
      limit: 5,
      excludeId: id,
      scopePaths: readScopes === 'all' ? undefined : readScopes,
    }),
    repository.itemRefs(db, referred),
  ]);
  const refOf = (orgId: string | null) => {
    const found = organizations.find((organization) => organization.id === orgId);
    return found ? { id: found.id, code: found.code, nameVi: found.name_vi, nameEn: found.name_en } : null;
  };
  /** Another item, as this reader may see it: its code only to its handlers, itself only to its readers. */
  const codeOf = (other: { tracking_code: string; assigned_path: string | null }) =>
    maySeeTrackingCode(reader, other.assigned_path) ? other.tracking_code : null;
  const readable = (otherId: string | null) => {
    const other = refs.find((ref) => ref.id === otherId);
    return other && mayReadFeedback(reader, other.assigned_path) ? other : undefined;
  };
  const mergedInto = readable(item.merged_into);
  return {
    ...summaryOf(
      item,
      {
        organizationConcerned: refOf(item.organization_id),
        assignedOrganization: refOf(item.assigned_organization_id),
        attachmentCount: attachments.length,
        possibleDuplicateOfId: readable(item.possible_duplicate_of)?.id ?? null,
      },
      reader,
      asOf,
      soonLimit,
    ),
    content: item.content,
    maskedContact: maskContact(contactOf(item)),
    hasContact: item.phone !== null || item.email !== null,
    mediaUrl: item.media_url,
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
    mergedInto: mergedInto ? { id: mergedInto.id, trackingCode: codeOf(mergedInto) } : null,
    taskId: item.task_id,
    attachments: attachments.map(toAttachment),
    events: events.map(toEvent),
    // Filtered in SQL by the reader's scope; checked again by the one gate, which must agree.
    possibleDuplicates: similar
      .filter((row) => mayReadFeedback(reader, row.assigned_path))
      .map((row) => ({
        id: row.id,
        trackingCode: codeOf(row),
        title: row.title,
        state: row.state,
        receivedAt: row.received_at.toISOString(),
        similarity: Number(row.similarity),
      })),
    allowedActions: allowedFeedbackActions(reader, positionOf(item)),
  };
}

const contactOf = (item: repository.ItemRow): FeedbackContact => ({
  submitterName: item.submitter_name,
  phone: item.phone,
  email: item.email,
});

/**
 * The sender's name and contact, on a reader's explicit request: each read appends
 * `feedback.contact_read` to the audit trail (which fields, never their values), in the same
 * transaction, so that a read is never served unrecorded.
 */
export async function readFeedbackContact(db: Db, principal: Principal, id: string): Promise<FeedbackContact> {
  return db.transaction().execute(async (tx) => {
    const item = await repository.findItem(tx, id);
    if (!item) throw notFound('feedback', id);
    if (!mayReadFeedbackContact(principal.grants, item.assigned_path)) throw forbidden('read this sender’s contact');
    const contact = contactOf(item);
    await audit.record(tx, principal, [
      {
        action: 'feedback.contact_read',
        entityType: 'feedback',
        entityId: item.id,
        scopePath: item.assigned_path,
        after: { fields: Object.entries(contact).flatMap(([field, value]) => (value === null ? [] : [field])) },
      },
    ]);
    return contact;
  });
}

/** An attachment, to whoever may read its item; served as a download, never rendered inline. */
export async function downloadFeedbackAttachment(db: Db, principal: Principal, attachmentId: string) {
  const file = await repository.findAttachmentContent(db, attachmentId);
  if (!file) throw notFound('attachment', attachmentId);
  const item = await repository.findItem(db, file.item_id);
  if (!item || !mayReadFeedback(principal.grants, item.assigned_path)) throw forbidden('read this attachment');
  return { ...toAttachment(file), content: Buffer.from(file.content) };
}
