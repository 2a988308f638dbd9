import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVIDENCE_MAX_BYTES } from '../../../shared/domain/evidence.ts';
import { IdSchema } from '../../../shared/schemas/common.ts';
import { EvidenceFileSchema } from '../../../shared/schemas/tasks.ts';
import { AppError } from '../../errors.ts';
import { requirePrincipal } from '../../http/authentication.ts';
import type { AppContext } from '../../http/context.ts';
import { sendStoredFile } from '../../http/downloads.ts';
import { fileDownload, problems } from '../../http/openapi.ts';
import {
  closeWhenBodyUnread,
  MULTIPART_OVERHEAD_BYTES,
  checkedFileName,
  parserFileLimit,
  readFilePart,
  refuseAnnouncedLargerThan,
} from '../../http/uploads.ts';
import * as service from './evidence.service.ts';

const tags = ['Tasks'];

export const evidenceRoutes: FastifyPluginAsyncZod<AppContext> = async (app, { database: { db } }) => {
  // One file per request; the parser stops reading past one byte over the limit (see uploads.ts).
  await app.register(multipart, { limits: { fileSize: parserFileLimit(EVIDENCE_MAX_BYTES), files: 1, fields: 0 } });
  closeWhenBodyUnread(app);

  app.post(
    '/api/v1/tasks/:id/files',
    {
      schema: {
        tags,
        summary:
          'Upload an evidence file (multipart/form-data, field "file"): PDF, image or Office document, 20 MiB at most',
        consumes: ['multipart/form-data'],
        params: z.object({ id: IdSchema }),
        response: { 201: EvidenceFileSchema, ...problems(401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data');
      refuseAnnouncedLargerThan(request, EVIDENCE_MAX_BYTES + MULTIPART_OVERHEAD_BYTES, service.evidenceTooLarge);
      const file = await service.receiveEvidence(db, principal, request.params.id, async () => {
        const part = await request.file();
        if (!part) throw new AppError('validation', 'No file', {}, [{ path: 'file', message: 'error.validation' }]);
        const content = await readFilePart(request, part, EVIDENCE_MAX_BYTES, service.evidenceTooLarge);
        return { fileName: checkedFileName(part.filename, 'file'), content };
      });
      return reply.status(201).send(file);
    },
  );

  app.get(
    '/api/v1/tasks/:id/files',
    {
      schema: {
        tags,
        summary: 'The evidence files of a task',
        params: z.object({ id: IdSchema }),
        response: { 200: z.object({ items: z.array(EvidenceFileSchema) }), ...problems(401, 403, 404) },
      },
    },
    async (request) => ({ items: await service.listEvidence(db, requirePrincipal(request), request.params.id) }),
  );

  app.get(
    '/api/v1/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Download an evidence file',
        params: z.object({ fileId: IdSchema }),
        response: { 200: fileDownload('The evidence file'), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await service.downloadEvidence(db, requirePrincipal(request), request.params.fileId);
      return sendStoredFile(reply, file);
    },
  );
};
