import { z } from 'zod';
import {
  CONTENT_MAX,
  FEEDBACK_ACTIONS,
  FEEDBACK_EVENT_KINDS,
  FEEDBACK_FIELDS,
  FEEDBACK_SORTS,
  FEEDBACK_STATES,
  FEEDBACK_TYPES,
  NAME_MAX,
  normalizePhone,
  SUBMITTER_KINDS,
  TITLE_MAX,
} from '../domain/feedback.ts';
import { SERVICE_LEVEL_STATES } from '../domain/feedback-service-level.ts';
import { FEEDBACK_QUEUE_COUNT_CAP } from '../domain/list-count.ts';
import { CalendarDateSchema, countedPageOf, IdSchema, PageQuerySchema, safeText, text } from './common.ts';

const OrganizationRefSchema = z.object({ id: IdSchema, code: z.string(), nameVi: z.string(), nameEn: z.string() });

/** Where the matter lies, as Open311 clients send it (lat, long, address_string). */
export const FeedbackLocationSchema = z
  .strictObject({
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    address: safeText().trim().max(500).optional(),
  })
  .refine((location) => (location.latitude === undefined) === (location.longitude === undefined), {
    path: ['longitude'],
    message: 'error.feedback.coordinates_pair',
  });
export type FeedbackLocation = z.infer<typeof FeedbackLocationSchema>;

const submissionFields = {
  type: z.enum(FEEDBACK_TYPES),
  field: z.enum(FEEDBACK_FIELDS),
  title: text(TITLE_MAX),
  content: text(CONTENT_MAX, { multiline: true }),
  organizationId: IdSchema.optional().describe('The organization concerned, if the submitter knows it'),
  submitterKind: z.enum(SUBMITTER_KINDS),
  submitterName: text(NAME_MAX),
  phone: safeText().trim().max(30).optional(),
  email: safeText()
    .trim()
    .max(254)
    .pipe(z.union([z.literal(''), z.email()]))
    .optional(),
  consentToPublish: z.boolean().default(false),
  location: FeedbackLocationSchema.optional(),
};

type ContactFields = { phone?: string | undefined; email?: string | undefined };

function checkPhone(submission: ContactFields, context: z.core.$RefinementCtx<ContactFields>) {
  if (submission.phone && !normalizePhone(submission.phone)) {
    context.addIssue({ code: 'custom', path: ['phone'], message: 'error.feedback.invalid_phone' });
  }
}

/**
 * What the public form sends. Name and a contact are required as on the official system; the
 * contact is a phone number or an e-mail address, at least one. Empty strings count as absent,
 * as a form sends them.
 */
export const FeedbackSubmissionSchema = z.strictObject(submissionFields).superRefine((submission, context) => {
  checkPhone(submission, context);
  if (!submission.phone && !submission.email) {
    context.addIssue({ code: 'custom', path: ['phone'], message: 'error.feedback.contact_required' });
    context.addIssue({ code: 'custom', path: ['email'], message: 'error.feedback.contact_required' });
  }
});

/**
 * What an Open311 client sends, mapped (decision 0027): the spec makes the name and the contact
 * optional, so an item may come with neither (it is then known to have no contact: no phone, no
 * e-mail); a deployment may still require a contact (OPEN311_REQUIRE_CONTACT). A media link is
 * kept to be returned, never fetched.
 */
export const Open311FeedbackSubmissionSchema = z
  .strictObject({
    ...submissionFields,
    submitterName: safeText().trim().max(NAME_MAX),
    mediaUrl: z.string().max(2000).optional(),
  })
  .superRefine(checkPhone);

/** What a client sends (consentToPublish may be left out). */
export type FeedbackSubmissionInput = z.input<typeof FeedbackSubmissionSchema>;
/** A submission as the intake receives it, from the form or from Open311 (the wider of the two). */
export type FeedbackSubmission = z.infer<typeof Open311FeedbackSubmissionSchema>;

export const FeedbackReceiptSchema = z.object({
  trackingCode: z.string(),
  state: z.enum(FEEDBACK_STATES),
  receivedAt: z.string(),
  triageDueOn: CalendarDateSchema,
  answerDueOn: CalendarDateSchema,
});
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>;

export const FeedbackAttachmentSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type FeedbackAttachment = z.infer<typeof FeedbackAttachmentSchema>;

/** A step of the timeline as the submitter sees it: no actor, no internal reason, no notes. */
export const PublicFeedbackEventSchema = z.object({
  at: z.string(),
  kind: z.enum(FEEDBACK_EVENT_KINDS),
  fromState: z.enum(FEEDBACK_STATES).nullable(),
  toState: z.enum(FEEDBACK_STATES).nullable(),
  /** The organization the item went to, on assign and reassign. */
  organizationName: z.string().nullable(),
  /** Shown to the submitter for a rejection, and the task code of an adoption. */
  reason: z.string().nullable(),
});

export const FeedbackAnswerSchema = z.object({
  text: z.string(),
  answeredAt: z.string(),
  organizationName: z.string().nullable(),
});

/** What anyone holding the tracking code reads. */
export const FeedbackStatusSchema = z.object({
  trackingCode: z.string(),
  type: z.enum(FEEDBACK_TYPES),
  field: z.enum(FEEDBACK_FIELDS),
  title: z.string(),
  state: z.enum(FEEDBACK_STATES),
  receivedAt: z.string(),
  answerDueOn: CalendarDateSchema,
  assignedOrganizationName: z.string().nullable(),
  /** When merged: the item that carries the answer. */
  mergedIntoTrackingCode: z.string().nullable(),
  answer: FeedbackAnswerSchema.nullable(),
  events: z.array(PublicFeedbackEventSchema),
});
export type FeedbackStatus = z.infer<typeof FeedbackStatusSchema>;

/** An answered item on the public portal: never the submitter's name or contact. */
export const PublicFeedbackSchema = z.object({
  trackingCode: z.string(),
  type: z.enum(FEEDBACK_TYPES),
  field: z.enum(FEEDBACK_FIELDS),
  title: z.string(),
  content: z.string(),
  submitterKind: z.enum(SUBMITTER_KINDS),
  receivedAt: z.string(),
  state: z.enum(FEEDBACK_STATES),
  answer: FeedbackAnswerSchema,
});
export type PublicFeedback = z.infer<typeof PublicFeedbackSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  safeText()
    .max(300)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values)));

export const ListPublicFeedbackQuerySchema = PageQuerySchema.extend({
  type: csv(FEEDBACK_TYPES).optional(),
  field: csv(FEEDBACK_FIELDS).optional(),
  q: safeText().trim().max(200).optional(),
});
export type ListPublicFeedbackQuery = z.infer<typeof ListPublicFeedbackQuerySchema>;

export const PublicFeedbackPageSchema = z.object({
  items: z.array(PublicFeedbackSchema),
  nextCursor: z.string().nullable(),
});

/** An item as the handlers' queue shows it; the service level is read as of `as_of`. */
/** The submitter's key to the public status page: null for a reader who does not handle the item (decision 0018). */
const StaffTrackingCodeSchema = z.string().nullable();

export const FeedbackSummarySchema = z.object({
  id: IdSchema,
  trackingCode: StaffTrackingCodeSchema,
  type: z.enum(FEEDBACK_TYPES),
  field: z.enum(FEEDBACK_FIELDS),
  title: z.string(),
  state: z.enum(FEEDBACK_STATES),
  submitterKind: z.enum(SUBMITTER_KINDS),
  receivedAt: z.string(),
  triageDueOn: CalendarDateSchema,
  answerDueOn: CalendarDateSchema,
  /** The due date of the step still owed; null once settled. */
  pendingDueOn: CalendarDateSchema.nullable(),
  serviceLevel: z.enum(SERVICE_LEVEL_STATES).nullable(),
  organizationConcerned: OrganizationRefSchema.nullable(),
  assignedOrganization: OrganizationRefSchema.nullable(),
  /** The item flagged as likely the same at intake, when the reader may read it. */
  possibleDuplicateOfId: IdSchema.nullable(),
  attachmentCount: z.number().int(),
  version: z.number().int(),
});
export type FeedbackSummary = z.infer<typeof FeedbackSummarySchema>;

/** The handler's timeline: every step, with who took it and why, and the internal notes. */
export const FeedbackEventSchema = z.object({
  id: IdSchema,
  at: z.string(),
  kind: z.enum(FEEDBACK_EVENT_KINDS),
  fromState: z.enum(FEEDBACK_STATES).nullable(),
  toState: z.enum(FEEDBACK_STATES).nullable(),
  organizationName: z.string().nullable(),
  reason: z.string().nullable(),
  body: z.string().nullable(),
  actorName: z.string().nullable(),
  isInternal: z.boolean(),
});
export type FeedbackEvent = z.infer<typeof FeedbackEventSchema>;

/** An item alike, among those the reader may read. */
export const FeedbackDuplicateSchema = z.object({
  id: IdSchema,
  trackingCode: StaffTrackingCodeSchema,
  title: z.string(),
  state: z.enum(FEEDBACK_STATES),
  receivedAt: z.string(),
  /** 0–1: how alike the folded contents are. */
  similarity: z.number(),
});

export const FEEDBACK_ITEM_ACTIONS = [...FEEDBACK_ACTIONS, 'note', 'publish', 'unpublish'] as const;

/** The sender's name and contact, as GET /feedback/{id}/contact reveals them (each read audited). */
export const FeedbackContactSchema = z.object({
  submitterName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type FeedbackContact = z.infer<typeof FeedbackContactSchema>;

export const FeedbackDetailSchema = FeedbackSummarySchema.extend({
  content: z.string(),
  /** Masked (initials, the phone's last digits, the e-mail's first letter and domain); GET …/contact reveals it. */
  maskedContact: FeedbackContactSchema,
  /** False when the sender left neither phone nor e-mail (possible through Open311): nobody to call back. */
  hasContact: z.boolean(),
  /** A link an Open311 client gave (`media_url`), never fetched. */
  mediaUrl: z.string().nullable(),
  consentToPublish: z.boolean(),
  isPublished: z.boolean(),
  location: z
    .object({ latitude: z.number().nullable(), longitude: z.number().nullable(), address: z.string().nullable() })
    .nullable(),
  triagedAt: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  mergedInto: z.object({ id: IdSchema, trackingCode: StaffTrackingCodeSchema }).nullable(),
  /** The task an adopted initiative became. */
  taskId: IdSchema.nullable(),
  attachments: z.array(FeedbackAttachmentSchema),
  events: z.array(FeedbackEventSchema),
  possibleDuplicates: z.array(FeedbackDuplicateSchema),
  /** What the caller may do now, so that screens offer only those actions. */
  allowedActions: z.array(z.enum(FEEDBACK_ITEM_ACTIONS)),
});
export type FeedbackDetail = z.infer<typeof FeedbackDetailSchema>;

export const FeedbackQueueQuerySchema = PageQuerySchema.extend({
  state: csv(FEEDBACK_STATES).optional(),
  type: csv(FEEDBACK_TYPES).optional(),
  field: csv(FEEDBACK_FIELDS).optional(),
  organization: safeText().max(100).optional().describe('Assigned organization (id or code), with its units'),
  service_level: csv(SERVICE_LEVEL_STATES).optional(),
  q: safeText().trim().max(200).optional().describe('Words of the title or content, diacritics ignored'),
  received_from: CalendarDateSchema.optional(),
  received_to: CalendarDateSchema.optional(),
  as_of: CalendarDateSchema.optional().describe('The date service levels are read at; default today'),
  sort: z.enum(FEEDBACK_SORTS).default('due'),
});
export type FeedbackQueueQuery = z.infer<typeof FeedbackQueueQuerySchema>;

export const FeedbackPageSchema = countedPageOf(FeedbackSummarySchema, FEEDBACK_QUEUE_COUNT_CAP, 'items');
export type FeedbackPage = z.infer<typeof FeedbackPageSchema>;

const reason = text(4000, { multiline: true });

/** One transition of FEEDBACK_ACTION_EFFECTS, with what that action needs. */
export const FeedbackTransitionSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('accept') }),
  z.strictObject({ action: z.literal('reject'), reason }),
  z.strictObject({ action: z.literal('merge'), intoId: IdSchema }),
  z.strictObject({ action: z.literal('assign'), organizationId: IdSchema }),
  z.strictObject({ action: z.literal('reassign'), organizationId: IdSchema, reason }),
  z.strictObject({ action: z.literal('start') }),
  z.strictObject({ action: z.literal('answer'), answer: text(CONTENT_MAX, { multiline: true }) }),
  z.strictObject({ action: z.literal('close') }),
]);
export type FeedbackTransition = z.infer<typeof FeedbackTransitionSchema>;

export const CreateFeedbackNoteSchema = z.strictObject({ body: text(4000, { multiline: true }) });

export const PublishFeedbackSchema = z.strictObject({ isPublished: z.boolean() });
