import type { FastifyReply } from 'fastify';

/** A file someone uploaded, as a download answers it. */
export interface StoredFile {
  mediaType: string;
  fileName: string;
  content: Buffer;
}

/**
 * Sends an uploaded file (a task's evidence, a submission's attachment) as a download under its own
 * name, never rendered by the browser as what its type claims.
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile) {
  return reply
    .type(file.mediaType)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
