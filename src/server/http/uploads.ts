import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { textFault } from '../../shared/domain/text.ts';
import { AppError } from '../errors.ts';

/**
 * Room for what a multipart body carries besides its contents: boundaries and each part's
 * headers (a file's name among them). A body announced larger than its contents may be plus this
 * is refused before a byte of it is read.
 */
export const MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

/**
 * The `fileSize` limit to give the multipart parser for files of at most `maxBytes`: one byte
 * more. The parser passes a file on up to its limit and drops the rest; when the limit falls at
 * the end of a chunk it drops the rest without a chunk left to mark the file truncated on, and a
 * file cut to exactly the limit looked whole (issue 9: a 20 MiB cut of a larger evidence file was
 * stored). With one byte more, a file over `maxBytes` always hands over that byte, and
 * `readFilePart` counts it.
 */
export const parserFileLimit = (maxBytes: number): number => maxBytes + 1;

/** Refuses a body whose Content-Length says it is larger than `maxBytes`, before reading it. */
export function refuseAnnouncedLargerThan(request: FastifyRequest, maxBytes: number, tooLarge: () => AppError): void {
  const announced = Number(request.headers['content-length']);
  if (Number.isFinite(announced) && announced > maxBytes) throw tooLarge();
}

/**
 * Reads one file part into memory, `maxBytes` at most: counts the bytes itself rather than trust
 * the parser's `truncated` flag (see parserFileLimit), and stops reading the body at the parser's
 * limit. Past its limit the parser reads on, discarding, as fast as the body comes (a whole
 * in-memory body before the loop below sees the byte too many), so the body is cut off from it
 * the moment it reaches the limit.
 */
export async function readFilePart(
  request: FastifyRequest,
  part: MultipartFile,
  maxBytes: number,
  tooLarge: () => AppError,
): Promise<Buffer> {
  part.file.once('limit', () => {
    request.raw.unpipe();
    part.file.destroy(tooLarge());
  });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of part.file as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Throwing out of the loop destroys the stream.
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  if (part.file.truncated) throw tooLarge();
  return Buffer.concat(chunks, size);
}

/**
 * A refusal sent before the body was read to its end closes the connection, so that the rest is
 * not read at all: the client has its answer and may not send another request on it.
 */
export function closeWhenBodyUnread(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (reply.statusCode >= 400 && !request.raw.readableEnded) reply.header('connection', 'close');
  });
}

/**
 * A part's file name, as stored and shown: refused with 400 naming the field when it holds what the
 * text rule refuses everywhere else (NUL, control characters, lone surrogates; decision 0017).
 */
export function checkedFileName(name: string, field: string): string {
  const fault = textFault(name);
  if (fault) {
    throw new AppError('validation', `Unusable file name (${fault})`, {}, [
      { path: field, message: `error.text.${fault}` },
    ]);
  }
  return name;
}
