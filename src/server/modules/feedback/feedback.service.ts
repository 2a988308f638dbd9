import { createHash, randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, isUniqueViolation } from '../../db/database.ts';
import { addDays, calendarDateOf } from '../../../shared/domain/calendar-date.ts';
import { evidenceMediaType } from '../../../shared/domain/evidence.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_FILES,
  DEFAULT_SUBMISSION_LIMITS,
  normalizeEmail,
  normalizePhone,
  normalizeTrackingCode,
  type SubmissionLimits,
  trackingCodeFrom,
} from '../../../shared/domain/feedback.ts';
import { serviceLevelDueDates } from '../../../shared/domain/feedback-service-level.ts';
import { searchDocument, searchQueryWords } from '../../../shared/domain/search.ts';
import { foldForSearch } from '../../../shared/domain/text.ts';
import type {
  FeedbackReceipt,
  FeedbackStatus,
  FeedbackSubmission,
  ListPublicFeedbackQuery,
  PublicFeedback,
} from '../../../shared/schemas/feedback.ts';
import { AppError, notFound } from '../../errors.ts';
import * as audit from '../audit/audit.service.ts';
import type { Principal } from '../../kernel/principal.ts';
import { loadWorkingCalendar } from '../calendar/calendar.service.ts';
import { once } from '../idempotency/idempotency.service.ts';
import { offsetOf, pageFrom } from '../../kernel/pagination.ts';
import { admitAddress, enforceSubmissionLimits, keyedHash } from './feedback-rate-limit.ts';
import { toPublicEvent, toPublicFeedback } from './feedback-views.ts';
import * as repository from './feedback.repository.ts';

/** A file as received: its name as the client gave it, and its bytes. */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

export interface SubmissionOrigin {
  /** The client's address: hashed with a key before it is counted or audited, never stored. */
  address: string;
  now: Date;
  idempotencyKey?: string | undefined;
  /** From the configuration (env.ts); the defaults when left out. */
  limits?: SubmissionLimits | undefined;
  /** The address's keyed hash when admitAddress already counted this attempt (receiveFeedbackWithAttachments). */
  admittedAddressHash?: string | undefined;
  /**
   * Whether a phone or an e-mail address is required: always on the public form; through Open311
   * only when the deployment says so (OPEN311_REQUIRE_CONTACT, decision 0027). Default true.
   */
  requiresContact?: boolean | undefined;
}

/**
 * The public submits without an account: recorded in the audit trail as the system acting for
 * it, and as one owner of Idempotency-Keys (keys are random per submission, so owners do not clash).
 */
export const PUBLIC_SUBMITTER: Principal = {
  personId: '00000000-0000-0000-0000-0000000000fb',
  organizationId: '00000000-0000-0000-0000-000000000000',
  grants: [],
  via: 'system',
};

export const fileError = (code: 'payload_too_large' | 'unsupported_media_type', index: number, message: string) =>
  new AppError(code, message, { max: ATTACHMENT_MAX_FILES, maxMiB: ATTACHMENT_MAX_BYTES / 1024 / 1024 }, [
    {
      path: `files.${index}`,
      message: code === 'payload_too_large' ? 'error.feedback.file_too_large' : 'error.feedback.file_type',
    },
  ]);

export const tooManyFiles = () =>
  new AppError('payload_too_large', 'Too many files', { max: ATTACHMENT_MAX_FILES }, [
    { path: 'files', message: 'error.feedback.too_many_files' },
  ]);

function checkAttachments(files: UploadedFile[]) {
  if (files.length > ATTACHMENT_MAX_FILES) throw tooManyFiles();
  return files.map((file, index) => {
    if (file.content.length > ATTACHMENT_MAX_BYTES) throw fileError('payload_too_large', index, 'File too large');
    const mediaType = evidenceMediaType(file.fileName, file.content.subarray(0, 8));
    if (!mediaType) throw fileError('unsupported_media_type', index, `Not an accepted file: ${file.fileName}`);
    return { ...file, mediaType, sha256: createHash('sha256').update(file.content).digest('hex') };
  });
}

/** The contact in one canonical form: the same person is counted once however they type it. */
function contactOf(
  input: FeedbackSubmission,
  requiresContact: boolean,
): { phone: string | null; email: string | null } {
  const phone = input.phone ? normalizePhone(input.phone) : null;
  if (phone === undefined) {
    throw new AppError('validation', 'Not a Vietnamese phone number', {}, [
      { path: 'phone', message: 'error.feedback.invalid_phone' },
    ]);
  }
  const email = input.email ? normalizeEmail(input.email) : null;
  if (!phone && !email && requiresContact) {
    throw new AppError('validation', 'A phone number or an e-mail address is required', {}, [
      { path: 'phone', message: 'error.feedback.contact_required' },
    ]);
  }
  return { phone, email };
}

/**
 * Receives a submission from the public and returns its tracking code. With an Idempotency-Key,
 * a retry of the same body gets the same receipt, and a concurrent twin waits for the first
 * rather than creating a second item. A likely duplicate is flagged for the handler, never refused.
 */
export async function submitFeedback(
  db: Db,
  input: FeedbackSubmission,
  origin: SubmissionOrigin,
  attachments: UploadedFile[] = [],
): Promise<FeedbackReceipt> {
  const files = checkAttachments(attachments);
  const contact = contactOf(input, origin.requiresContact ?? true);
  const request = { input, files: files.map((file) => [file.fileName, file.sha256]) };
  const run = async () => {
    const addressHash = origin.admittedAddressHash ?? (await keyedHash(db, `address:${origin.address}`));
    // Without a contact only the address is counted: there is no one else to count.
    const given = contact.phone ?? contact.email;
    const contactHash = given === null ? undefined : await keyedHash(db, `contact:${given}`);
    await enforceSubmissionLimits(
      db,
      { addressHash, contactHash, addressCounted: origin.admittedAddressHash !== undefined },
      origin.limits ?? DEFAULT_SUBMISSION_LIMITS,
      origin.now,
    );
    return receive(db, input, contact, files, { addressHash, now: origin.now });
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      return (await once(db, PUBLIC_SUBMITTER.personId, origin.idempotencyKey, request, run)).value;
    } catch (error) {
      // The twin holding the key is still running: wait for its receipt (about 10 s at most).
      if (!(error instanceof AppError && error.code === 'idempotency_in_flight') || attempt >= 200) throw error;
      await sleep(50);
    }
  }
}

/**
 * The form with attachments (up to 50 MiB a request): the client address is counted, and refused
 * past its limit, before `read` reads a byte of the body, so that a limited address costs no memory
 * however many requests it sends at once (issue 9). Then as submitFeedback, the address not
 * counted twice; an Idempotency-Key replay counts as an attempt too, as it cannot be known for one
 * before its body is read.
 */
export async function receiveFeedbackWithAttachments(
  db: Db,
  origin: SubmissionOrigin,
  read: () => Promise<{ input: FeedbackSubmission; files: UploadedFile[] }>,
): Promise<FeedbackReceipt> {
  const limits = origin.limits ?? DEFAULT_SUBMISSION_LIMITS;
  const admittedAddressHash = await admitAddress(db, origin.address, limits, origin.now);
  const { input, files } = await read();
  return submitFeedback(db, input, { ...origin, admittedAddressHash }, files);
}

async function receive(
  db: Db,
  input: FeedbackSubmission,
  contact: { phone: string | null; email: string | null },
  files: ReturnType<typeof checkAttachments>,
  origin: { addressHash: string; now: Date },
): Promise<FeedbackReceipt> {
  if (input.organizationId && (await repository.organizationNames(db, [input.organizationId])).length === 0) {
    throw new AppError('invalid_reference', 'Unknown organization', {}, [
      { path: 'organizationId', message: 'error.feedback.organization' },
    ]);
  }
  const receivedOn = calendarDateOf(origin.now);
  // Fifteen working days never span more than two months, Tết included.
  const dates = serviceLevelDueDates(receivedOn, await loadWorkingCalendar(db, receivedOn, addDays(receivedOn, 62)));
  const searchText = searchDocument(input.title, input.content);
  const contentHash = createHash('sha256').update(foldForSearch(input.content)).digest('hex');
  for (let attempt = 0; ; attempt += 1) {
    const trackingCode = trackingCodeFrom(randomBytes(10));
    try {
      return await db.transaction().execute(async (tx) => {
        const duplicate = await repository.findLikelyDuplicate(tx, contentHash, searchText, input.field);
        const { id } = await repository.insertItem(tx, {
          tracking_code: trackingCode,
          type: input.type,
          field: input.field,
          title: input.title,
          content: input.content,
          search_text: searchText,
          content_hash: contentHash,
          organization_id: input.organizationId ?? null,
          submitter_kind: input.submitterKind,
          submitter_name: input.submitterName,
          phone: contact.phone,
          email: contact.email,
          consent_to_publish: input.consentToPublish,
          latitude: input.location?.latitude ?? null,
          longitude: input.location?.longitude ?? null,
          address: input.location?.address || null,
          media_url: input.mediaUrl ?? null,
          received_at: origin.now,
          received_on: receivedOn,
          triage_due_on: dates.triageDueOn,
          answer_due_on: dates.answerDueOn,
          possible_duplicate_of: duplicate?.id ?? null,
        });
        await repository.insertEvent(tx, {
          item_id: id,
          at: origin.now,
          kind: 'received',
          to_state: 'received',
          is_internal: false,
        });
        await repository.insertAttachments(
          tx,
          files.map((file) => ({
            item_id: id,
            file_name: file.fileName.slice(0, 255),
            media_type: file.mediaType,
            size_bytes: file.content.length,
            sha256: file.sha256,
            content: file.content,
          })),
        );
        await audit.record(tx, PUBLIC_SUBMITTER, [
          {
            action: 'feedback.submitted',
            entityType: 'feedback',
            entityId: id,
            scopePath: null,
            after: {
              trackingCode,
              type: input.type,
              field: input.field,
              possibleDuplicateOf: duplicate?.id ?? null,
              attachments: files.map((file) => file.sha256),
              addressHash: origin.addressHash,
            },
          },
        ]);
        return {
          trackingCode,
          state: 'received' as const,
          receivedAt: origin.now.toISOString(),
          ...dates,
        };
      });
    } catch (error) {
      // 50 random bits: a clash is all but impossible, but a fresh code costs nothing.
      if (!isUniqueViolation(error) || attempt >= 2) throw error;
    }
  }
}

function parseTrackingCode(input: string): string {
  const code = normalizeTrackingCode(input);
  if (!code) {
    throw new AppError('validation', `Not a tracking code: ${input}`, {}, [
      { path: 'trackingCode', message: 'error.feedback.tracking_code' },
    ]);
  }
  return code;
}

/** What anyone holding the code may read: never the contact, the actors or the internal notes. */
export async function trackFeedback(db: Db, trackingCode: string): Promise<FeedbackStatus> {
  const code = parseTrackingCode(trackingCode);
  const item = await repository.findItemByTrackingCode(db, code);
  if (!item) throw notFound('feedback', code);
  const [events, organizations, mergedInto] = await Promise.all([
    repository.eventsOf(db, item.id, { publicOnly: true }),
    repository.organizationNames(db, item.assigned_organization_id ? [item.assigned_organization_id] : []),
    item.merged_into ? repository.trackingCodeOf(db, item.merged_into) : undefined,
  ]);
  const organizationName = organizations[0]?.name_vi ?? null;
  return {
    trackingCode: item.tracking_code,
    type: item.type,
    field: item.field,
    title: item.title,
    state: item.state,
    receivedAt: item.received_at.toISOString(),
    answerDueOn: item.answer_due_on,
    assignedOrganizationName: organizationName,
    mergedIntoTrackingCode: mergedInto ?? null,
    answer:
      item.answer !== null && item.answered_at !== null
        ? { text: item.answer, answeredAt: item.answered_at.toISOString(), organizationName }
        : null,
    events: events.map(toPublicEvent),
  };
}

/** The portal: answers a handler published, of submitters who consented, newest first. */
export async function listPublicFeedback(
  db: Db,
  query: ListPublicFeedbackQuery,
): Promise<{ items: PublicFeedback[]; nextCursor: string | null }> {
  const offset = offsetOf(query.cursor);
  const rows = await repository.listPublished(
    db,
    { types: query.type, fields: query.field, words: query.q ? searchQueryWords(query.q) : undefined },
    { offset, limit: query.limit + 1 },
  );
  const { page, nextCursor } = pageFrom(rows, query.limit, offset);
  return { items: page.map(toPublicFeedback), nextCursor };
}
