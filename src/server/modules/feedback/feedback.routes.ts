import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES } from '../../../shared/domain/feedback.ts';
import { IdSchema, safeText } from '../../../shared/schemas/common.ts';
import {
  CreateFeedbackNoteSchema,
  FeedbackContactSchema,
  FeedbackDetailSchema,
  FeedbackPageSchema,
  FeedbackQueueQuerySchema,
  FeedbackReceiptSchema,
  FeedbackStatusSchema,
  type FeedbackSubmission,
  FeedbackSubmissionSchema,
  FeedbackTransitionSchema,
  ListPublicFeedbackQuerySchema,
  PublicFeedbackPageSchema,
  PublishFeedbackSchema,
} from '../../../shared/schemas/feedback.ts';
import { AppError } from '../../errors.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { sendStoredFile } from '../../http/downloads.ts';
import { fileDownload, problems } from '../../http/openapi.ts';
import { RequestValidationError } from '../../http/validation.ts';
import {
  closeWhenBodyUnread,
  MULTIPART_OVERHEAD_BYTES,
  checkedFileName,
  parserFileLimit,
  readFilePart,
  refuseAnnouncedLargerThan,
} from '../../http/uploads.ts';
import { requireIfMatch, setVersionTag } from '../../http/versioning.ts';
import type { Actor } from '../../kernel/actor.ts';
import { addFeedbackNote, setFeedbackPublished, transitionFeedback } from './feedback-handling.service.ts';
import {
  downloadFeedbackAttachment,
  getFeedbackDetail,
  listFeedbackQueue,
  readFeedbackContact,
} from './feedback-reading.service.ts';
import {
  fileError,
  listPublicFeedback,
  receiveFeedbackWithAttachments,
  submitFeedback,
  tooManyFiles,
  trackFeedback,
  type UploadedFile,
} from './feedback.service.ts';

const tags = ['Feedback'];
const ItemParams = z.object({ id: IdSchema });
const IdempotencyHeaders = z.object({ 'idempotency-key': safeText().min(8).max(100).optional() });
const IfMatchHeaders = z.object({ 'if-match': safeText().max(50).optional() });

const SUBMISSION_FIELD_MAX_BYTES = 64 * 1024;
/** The largest body the form with attachments may need; one announced larger is refused unread. */
const FORM_MAX_BYTES =
  ATTACHMENT_MAX_FILES * ATTACHMENT_MAX_BYTES + SUBMISSION_FIELD_MAX_BYTES + MULTIPART_OVERHEAD_BYTES;

/**
 * The multipart form: one part "submission" (the JSON of FeedbackSubmission), then the files,
 * read one after the other and refused at the first byte over a file's limit or at the first file
 * too many, so that the rest of the body is never read.
 */
async function readMultipart(request: FastifyRequest): Promise<{ submission: unknown; files: UploadedFile[] }> {
  let submission: unknown;
  const files: UploadedFile[] = [];
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (part.fieldname !== 'submission') continue;
      try {
        submission = JSON.parse(String(part.value));
      } catch (error) {
        throw new AppError('invalid_json', (error as Error).message, {}, [
          { path: 'submission', message: 'error.invalid_json' },
        ]);
      }
    } else {
      if (files.length === ATTACHMENT_MAX_FILES) throw tooManyFiles();
      const index = files.length;
      const content = await readFilePart(request, part, ATTACHMENT_MAX_BYTES, () =>
        fileError('payload_too_large', index, 'File too large'),
      );
      files.push({ fileName: checkedFileName(part.filename, `files.${index}`), content });
    }
  }
  return { submission, files };
}

function parseSubmission(submission: unknown): FeedbackSubmission {
  const parsed = FeedbackSubmissionSchema.safeParse(submission ?? {}, { reportInput: true });
  if (!parsed.success) {
    const error = new RequestValidationError(parsed.error.issues);
    error.validationContext = 'submission';
    throw error;
  }
  return parsed.data;
}

export const feedbackRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db }, config }) => {
  // One file more than allowed is let through the parser so that the refusal can say why; one byte
  // more than a file may have, so that readFilePart sees it (uploads.ts).
  await app.register(multipart, {
    limits: {
      fileSize: parserFileLimit(ATTACHMENT_MAX_BYTES),
      files: ATTACHMENT_MAX_FILES + 1,
      fields: 1,
      fieldSize: SUBMISSION_FIELD_MAX_BYTES,
    },
  });
  closeWhenBodyUnread(app);

  const originOf = (request: FastifyRequest) => ({
    address: request.ip,
    now: new Date(),
    idempotencyKey: request.headers['idempotency-key'] as string | undefined,
    limits: config.feedbackLimits,
  });
  const actorOf = (request: FastifyRequest): Actor => ({ principal: requirePrincipal(request), now: new Date() });
  /** Every change answers with the item as it now stands, and its version as ETag. */
  const respond = async (reply: FastifyReply, actor: Actor, id: string, status = 200) => {
    const item = await getFeedbackDetail(db, actor.principal, id, actor.now);
    setVersionTag(reply, item.version);
    return reply.status(status).send(item);
  };

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: 'Send feedback, a recommendation, a solution or an initiative (no account); returns a tracking code',
        headers: IdempotencyHeaders,
        body: FeedbackSubmissionSchema,
        response: { 201: FeedbackReceiptSchema, ...problems(401, 409, 412, 422, 429) },
      },
    },
    async (request, reply) => reply.status(201).send(await submitFeedback(db, request.body, originOf(request))),
  );

  app.post(
    '/api/v1/feedback/with-attachments',
    {
      schema: {
        tags,
        summary: `The same as multipart/form-data: a part "submission" (the JSON), then up to ${ATTACHMENT_MAX_FILES} files of 10 MiB (PDF, image, Office)`,
        consumes: ['multipart/form-data'],
        headers: IdempotencyHeaders,
        response: { 201: FeedbackReceiptSchema, ...problems(401, 409, 412, 413, 415, 422, 429) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send multipart/form-data');
      refuseAnnouncedLargerThan(request, FORM_MAX_BYTES, () => new AppError('payload_too_large', 'Form too large'));
      const receipt = await receiveFeedbackWithAttachments(db, originOf(request), async () => {
        const { submission, files } = await readMultipart(request);
        return { input: parseSubmission(submission), files };
      });
      return reply.status(201).send(receipt);
    },
  );

  app.get(
    '/api/v1/feedback/track/:trackingCode',
    {
      schema: {
        tags,
        summary: 'The status, public timeline and answer of a submission, by its tracking code (no account)',
        params: z.object({ trackingCode: safeText().max(40) }),
        response: { 200: FeedbackStatusSchema, ...problems(401, 404) },
      },
    },
    async (request) => trackFeedback(db, request.params.trackingCode),
  );

  app.get(
    '/api/v1/feedback/public',
    {
      schema: {
        tags,
        summary: 'Published answers to submissions whose senders consented, without their names or contacts',
        querystring: ListPublicFeedbackQuerySchema,
        response: { 200: PublicFeedbackPageSchema, ...problems(401) },
      },
    },
    async (request) => listPublicFeedback(db, request.query),
  );

  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: 'The handlers’ queue: submissions the caller may read, filtered, sorted and paged',
        querystring: FeedbackQueueQuerySchema,
        response: { 200: FeedbackPageSchema, ...problems(401, 403, 404) },
      },
    },
    async (request) => listFeedbackQueue(db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/v1/feedback/:id',
    {
      schema: {
        tags,
        summary: 'A submission with its contact masked, attachments, whole timeline and likely duplicates',
        params: ItemParams,
        response: { 200: FeedbackDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => respond(reply, actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/feedback/:id/contact',
    {
      schema: {
        tags,
        summary: 'The sender’s name, phone and e-mail, unmasked: each read is recorded in the audit trail',
        params: ItemParams,
        response: { 200: FeedbackContactSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const contact = await readFeedbackContact(db, requirePrincipal(request), request.params.id);
      // Read again, recorded again: no copy kept by a browser or a proxy.
      return reply.header('cache-control', 'no-store').send(contact);
    },
  );

  app.post(
    '/api/v1/feedback/:id/transitions',
    {
      schema: {
        tags,
        summary: 'Accept, reject, merge, assign, reassign, start, answer or close (If-Match required)',
        params: ItemParams,
        headers: IfMatchHeaders,
        body: FeedbackTransitionSchema,
        response: { 200: FeedbackDetailSchema, ...problems(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await transitionFeedback(db, actor, request.params.id, requireIfMatch(request), request.body);
      return respond(reply, actor, request.params.id);
    },
  );

  app.post(
    '/api/v1/feedback/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add an internal note, never shown to the sender or the public',
        params: ItemParams,
        body: CreateFeedbackNoteSchema,
        response: { 201: FeedbackDetailSchema, ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await addFeedbackNote(db, actor, request.params.id, request.body.body);
      return respond(reply, actor, request.params.id, 201);
    },
  );

  app.put(
    '/api/v1/feedback/:id/publication',
    {
      schema: {
        tags,
        summary: 'Publish the answer on the portal (sender’s consent required) or withdraw it (If-Match required)',
        params: ItemParams,
        headers: IfMatchHeaders,
        body: PublishFeedbackSchema,
        response: { 200: FeedbackDetailSchema, ...problems(401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await setFeedbackPublished(db, actor, request.params.id, requireIfMatch(request), request.body.isPublished);
      return respond(reply, actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/feedback/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment of a submission',
        params: z.object({ attachmentId: IdSchema }),
        response: { 200: fileDownload('The attachment'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await downloadFeedbackAttachment(db, requirePrincipal(request), request.params.attachmentId);
      return sendStoredFile(reply, file);
    },
  );
};
